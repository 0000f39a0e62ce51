import type { Lang } from '../../../env';
import type { CheckinResult, ErrorPayload } from '../../../schemas';
import type { Capture } from './capture';

/** What the API said about a check-in, in the terms the page acts on. */
export type Outcome =
  | { readonly kind: 'recorded'; readonly result: CheckinResult }
  | { readonly kind: 'refused'; readonly error: ErrorPayload }
  | { readonly kind: 'unauthorized' }
  /** No answer, or one that says "later" (5xx, 429): the capture is kept for a retry. */
  | { readonly kind: 'unreachable' };

async function call(path: string, token: string, lang: Lang, init: RequestInit = {}) {
  const url = new URL(path, location.href);
  url.searchParams.set('lang', lang);
  return fetch(url, {
    ...init,
    headers: { ...init.headers, authorization: `Bearer ${token}`, accept: 'application/json' },
  });
}

async function outcomeOf(res: Response): Promise<Outcome> {
  if (res.status === 401) return { kind: 'unauthorized' };
  if (res.status >= 500 || res.status === 429) return { kind: 'unreachable' };
  const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && body?.checkin) return { kind: 'recorded', result: body as CheckinResult };
  const error = body?.error as ErrorPayload | undefined;
  return {
    kind: 'refused',
    error: error?.code
      ? error
      : { code: 'HTTP_ERROR', message: `HTTP ${res.status}`, details: { status: res.status } },
  };
}

export async function postCheckin(c: Capture, token: string, lang: Lang): Promise<Outcome> {
  try {
    const res = await call('/v1/checkins', token, lang, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(c.body),
    });
    return await outcomeOf(res);
  } catch {
    return { kind: 'unreachable' };
  }
}

/** Today's standing check-in, if any: the page opens on it instead of the Hadir button. */
export async function todaysCheckin(
  token: string,
  lang: Lang,
): Promise<CheckinResult['checkin'] | 'unauthorized' | null> {
  try {
    const res = await call('/v1/checkins/me', token, lang);
    if (res.status === 401) return 'unauthorized';
    if (!res.ok) return null;
    const day = (await res.json()) as { checkin: CheckinResult['checkin'] | null };
    return day.checkin;
  } catch {
    return null;
  }
}
