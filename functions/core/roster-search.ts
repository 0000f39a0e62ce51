import type { Employee } from './model';

/**
 * Name and id search over the roster (GET /v1/employees?q=). A term matches a word of the
 * employee's name, or their id, by prefix, ignoring case, accents and punctuation: "sir" finds
 * "Hendra S. Siregar", "nuraini" finds "Siti Nur'aini", "1980" finds NIP 198001012005011001.
 */

/** Longest word kept; longer ones are cut (a search term that long is cut the same way). */
const MAX_TOKEN = 40;
/** Words of a name indexed; a name with more is indexed by its first ones. */
export const MAX_TOKENS = 12;
/** A term shorter than this would read too much of the index. */
export const MIN_TERM = 2;

/** Lower case, no accents, letters and digits only. */
export function foldWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .slice(0, MAX_TOKEN);
}

/** The words an employee is found by: their name's words and their id, folded, no repeats. */
export function searchTokens(e: Pick<Employee, 'employeeId' | 'name'>): string[] {
  const words = e.name.split(/\s+/).map(foldWord).filter(Boolean).slice(0, MAX_TOKENS);
  return [...new Set([foldWord(e.employeeId), ...words])].filter(Boolean);
}

/** The query's terms, folded; the longest first (it is the one looked up). */
export function searchTerms(q: string): string[] {
  const terms = [...new Set(q.split(/\s+/).map(foldWord).filter(Boolean))];
  return terms.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * Whether an index entry (`token` of employee `e`) is a hit for `terms`, counted once: the
 * entry must still be one of the employee's (a renamed employee's old words are stale), every
 * term must be the prefix of one of their words, and of the employee's words matching the
 * looked-up term this must be the first in index order (so "Siti Sitompul" shows once for "sit").
 */
export function isHit(e: Employee, token: string, terms: readonly string[]): boolean {
  const tokens = searchTokens(e);
  const [lookup, ...rest] = terms;
  if (lookup === undefined || !tokens.includes(token) || !token.startsWith(lookup)) return false;
  const first = tokens.filter((t) => t.startsWith(lookup)).sort()[0];
  return first === token && rest.every((term) => tokens.some((t) => t.startsWith(term)));
}
