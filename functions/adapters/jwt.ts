import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTHeaderParameters,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { AuthUnavailable, Unauthorized } from '../core/errors';
import type { Verifier } from '../core/ports/auth';

export interface VerifierOptions {
  readonly issuer: string;
  /** Accepted audiences; Cognito access tokens carry the app client id in `client_id` instead. */
  readonly audience: readonly string[];
  /** Either a JWKS URL (fetched and cached by jose) or the keys themselves. */
  readonly jwksUrl?: string | undefined;
  readonly jwks?: JSONWebKeySet | undefined;
  readonly algorithms: readonly string[];
  readonly employeeClaim: string;
  readonly groupsClaim: string;
  readonly adminGroup: string;
  /** Leeway for `exp`, `nbf` and a slightly future `iat` (clocks differ); default 30 s. */
  readonly clockToleranceS?: number;
  /** Longest lifetime (`exp` − `iat`) accepted; default DEFAULT_MAX_LIFETIME_S. */
  readonly maxLifetimeS?: number;
}

/** A day: Cognito's access tokens live at most that long (apel's stack sets one hour). */
export const DEFAULT_MAX_LIFETIME_S = 86_400;

/**
 * Verify a bearer JWT with jose: signature from the JWKS, issuer, audience, expiry, algorithm
 * allow-list; then what jose leaves to us. Only access tokens: an ID token is signed by the same
 * issuer for the same client, but it says who signed in to the page, not what they may call
 * (Cognito marks access tokens `token_use: access`, RFC 9068 issuers `typ: at+jwt`). A lifetime
 * capped, and an `iat` not in the future, so that a leaked signing key or a careless issuer
 * cannot mint tokens that outlive their revocation. Groups as an array of strings only: a
 * string such as "x,admin" is not read as a list.
 */
export function createVerifier(o: VerifierOptions): Verifier {
  const keySet = o.jwksUrl
    ? createRemoteJWKSet(new URL(o.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    : o.jwks
      ? createLocalJWKSet(o.jwks)
      : null;
  if (!keySet) throw new Error('a JWKS URL or a local JWKS is required');
  const audiences = new Set(o.audience);
  const toleranceS = o.clockToleranceS ?? 30;
  const maxLifetimeS = o.maxLifetimeS ?? DEFAULT_MAX_LIFETIME_S;

  return async (token) => {
    let payload: JWTPayload;
    let header: JWTHeaderParameters;
    try {
      ({ payload, protectedHeader: header } = await jwtVerify(token, keySet, {
        issuer: o.issuer,
        algorithms: [...o.algorithms],
        clockTolerance: toleranceS,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (err) {
      // The issuer's key set could not be fetched: the token may well be good, so say "later".
      if (err instanceof errors.JWKSTimeout || err instanceof TypeError) {
        throw new AuthUnavailable(err);
      }
      throw new Unauthorized(reasonOf(err));
    }
    if (payload.token_use !== 'access' && header.typ?.toLowerCase() !== 'at+jwt') {
      throw new Unauthorized('not an access token');
    }
    // jwtVerify required both and checked that they are numbers.
    const iat = payload.iat as number;
    const exp = payload.exp as number;
    if (iat > Date.now() / 1000 + toleranceS) throw new Unauthorized('issued in the future');
    if (exp - iat > maxLifetimeS) throw new Unauthorized('lifetime too long');
    const aud = payload.aud === undefined ? [] : [payload.aud].flat();
    const clientId = typeof payload.client_id === 'string' ? [payload.client_id] : [];
    if (![...aud, ...clientId].some((a) => audiences.has(a))) {
      throw new Unauthorized('audience not accepted');
    }
    const employeeId = payload[o.employeeClaim];
    if (typeof employeeId !== 'string' || employeeId.length === 0 || employeeId.length > 128) {
      throw new Unauthorized(`claim ${o.employeeClaim} missing`);
    }
    return { employeeId, admin: groupsOf(payload[o.groupsClaim]).includes(o.adminGroup) };
  };
}

/** The groups claim as Cognito writes it, an array of strings; anything else is no groups. */
function groupsOf(claim: unknown): readonly string[] {
  return Array.isArray(claim) && claim.every((g) => typeof g === 'string') ? claim : [];
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) return `claim ${err.claim} not accepted`;
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature invalid';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (err instanceof errors.JWKSNoMatchingKey) return 'signing key unknown';
  return 'token invalid';
}
