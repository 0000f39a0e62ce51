import type { Lang } from '../../env';

/**
 * The words every page's header says alike (the language switch, signing in and out, loading),
 * Bahasa Indonesia first, and the one way a `{name}` placeholder is filled. The check-in page's
 * and the console's tables spread these in, so the two pages cannot drift apart on them.
 */
export const COMMON: Record<Lang, Record<CommonKey, string>> = {
  id: {
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    signIn: 'Masuk',
    signOut: 'Keluar',
    signedInAs: 'Masuk sebagai {who}',
    loading: 'Memuat…',
  },
  en: {
    switchLang: 'Bahasa Indonesia',
    switchLangLabel: 'Ganti ke Bahasa Indonesia',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {who}',
    loading: 'Loading…',
  },
};

export type CommonKey =
  | 'switchLang'
  | 'switchLangLabel'
  | 'signIn'
  | 'signOut'
  | 'signedInAs'
  | 'loading';

/** `template` with each `{name}` filled from `vars`; an unknown name is left as written. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  );
}
