import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import type { Lang } from '../../../env';

/**
 * The phone's passkey: registered once (POST /v1/me/passkeys/options, then /v1/me/passkeys),
 * then an assertion over a fresh challenge (GET /v1/checkins/challenge) with each check-in.
 */

async function call(path: string, token: string, lang: Lang, body?: unknown) {
  const url = new URL(path, location.href);
  url.searchParams.set('lang', lang);
  const res = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  return { ok: res.ok, json };
}

export interface Binding {
  readonly deviceBinding: 'off' | 'flag' | 'require';
  readonly registered: boolean;
  readonly pending: number;
  readonly options?: Parameters<typeof startAuthentication>[0]['optionsJSON'];
}

/** The deployment's device binding and a fresh challenge for this employee; null offline. */
export async function binding(token: string, lang: Lang): Promise<Binding | null> {
  try {
    const r = await call('/v1/checkins/challenge', token, lang);
    return r.ok ? (r.json as unknown as Binding) : null;
  } catch {
    return null;
  }
}

/** An assertion over the challenge, or undefined (no passkey here, cancelled, unsupported). */
export async function assertion(b: Binding | null) {
  if (!b?.options || !b.registered || !browserSupportsWebAuthn()) return undefined;
  try {
    return await startAuthentication({ optionsJSON: b.options });
  } catch {
    return undefined;
  }
}

export type Registered = { ok: true; status: 'active' | 'pending' } | { ok: false; why: string };

export async function register(token: string, lang: Lang): Promise<Registered> {
  if (!browserSupportsWebAuthn()) return { ok: false, why: 'WebAuthn' };
  try {
    const opts = await call('/v1/me/passkeys/options', token, lang, {});
    if (!opts.ok) return { ok: false, why: errorText(opts.json) };
    const response = await startRegistration({ optionsJSON: opts.json as never });
    const done = await call('/v1/me/passkeys', token, lang, response);
    if (!done.ok) return { ok: false, why: errorText(done.json) };
    const passkey = done.json?.passkey as { status?: string } | undefined;
    return { ok: true, status: passkey?.status === 'active' ? 'active' : 'pending' };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.name : 'error' };
  }
}

function errorText(json: Record<string, unknown> | null): string {
  const e = json?.error as { message?: string } | undefined;
  return e?.message ?? 'HTTP';
}
