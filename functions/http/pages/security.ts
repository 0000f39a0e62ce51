import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { SignInConfig } from '../schemas';

/** The origin of an absolute URL; a relative one is this site's own ('self'). */
function originOf(url: string | undefined): string[] {
  if (!url || !/^https?:\/\//i.test(url)) return [];
  return [new URL(url).origin];
}

/**
 * Headers for everything a browser renders: a Content-Security-Policy with no inline script or
 * style, no framing, no referrer (the sign-in code must not leak through one), and geolocation
 * for this origin only. The page may talk to itself, to the token endpoint and to the issuer's
 * key set (Cognito's are on two hosts), and nowhere else; the console also shows its map's tiles.
 */
export function pageSecurity(
  signIn: SignInConfig | undefined,
  o: {
    /** The camera, for this origin (the check-in page scans a ground code); off elsewhere. */
    readonly camera?: boolean;
    /** Image hosts beyond this origin (the console's map tiles); none for the check-in page. */
    readonly imageHosts?: readonly string[];
    /** Hosts beyond this origin the page may fetch from (the console: the reports bucket). */
    readonly connectHosts?: readonly string[];
  } = {},
): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', ...(o.imageHosts ?? [])],
      connectSrc: [
        ...new Set([
          "'self'",
          ...originOf(signIn?.tokenUrl),
          ...originOf(signIn?.jwksUrl),
          ...(o.connectHosts ?? []),
        ]),
      ],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    // The camera only where a page scans (the check-in page's ground code), for itself only.
    permissionsPolicy: { geolocation: ['self'], camera: o.camera ? ['self'] : [], microphone: [] },
  });
}
