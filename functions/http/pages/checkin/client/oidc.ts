import * as oauth from 'oauth4webapi';
import type { Lang } from '../../../env';
import type { SignInConfig } from '../../../schemas';
import { KEYS, load, save } from './storage';

/**
 * Sign-in with the OIDC authorization code flow and PKCE (S256), by oauth4webapi: the callback's
 * state, then the ID token as OIDC Core 3.1.3.7 asks (alg, iss, aud, exp, iat, sub, nonce) and
 * its signature against the issuer's JWKS. It works the same against Cognito managed login and
 * the local issuer of `npm start`.
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

/**
 * Why signing in failed, as the page words it. Never the provider's or anyone's free text: a
 * callback URL is a link anyone can send.
 */
export type SignInFailure =
  /** The person cancelled (access_denied). */
  | 'denied'
  /** The provider is down (server_error, temporarily_unavailable). */
  | 'unavailable'
  /** The provider refused the request (any other error code). */
  | 'refused'
  /** The token endpoint refused the code (spent, expired, or not ours). */
  | 'code'
  /** The ID token failed a check: signature, issuer, audience, nonce, algorithm. */
  | 'token'
  /** The ID token's times do not fit the phone's clock (expired, or the clock is off). */
  | 'clock'
  /** The provider could not be reached. */
  | 'network';

export class SignInError extends Error {
  override name = 'SignInError';
  constructor(readonly failure: SignInFailure) {
    super(failure);
  }
}

/** A session this close to expiry is treated as expired, so a check-in never races it. */
const EXPIRY_MARGIN_MS = 30_000;
/** Both Cognito and the local issuer sign with RS256; `none` and HMAC are never accepted. */
const ID_TOKEN_ALG = 'RS256';

const absolute = (url: string) => new URL(url, location.href).href;

function serverOf(cfg: SignInConfig): oauth.AuthorizationServer {
  return {
    issuer: cfg.issuer,
    authorization_endpoint: absolute(cfg.authorizeUrl),
    token_endpoint: absolute(cfg.tokenUrl),
    jwks_uri: absolute(cfg.jwksUrl),
    id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
  };
}

function clientOf(cfg: SignInConfig): oauth.Client {
  return { client_id: cfg.clientId, id_token_signed_response_alg: ID_TOKEN_ALG };
}

/** Plain http only where the page itself may be (a secure context): localhost, `npm start`. */
const options = () => ({ [oauth.allowInsecureRequests]: location.protocol === 'http:' });

function redirectUriOf(cfg: SignInConfig): string {
  return cfg.redirectUri ?? `${location.origin}${location.pathname}`;
}

/** Go to the issuer's sign-in page; it comes back to this page with ?code=…&state=…. */
export async function beginSignIn(cfg: SignInConfig, lang: Lang): Promise<void> {
  const started: Started = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    redirectUri: redirectUriOf(cfg),
  };
  const url = new URL(serverOf(cfg).authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: started.redirectUri,
    scope: cfg.scopes.join(' '),
    state: started.state,
    nonce: started.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(started.verifier),
    code_challenge_method: 'S256',
    lang,
  }).toString();
  save('session', KEYS.signIn, started);
  location.assign(url.href);
}

const PROVIDER_DOWN = new Set(['server_error', 'temporarily_unavailable']);

/** The failure an error from oauth4webapi (or from fetch) stands for. */
function failureOf(e: unknown): SignInFailure {
  if (e instanceof oauth.AuthorizationResponseError) {
    if (e.error === 'access_denied') return 'denied';
    return PROVIDER_DOWN.has(e.error) ? 'unavailable' : 'refused';
  }
  if (e instanceof oauth.ResponseBodyError) {
    return PROVIDER_DOWN.has(e.error) || e.status >= 500 ? 'unavailable' : 'code';
  }
  if (e instanceof oauth.OperationProcessingError) {
    if (e.code === oauth.JWT_TIMESTAMP_CHECK) return 'clock';
    // Our own token endpoint answers a refused code in apel's error shape, not OAuth's.
    if (e.code === oauth.RESPONSE_IS_NOT_CONFORM) {
      return ((e.cause as Response | undefined)?.status ?? 0) >= 500 ? 'unavailable' : 'code';
    }
    return 'token';
  }
  if (e instanceof TypeError) return 'network';
  return 'token';
}

/**
 * When this page load is the issuer's redirect back, exchange the code for tokens and check the
 * ID token. Returns null on an ordinary page load, and for a callback that is not ours (no
 * sign-in started here, or another state): whoever sent that link has no say on this page.
 * Throws SignInError when our sign-in failed.
 */
export async function finishSignIn(cfg: SignInConfig): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  // The code is single-use: keep it out of the history and out of a reload.
  history.replaceState(null, '', location.pathname);
  const started = load<Started>('session', KEYS.signIn);
  if (!started || params.get('state') !== started.state) return null;
  save('session', KEYS.signIn, null);

  const as = serverOf(cfg);
  const client = clientOf(cfg);
  try {
    const callback = oauth.validateAuthResponse(as, client, params, started.state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      callback,
      started.redirectUri,
      started.verifier,
      options(),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: started.nonce,
      requireIdToken: true,
    });
    // The claims are checked above; the signature, against the issuer's published keys, here.
    await oauth.validateApplicationLevelSignature(as, response, options());
    const id = oauth.getValidatedIdTokenClaims(tokens);
    if (!id) throw new SignInError('token');
    const name = id.name ?? id['cognito:username'] ?? id.preferred_username;
    const session: Session = {
      accessToken: tokens.access_token,
      expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
      sub: id.sub,
      name: typeof name === 'string' ? name : null,
    };
    save('session', KEYS.session, session);
    return session;
  } catch (e) {
    if (e instanceof SignInError) throw e;
    // For whoever looks into a failed sign-in; console errors are for the page's own faults.
    console.warn('sign-in failed', e);
    throw new SignInError(failureOf(e));
  }
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
