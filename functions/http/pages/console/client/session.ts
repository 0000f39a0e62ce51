import type { Lang } from '../../../env';
import type { SignInConfig } from '../../../schemas';
import {
  beginSignIn,
  currentSession,
  forgetSession,
  logoutUrl,
  type Session,
} from '../../checkin/client/oidc';
import { type Boot, boot } from '../../shared/boot';

/**
 * The console's one door to the check-in page's OIDC client (code flow + PKCE): every call goes
 * through here, so the console follows that module as it changes and adapts in this file only.
 * The console's redirect URI is /admin (registered with the issuer next to the page's own /).
 */

export type { Session };

/** Why signing in failed, in the console's three words for it. */
export type Failure = 'denied' | 'unavailable' | 'failed';

export const CONSOLE_PATH = '/admin';

function forConsole(cfg: SignInConfig): SignInConfig {
  return { ...cfg, redirectUri: `${location.origin}${CONSOLE_PATH}` };
}

export function signIn(cfg: SignInConfig, lang: Lang): Promise<void> {
  return beginSignIn(forConsole(cfg), lang);
}

/** The shared start (see shared/boot), the issuer returning to /admin. */
export function startSession(): Promise<Boot> {
  return boot(CONSOLE_PATH);
}

/** A failed return from the issuer in the console's words. */
export function failureOf(e: unknown): Failure {
  // The OIDC module names a cause (`failure`) on its SignInError.
  const cause = (e as { failure?: unknown } | null)?.failure;
  if (cause === 'denied') return 'denied';
  if (cause === 'unavailable' || cause === 'network') return 'unavailable';
  return 'failed';
}

export { currentSession };

/** Forget the session here, and where the issuer keeps one (Cognito), end that too. */
export function signOut(cfg: SignInConfig | null): void {
  forgetSession();
  const url = cfg ? logoutUrl(forConsole(cfg)) : null;
  if (url) location.assign(url);
}
