import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { DomainError, type Issue, ValidationFailed } from '../core/errors';
import type { RosterRepository } from '../core/ports';
import type { AppEnv } from '../http/env';
import { pageSecurity } from '../http/pages/security';
import type { SignInConfig } from '../http/schemas';
import { valid } from '../http/validate';
import { allowHosts } from './host-check';
import { LOCAL_ISSUER, type LocalIssuer } from './issuer';
import { type DemoPerson, type Refusal, signInPage } from './sign-in-page';

/**
 * The local issuer's demo sign-in, standing in for Cognito managed login on `npm start`: the
 * OIDC authorization code flow with PKCE (S256 only), so that the check-in page signs in here
 * exactly as it does on AWS. Mounted by the local runtime only, never in the Lambda app.
 */

export const LOCAL_SIGN_IN_PATH = '/local-issuer';

export type { DemoPerson } from './sign-in-page';

export interface LocalSignInOptions {
  readonly issuer: LocalIssuer;
  readonly clientId: string;
  /** Whom the sign-in page offers as quick picks (the admin among them). */
  readonly people: readonly DemoPerson[];
  /** Anyone else on the roster may sign in by typing their id. */
  readonly roster: Pick<RosterRepository, 'get'>;
  /** The public address (a tunnel) this server also answers on; loopback only without it. */
  readonly publicUrl?: string | undefined;
  /** Lifetime of the access token, seconds (Cognito's default is an hour). */
  readonly tokenTtlS?: number;
}

/** The page's sign-in configuration for these routes: relative, so any local origin works. */
export function localSignInConfig(clientId: string): SignInConfig {
  return {
    authorizeUrl: `${LOCAL_SIGN_IN_PATH}/authorize`,
    tokenUrl: `${LOCAL_SIGN_IN_PATH}/token`,
    issuer: LOCAL_ISSUER,
    jwksUrl: `${LOCAL_SIGN_IN_PATH}/jwks.json`,
    clientId,
    scopes: ['openid'],
  };
}

/** A code, verifier or redirect that does not match: OAuth's invalid_grant, in our error shape. */
export class InvalidGrant extends DomainError {
  constructor(reason: string) {
    super('INVALID_GRANT', `sign-in code refused: ${reason}`, { reason });
  }
}

const CODE_TTL_MS = 60_000;

const AuthorizeParams = v.object({
  response_type: v.literal('code'),
  client_id: v.pipe(v.string(), v.maxLength(128)),
  redirect_uri: v.pipe(v.string(), v.url(), v.maxLength(2048)),
  scope: v.optional(v.pipe(v.string(), v.maxLength(512))),
  state: v.pipe(v.string(), v.minLength(8), v.maxLength(512)),
  nonce: v.optional(v.pipe(v.string(), v.maxLength(512))),
  code_challenge: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43,128}$/, 'not an S256 challenge')),
  code_challenge_method: v.literal('S256', 'only S256 is supported'),
  lang: v.optional(v.picklist(['id', 'en'])),
});
type Authorize = v.InferOutput<typeof AuthorizeParams>;

const Choice = v.object({
  ...AuthorizeParams.entries,
  /** A quick pick's button. */
  employee: v.optional(v.pipe(v.string(), v.maxLength(128))),
  /** The text field. */
  employeeId: v.optional(v.pipe(v.string(), v.maxLength(128))),
  cancel: v.optional(v.string()),
});

const TokenParams = v.object({
  grant_type: v.literal('authorization_code'),
  code: v.pipe(v.string(), v.maxLength(128)),
  redirect_uri: v.pipe(v.string(), v.maxLength(2048)),
  client_id: v.pipe(v.string(), v.maxLength(128)),
  code_verifier: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._~-]{43,128}$/, 'not a PKCE verifier')),
});

