import { type ComponentChildren, h } from 'preact';
import type { ApiError } from './api';
import { t } from './state';

/** Small pieces every screen uses. */

/** What a failed call says, in the console's words, with the server's message after them. */
export function errorText(e: ApiError): string {
  if (e.code === 'NETWORK') return t('errorNetwork');
  return t('errorGeneric', { code: e.code, message: e.message }).trim();
}

export function Alert(p: { tone: 'error' | 'ok' | 'info'; children?: ComponentChildren }) {
  // Errors interrupt (alert); confirmations wait their turn (status).
  return h(
    'p',
    { class: `note tone-${p.tone}`, role: p.tone === 'error' ? 'alert' : 'status' },
    p.children,
  );
}

export function Screen(p: { title: string; lead?: string; children?: ComponentChildren }) {
  return h(
    'section',
    { class: 'screen', 'aria-labelledby': 'screen-title' },
    h('h1', { id: 'screen-title', tabIndex: -1 }, p.title),
    p.lead ? h('p', { class: 'lead' }, p.lead) : null,
    p.children,
  );
}
