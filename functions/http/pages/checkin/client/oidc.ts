import type { Lang } from '../../../env';
import type { SignInConfig } from '../../../schemas';
import { KEYS, load, save } from './storage';

/**
 * Sign-in with the OIDC authorization code flow and PKCE (S256), by hand with WebCrypto. It
 * works the same against Cognito managed login and the local issuer of `npm start`.
 */

export interface Session {
  readonly accessToken: string;
  /** Epoch ms, from the token response's expires_in. */
  readonly expiresAt: number;
  /** The id token's subject: whose unsent check-in this session may send. */
  readonly sub: string;
  readonly name: string | null;
}

interface Started {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
  readonly redirectUri: string;
}

export class SignInError extends Error {
  override name = 'SignInError';
}

/** A session this close to expiry is treated as expired, so a check-in never races it. */
const EXPIRY_MARGIN_MS = 30_000;

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The payload of a JWT, unverified: the id token came straight from the token endpoint over TLS. */
function claimsOf(jwt: unknown): Record<string, unknown> | null {
  if (typeof jwt !== 'string') return null;
  try {
    const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(part.padEnd(Math.ceil(part.length / 4) * 4, '='));
    const json = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function redirectUriOf(cfg: SignInConfig): string {
  return cfg.redirectUri ?? `${location.origin}${location.pathname}`;
}

/** Go to the issuer's sign-in page; it comes back to this page with ?code=…&state=…. */
export async function beginSignIn(cfg: SignInConfig, lang: Lang): Promise<void> {
  const started: Started = {
    verifier: randomToken(32),
    state: randomToken(16),
    nonce: randomToken(16),
    redirectUri: redirectUriOf(cfg),
  };
  save('session', KEYS.signIn, started);
  const url = new URL(cfg.authorizeUrl, location.href);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: started.redirectUri,
    scope: cfg.scopes.join(' '),
    state: started.state,
    nonce: started.nonce,
    code_challenge: await s256(started.verifier),
    code_challenge_method: 'S256',
    lang,
  }).toString();
  location.assign(url.href);
}

/** The OAuth error name from Cognito's body (`{"error": "invalid_grant"}`) or ours. */
function oauthError(body: unknown): string | null {
  const e = (body as { error?: unknown } | null)?.error;
  if (typeof e === 'string') return e;
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : null;
}

/**
 * When this page load is the issuer's redirect back, exchange the code for tokens. Returns null
 * on an ordinary page load; throws SignInError when the issuer refused or the answer is wrong.
 */
export async function finishSignIn(cfg: SignInConfig): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (code === null && error === null) return null;
  // The code is single-use: keep it out of the history and out of a reload.
  history.replaceState(null, '', location.pathname);
  const started = load<Started>('session', KEYS.signIn);
  save('session', KEYS.signIn, null);
  if (error !== null) throw new SignInError(params.get('error_description') || error);
  if (!started || params.get('state') !== started.state) throw new SignInError('state mismatch');

  const res = await fetch(new URL(cfg.tokenUrl, location.href), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cfg.clientId,
      code: code ?? '',
      redirect_uri: started.redirectUri,
      code_verifier: started.verifier,
    }),
  });
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (!res.ok || typeof body?.access_token !== 'string') {
    throw new SignInError(oauthError(body) ?? `HTTP ${res.status}`);
  }
  const id = claimsOf(body.id_token);
  if (!id || id.nonce !== started.nonce || typeof id.sub !== 'string') {
    throw new SignInError('nonce mismatch');
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  const name = id.name ?? id['cognito:username'] ?? id.preferred_username;
  const session: Session = {
    accessToken: body.access_token,
    expiresAt: Date.now() + expiresIn * 1000,
    sub: id.sub,
    name: typeof name === 'string' ? name : null,
  };
  save('session', KEYS.session, session);
  return session;
}

/** The stored session, unless it has (nearly) expired. */
export function currentSession(): Session | null {
  const s = load<Session>('session', KEYS.session);
  return s && s.expiresAt - EXPIRY_MARGIN_MS > Date.now() ? s : null;
}

export function forgetSession(): void {
  save('session', KEYS.session, null);
}

/** Where to send the browser to end the issuer's own session too (Cognito), if anywhere. */
export function logoutUrl(cfg: SignInConfig): string | null {
  if (!cfg.logoutUrl) return null;
  const url = new URL(cfg.logoutUrl, location.href);
  url.search = new URLSearchParams({
    client_id: cfg.clientId,
    logout_uri: redirectUriOf(cfg),
  }).toString();
  return url.href;
}