interface Grant {
  readonly person: DemoPerson;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | undefined;
  readonly expiresAt: number;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function localSignInRoutes(o: LocalSignInOptions) {
  const grants = new Map<string, Grant>();
  const people = new Map(o.people.map((p) => [p.employeeId, p]));
  const ttlS = o.tokenTtlS ?? 3600;

  /** The client and redirect must be ours: the page on this very server. */
  function checkClient(q: Authorize, requestUrl: string): void {
    const issues: Issue[] = [];
    if (q.client_id !== o.clientId) {
      issues.push({
        path: 'client_id',
        message: { id: 'klien tidak dikenal', en: 'unknown client' },
      });
    }
    if (new URL(q.redirect_uri).origin !== new URL(requestUrl).origin) {
      issues.push({
        path: 'redirect_uri',
        message: { id: 'harus halaman di server ini', en: 'must be a page of this server' },
      });
    }
    if (issues.length > 0) throw new ValidationFailed('the sign-in request is not valid', issues);
  }

  /** Who signs in: a quick pick, or the typed id when it is on the roster. */
  async function personFor(pick: string | undefined, typed: string | undefined) {
    const id = (pick ?? typed ?? '').trim();
    if (id === '') return { refusal: { why: 'empty' } as Refusal };
    const known = people.get(id);
    if (known) return { person: known };
    const employee = await o.roster.get(id);
    if (!employee) return { refusal: { why: 'unknown', id } as Refusal };
    const { employeeId, name, unit } = employee;
    return { person: { employeeId, name, unit } satisfies DemoPerson };
  }

  const secure = pageSecurity(undefined);
  const local = describeRoute({ hide: true });
  return new Hono<AppEnv>()
    .use(allowHosts(o.publicUrl))
    .get('/jwks.json', local, (c) => {
      c.header('cache-control', 'no-cache');
      return c.json(o.issuer.jwks);
    })
    .get('/authorize', local, secure, valid('query', AuthorizeParams), (c) => {
      const q = c.req.valid('query');
      checkClient(q, c.req.url);
      c.header('cache-control', 'no-store');
      return c.html(signInPage({ lang: q.lang ?? 'id', request: q, people: o.people }));
    })
    .post('/authorize', local, secure, valid('form', Choice), async (c) => {
      const { employee, employeeId, cancel, ...q } = c.req.valid('form');
      checkClient(q, c.req.url);
      const back = new URL(q.redirect_uri);
      back.searchParams.set('state', q.state);
      if (cancel !== undefined) {
        back.searchParams.set('error', 'access_denied');
        return c.redirect(back.href, 302);
      }
      const { person, refusal } = await personFor(employee, employeeId);
      if (!person) {
        c.header('cache-control', 'no-store');
        const page = { lang: q.lang ?? 'id', request: q, people: o.people };
        // The form again, saying why (an HTML form's answer: 4xx are JSON errors here).
        return c.html(signInPage({ ...page, typed: employeeId ?? '', refusal }));
      }
      const now = Date.now();
      for (const [k, g] of grants) if (g.expiresAt < now) grants.delete(k);
      const code = randomBytes(32).toString('base64url');
      grants.set(code, {
        person,
        clientId: q.client_id,
        redirectUri: q.redirect_uri,
        challenge: q.code_challenge,
        nonce: q.nonce,
        expiresAt: now + CODE_TTL_MS,
      });
      back.searchParams.set('code', code);
      return c.redirect(back.href, 302);
    })
    .post('/token', local, valid('form', TokenParams), async (c) => {
      const q = c.req.valid('form');
      const grant = grants.get(q.code);
      grants.delete(q.code); // single use, whatever happens next
      if (!grant || grant.expiresAt < Date.now()) throw new InvalidGrant('unknown or expired code');
      if (grant.clientId !== q.client_id) throw new InvalidGrant('client mismatch');
      if (grant.redirectUri !== q.redirect_uri) throw new InvalidGrant('redirect_uri mismatch');
      if (s256(q.code_verifier) !== grant.challenge) {
        throw new InvalidGrant('code_verifier does not match the challenge');
      }
      const { employeeId, admin, name } = grant.person;
      const [accessToken, idToken] = await Promise.all([
        o.issuer.sign({ employeeId, admin: admin === true, ttlS }),
        o.issuer.sign({
          employeeId,
          admin: admin === true,
          ttlS,
          claims: { name, token_use: 'id', ...(grant.nonce ? { nonce: grant.nonce } : {}) },
        }),
      ]);
      c.header('cache-control', 'no-store');
      return c.json({
        access_token: accessToken,
        id_token: idToken,
        token_type: 'Bearer',
        expires_in: ttlS,
      });
    });
}
