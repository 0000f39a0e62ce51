import { createHash } from 'node:crypto';
import type { MonthLock, ReportFile } from './ports';
import type { Recap } from './recap';
import { lockedRecapKey, monthRecap, type RecapDeps } from './recap-days';
import { yearRecap } from './recap-year';
import { renderRecapCsv } from './render/recap-csv';
import { JOBS_PREFIX } from './report-files';

/**
 * Recaps built away from the API (issue 16, "At 250,000"), as large rosters' day reports are
 * (core/report-jobs.ts): a month of 250,000 employees is 22 reads of a 9.5 MB report and a
 * ~75 MB answer, a year twelve such months; neither fits the API's 29 s, 512 MB and 6 MB. The
 * report function builds the recap's files into the bucket and the API hands them out.
 *
 * - A month: `recap.json`, `recap.csv`, `recap.xlsx`. An open month's go to the job's folder
 *   under `reports/jobs/` (they expire) and are served for RECAP_FRESH_MS; a locked month's go
 *   beside the recap kept at the lock, whose content never changes, and are served as they are
 *   from then on.
 * - A year: `year.json` (everything but the rows) and `page-{n}.json`, RECAP_PAGE employees
 *   each, the answers a client pages through with `cursor`.
 */
export const RECAP_PAGE = 500;
/** An open month's or a year's recap built this recently is served rather than built anew. */
export const RECAP_FRESH_MS = 10 * 60_000;

export type RecapFormat = 'json' | 'csv' | 'xlsx';

export const RECAP_TYPES: Record<RecapFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A unit as a key: units are free text, matched in any case (core/recap.ts, sameUnit). */
export function unitKey(unit?: string): string {
  if (unit === undefined) return 'all';
  const folded = unit.toLocaleLowerCase('id');
  return `u-${createHash('sha256').update(folded).digest('hex').slice(0, 16)}`;
}

/** Where a recap's files are: a locked month's beside its kept recap, anything else a job's. */
export function recapFolder(
  period: string,
  rollCallId: string,
  unit?: string,
  lock?: MonthLock,
): string {
  if (lock?.locked) {
    const kept = lockedRecapKey(lock, rollCallId);
    return `${kept.slice(0, kept.lastIndexOf('/') + 1)}${unit === undefined ? '' : `${unitKey(unit)}/`}`;
  }
  return `${JOBS_PREFIX}${period}/${rollCallId}/recap-${unitKey(unit)}/`;
}

export function recapFileKey(folder: string, format: RecapFormat): string {
  return `${folder}recap.${format}`;
}

/** The stored page of a year that starts at `offset` (a multiple of RECAP_PAGE). */
export function yearPageKey(folder: string, offset: number): string {
  return `${folder}page-${Math.floor(offset / RECAP_PAGE)}.json`;
}

export function yearHeadKey(folder: string): string {
  return `${folder}year.json`;
}

/** What a finished recap job says of what it built. */
export interface RecapSummary {
  readonly generatedAt: string;
  readonly rows: number;
  /** A year: how many pages of RECAP_PAGE. */
  readonly pages?: number;
}

/** Build a recap's files and write them where the API serves them from. */
export async function buildRecapFiles(
  deps: RecapDeps,
  r: { readonly date: string; readonly rollCallId: string; readonly unit?: string },
): Promise<RecapSummary> {
  if (r.date.length === 4) return buildYear(deps, r.date, r.rollCallId, r.unit);
  const recap = await monthRecap(deps, r.date, r.rollCallId, r.unit);
  const folder = recapFolder(r.date, r.rollCallId, r.unit, recap.lock);
  await deps.publisher.write(await monthFiles(recap, folder));
  return { generatedAt: recap.generatedAt, rows: recap.rows.length };
}

async function monthFiles(recap: Recap, folder: string): Promise<ReportFile[]> {
  const { renderRecapXlsx } = await import('./recap-xlsx');
  return [
    {
      key: recapFileKey(folder, 'json'),
      body: JSON.stringify(recap),
      contentType: RECAP_TYPES.json,
    },
    { key: recapFileKey(folder, 'csv'), body: renderRecapCsv(recap), contentType: RECAP_TYPES.csv },
    {
      key: recapFileKey(folder, 'xlsx'),
      body: await renderRecapXlsx(recap),
      contentType: RECAP_TYPES.xlsx,
    },
  ];
}

async function buildYear(
  deps: RecapDeps,
  year: string,
  rollCallId: string,
  unit: string | undefined,
): Promise<RecapSummary> {
  const all = await yearRecap(deps, year, rollCallId, {
    ...(unit === undefined ? {} : { unit }),
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  });
  const folder = recapFolder(year, rollCallId, unit);
  const { rows, next: _none, ...head } = all;
  const pages = Math.max(1, Math.ceil(rows.length / RECAP_PAGE));
  const generatedAt = deps.clock.now().toISOString();
  // A few pages at a time: the strings of a whole year at once would double its memory.
  for (let p = 0; p < pages; p += 8) {
    const files: ReportFile[] = [];
    for (let i = p; i < Math.min(pages, p + 8); i++) {
      const next = (i + 1) * RECAP_PAGE;
      const page = {
        ...head,
        rows: rows.slice(i * RECAP_PAGE, next),
        ...(next < rows.length ? { next } : {}),
      };
      files.push({
        key: yearPageKey(folder, i * RECAP_PAGE),
        body: JSON.stringify(page),
        contentType: RECAP_TYPES.json,
      });
    }
    await deps.publisher.write(files);
  }
  await deps.publisher.write([
    {
      key: yearHeadKey(folder),
      body: JSON.stringify({ ...head, rows: [] }),
      contentType: RECAP_TYPES.json,
    },
  ]);
  return { generatedAt, rows: rows.length, pages };
}
