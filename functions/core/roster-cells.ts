/**
 * Cells of a roster CSV as Indonesian-locale Excel writes them, turned into the values of the
 * employee record (core/records.ts), which then checks them like PUT does.
 */

/** A ground an import may name, by id or by name. */
export interface KnownGround {
  readonly siteId: string;
  readonly name: string;
}

const YES = new Set(['', 'ya', 'y', 'yes', 'true', '1', 'aktif', 'active']);
const NO = new Set([
  'tidak',
  't',
  'no',
  'n',
  'false',
  '0',
  'nonaktif',
  'non aktif',
  'tidak aktif',
  'inactive',
  'not active',
]);

/** Ya/tidak, aktif/tidak aktif, true/false, 1/0 (any case); null when it is none of them. */
export function activeOf(cell: string): boolean | null {
  const t = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

/** A number Excel rounded into scientific notation, with a decimal point or comma: 1,98E+17. */
export function isExcelRounded(cell: string): boolean {
  return /^\d([.,]\d+)?E\+?\d+$/i.test(cell);
}

/**
 * A date as the file gives it: "2027-01-01", or "01/01/2027" as Indonesian Excel writes it
 * (day first; "." and "-" separators too, day and month with one digit or two). The result is
 * checked as a calendar date by the record's schema; undefined for an empty cell, null for text
 * that is no date in either form.
 */
export function dateOf(cell: string): string | undefined | null {
  const t = cell.trim();
  if (t === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return null;
  return `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
}

const fold = (s: string) => s.trim().toLocaleLowerCase('id').replace(/\s+/g, ' ');

/**
 * The grounds a "Lapangan" cell names: ids or names ("Balai Kota Medan", any case), separated by
 * ";", "," or "|". Older files separated ids by spaces: a part that is no id or name but whose
 * space-separated words are all ids is read that way.
 */
export function groundsOf(
  cell: string,
  known: readonly KnownGround[],
): { siteIds: string[]; unknown: string[] } {
  const byId = new Map(known.map((g) => [g.siteId, g.siteId]));
  const byName = new Map(known.map((g) => [fold(g.name), g.siteId]));
  const find = (part: string) => byId.get(part.trim()) ?? byName.get(fold(part));
  const siteIds: string[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[;,|]/)) {
    if (part.trim() === '') continue;
    const id = find(part);
    if (id !== undefined) {
      siteIds.push(id);
      continue;
    }
    const words = part.trim().split(/\s+/);
    const ids = words.map((w) => byId.get(w));
    if (words.length > 1 && ids.every((x) => x !== undefined)) siteIds.push(...(ids as string[]));
    else unknown.push(part.trim());
  }
  return { siteIds: [...new Set(siteIds)], unknown };
}

/**
 * The separator of a file, from its header line (a header cell holds no ";", "," or tab):
 * whichever of the three appears most often there; "," when none does.
 */
export function separatorOf(headerLine: string): string {
  const counts = [';', ',', '\t'].map((s) => [s, headerLine.split(s).length - 1] as const);
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}
