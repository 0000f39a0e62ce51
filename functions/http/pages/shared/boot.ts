import type { PageConfig } from '../../schemas';
import { currentSession, finishSignIn, type Session } from '../checkin/client/oidc';

/**
 * How the check-in page and the console both start: the server's configuration, a secure
 * context (no WebCrypto or location without one), a sign-in configured, then the session — the
 * issuer's redirect back finished, or the one kept from before. Each page says the outcome in
 * its own words.
 */

export type Boot =
  | { k: 'stopped'; why: 'broken' | 'insecure' | 'no-sign-in'; config: PageConfig | null }
  | { k: 'failed'; config: PageConfig; error: unknown }
  | { k: 'started'; config: PageConfig; session: Session | null };

/** GET /config.json, or null when it cannot be had (offline, an error status, not JSON). */
export async function loadConfig(): Promise<PageConfig | null> {
  try {
    const res = await fetch('/config.json', { headers: { accept: 'application/json' } });
    return res.ok ? ((await res.json()) as PageConfig) : null;
  } catch {
    return null;
  }
}

/** `returnTo` is the path the issuer sends the browser back to, when not the configured one. */
export async function boot(returnTo?: string): Promise<Boot> {
  const config = await loadConfig();
  if (!config) return { k: 'stopped', why: 'broken', config };
  if (!window.isSecureContext) return { k: 'stopped', why: 'insecure', config };
  if (!config.signIn) return { k: 'stopped', why: 'no-sign-in', config };
  const cfg = returnTo
    ? { ...config.signIn, redirectUri: `${location.origin}${returnTo}` }
    : config.signIn;
  try {
    return { k: 'started', config, session: (await finishSignIn(cfg)) ?? currentSession() };
  } catch (error) {
    return { k: 'failed', config, error };
  }
}
