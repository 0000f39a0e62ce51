import type { ReportFile } from './ports';
import { renderCsv } from './render/csv';
import { renderWall } from './render/html';
import type { Lang } from './render/labels';
import type { Report } from './report';
import { PAGI } from './rollcalls';

/**
 * Where a report's files live (the same keys in the S3 bucket and under DATA_DIR):
 *
 * - `reports/{date}/` (pagi) or `reports/{date}/{rollCallId}/`: the day's current files,
 *   `report.json`, `report.csv`, `wall.html` in the settings' language, and `reports/latest/`
 *   for pagi's newest date — the contract's keys, rewritten by each new version;
 * - `…/v{n}/`: that version's own files, which never change, and `…/v{n}/{id,en}/report.csv`
 *   and `wall.html` in each language, which the API hands out (GET /v1/reports/{date}) without
 *   rendering anything itself;
 * - `reports/jobs/{date}/{rollCallId}/`: the status of a report built in the background and a
 *   live report's files (core/report-jobs.ts); they expire (infra/constructs/report-archive.ts).
 */
/** Where background builds live (core/report-jobs.ts; the bucket expires it: infra/constructs/report-archive.ts). */
export const JOBS_PREFIX = 'reports/jobs/';

export type ReportFileName = 'report.json' | 'report.csv' | 'wall.html';
export type ReportFormat = 'json' | 'csv' | 'html';

export const LANGS: readonly Lang[] = ['id', 'en'];

/** Where a roll call's files of a day live: pagi's where they always were, others in a folder. */
export function reportFolder(date: string, rollCallId: string = PAGI): string {
  return rollCallId === PAGI ? `reports/${date}/` : `reports/${date}/${rollCallId}/`;
}

/** A day's current file, or with `version` that version's own, which never changes. */
export function reportKey(
  date: string,
  file: ReportFileName,
  version?: number,
  rollCallId: string = PAGI,
) {
  const folder = reportFolder(date, rollCallId);
  return version === undefined ? `${folder}${file}` : `${folder}v${version}/${file}`;
}

export function fileNameOf(format: ReportFormat): ReportFileName {
  return format === 'json' ? 'report.json' : format === 'csv' ? 'report.csv' : 'wall.html';
}

/** The file the API serves for a format and language under a folder (a version's, a live job's). */
export function servedKey(folder: string, format: ReportFormat, lang: Lang): string {
  return format === 'json' ? `${folder}report.json` : `${folder}${lang}/${fileNameOf(format)}`;
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The name a download gets. */
export function downloadName(date: string, format: ReportFormat): string | undefined {
  return format === 'csv' ? `apel-${date}.csv` : undefined;
}

/**
 * A report rendered once: the JSON, and the CSV and the wall in each language. Publishing
 * writes the same bodies under several folders; rendering them per folder made the 250,000
 * report three times the work (BENCHMARKS.md, "Reports at 250,000").
 */
export interface RenderedReport {
  readonly json: string;
  readonly csv: Readonly<Record<Lang, string>>;
  readonly wall: Readonly<Record<Lang, string>>;
}

export function renderReport(report: Report): RenderedReport {
  return {
    json: `${JSON.stringify(report)}\n`,
    csv: { id: renderCsv(report, 'id'), en: renderCsv(report, 'en') },
    wall: { id: renderWall(report, { lang: 'id' }), en: renderWall(report, { lang: 'en' }) },
  };
}

/** The contract's three files under `prefix`, in `lang`. */
export function contractFiles(r: RenderedReport, lang: Lang, prefix: string): ReportFile[] {
  return [
    { key: `${prefix}report.json`, body: r.json, contentType: CONTENT_TYPES.json },
    { key: `${prefix}report.csv`, body: r.csv[lang], contentType: CONTENT_TYPES.csv },
    { key: `${prefix}wall.html`, body: r.wall[lang], contentType: CONTENT_TYPES.html },
  ];
}

/** The files the API serves under `prefix`: the JSON and each language's CSV and wall. */
export function servedFiles(r: RenderedReport, prefix: string): ReportFile[] {
  return [
    { key: servedKey(prefix, 'json', 'id'), body: r.json, contentType: CONTENT_TYPES.json },
    ...LANGS.flatMap((lang) => [
      { key: servedKey(prefix, 'csv', lang), body: r.csv[lang], contentType: CONTENT_TYPES.csv },
      { key: servedKey(prefix, 'html', lang), body: r.wall[lang], contentType: CONTENT_TYPES.html },
    ]),
  ];
}

/** A version's own files: the contract's three and each language's CSV and wall. */
export function versionFiles(r: RenderedReport, lang: Lang, prefix: string): ReportFile[] {
  return [...contractFiles(r, lang, prefix), ...servedFiles(r, prefix).slice(1)];
}
