import type { Lang } from '../../../env';
import type { SignInConfig } from '../../../schemas';
import {
  beginSignIn,
  currentSession,
  finishSignIn,
  forgetSession,
  logoutUrl,
  type Session,
} from '../../checkin/client/oidc';

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

/** The session after the issuer's redirect back, or the stored one; throws a Failure. */
export async function resumeSession(cfg: SignInConfig): Promise<Session | null> {
  try {
    return (await finishSignIn(forConsole(cfg))) ?? currentSession();
  } catch (e) {
    // The rewritten module names a cause (`failure`); the older one only a message.
    const cause = (e as { failure?: unknown }).failure;
    if (cause === 'denied') throw 'denied' satisfies Failure;
    if (cause === 'unavailable' || cause === 'network') throw 'unavailable' satisfies Failure;
    throw 'failed' satisfies Failure;
  }
}

export { currentSession };

/** Forget the session here, and where the issuer keeps one (Cognito), end that too. */
export function signOut(cfg: SignInConfig | null): void {
  forgetSession();
  const url = cfg ? logoutUrl(forConsole(cfg)) : null;
  if (url) location.assign(url);
}
