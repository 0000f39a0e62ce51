import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { lang } from './state';

/**
 * A screen's own table of words (Bahasa Indonesia first, English with the same keys), read in the
 * console's current language; `{name}` placeholders are filled as strings.ts fills them. A screen
 * keeps its words in its own `<screen>-strings.ts` this way, apart from the shared table.
 */
export type Tables<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

export function translator<K extends string>(tables: Tables<K>) {
  return (key: K, vars?: Record<string, string | number>): string =>
    fill(tables[lang.value][key], vars);
}
