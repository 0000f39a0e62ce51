import { signal } from '@preact/signals';
import type { Lang } from '../../../env';
import type { Me } from '../../../routes/me';
import type { PageConfig } from '../../../schemas';
import { KEYS, load, save } from '../../checkin/client/storage';
import { type StringKey, text } from './strings';

/** The console's shared state, as signals: a screen re-renders when what it read changes. */

const LANG_KEY = KEYS.lang; // one language choice for the page and the console

export const lang = signal<Lang>(load<Lang>('local', LANG_KEY) === 'en' ? 'en' : 'id');
export const config = signal<PageConfig | null>(null);
export const me = signal<Me | null>(null);
export const path = signal<string>(location.pathname);

/** The caller is an admin: screens shared with operators show the admins' controls only then. */
export const isAdmin = () => me.value?.roles.includes('admin') ?? false;

export function t(key: StringKey, vars?: Record<string, string | number>): string {
  return text(lang.value, key, vars);
}

export function setLang(next: Lang): void {
  lang.value = next;
  save('local', LANG_KEY, next);
  document.documentElement.lang = next;
  document.title = text(next, 'appName');
}

/** Client-side navigation within /admin; the server answers every /admin path with the console. */
export function navigate(to: string): void {
  if (to === location.pathname) return;
  history.pushState(null, '', to);
  path.value = to;
}

addEventListener('popstate', () => {
  path.value = location.pathname;
});
