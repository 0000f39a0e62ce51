import type { Lang } from '../../../env';
import type { AppealKey } from '../appeals-strings';

/** The check-in page's appeals (appeals.ts): what the API gives, and the DOM it is shown in. */

export interface OpenDay {
  readonly date: string;
  readonly rollCallId: string;
  readonly rollCallName: string;
  readonly appealClosesAt: string;
}
export interface MyAppeal {
  readonly appealId: string;
  readonly date: string;
  readonly rollCallId: string;
  readonly claim: 'present' | 'excused';
  readonly kind?: Kind;
  readonly reason: string;
  readonly status: 'open' | 'accepted' | 'rejected';
  readonly note?: string;
}
export type Kind = 'leave' | 'sick' | 'duty' | 'permit' | 'other';
export const KINDS: readonly Kind[] = ['sick', 'permit', 'duty', 'leave', 'other'];
export const MAX_REASON = 500;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

/** One call with the session's token, in the page's language; null when there is no answer. */
export async function appealsCall(
  path: string,
  token: string | null,
  lang: Lang,
  init: RequestInit = {},
): Promise<Response | null> {
  if (!token) return null;
  const url = new URL(path, location.href);
  url.searchParams.set('lang', lang);
  try {
    return await fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${token}`, accept: 'application/json' },
    });
  } catch {
    return null;
  }
}

/** One of my appeals: the roll call, the day, the claim, the status, the reason, the note. */
export function appealItem(
  a: MyAppeal,
  t: (key: AppealKey, vars?: Record<string, string>) => string,
  rollCall: string,
  day: string,
): HTMLLIElement {
  const claim = a.claim === 'present' ? t('present') : t(a.kind ?? 'other');
  return el(
    'li',
    { class: `appeal-item appeal-${a.status}`, 'data-appeal': a.appealId },
    el(
      'p',
      {},
      t('item', { rollCall, date: day, claim }),
      ' — ',
      el('strong', { class: 'appeal-status' }, t(a.status)),
    ),
    el('p', { class: 'small muted' }, a.reason),
    a.note ? el('p', { class: 'small' }, t('note', { note: a.note })) : null,
  );
}
