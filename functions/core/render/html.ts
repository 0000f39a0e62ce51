import type { Report, ReportPerson } from '../report';
import { LABELS, type Lang, localStamp, longDate } from './labels';
import { WALL_SCRIPT } from './wall-pager';
import { wallStyle } from './wall-style';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content and quoted attributes alike. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

export interface WallOptions {
  readonly lang: Lang;
  /**
   * A lobby screen: page through the list by itself, and reload every so many seconds (after
   * a whole cycle). Unset for a file or print.
   */
  readonly refreshS?: number;
}

/**
 * The information-wall page: title, date, totals, and the absentees by unit, each with their
 * unit. Names of the absent only: the late and the excused are counted, never named, and no
 * reason or kind of excuse appears ("Sakit" beside a name is health data on a public screen);
 * admins' reports (JSON, CSV) keep them. No employee ids, times, flags or coordinates either.
 *
 * The page is one table whose head (title, date) a printer repeats on every sheet; each unit is
 * a table whose head ("… (lanjutan)") a printer repeats at every column and page the unit runs
 * onto, and on a lobby TV the pager heads each column the same way. How each medium lays it out
 * is in wall-style.ts, the pager in wall-pager.ts.
 */
export function renderWall(report: Report, opts: WallOptions): string {
  const file = wallFile(report, opts.lang);
  return opts.refreshS ? (lobbyWall(file, opts.lang, opts.refreshS) ?? file) : file;
}

/**
 * The lobby screen's page made from the file's (the one a publication stores): the pager's
 * line under the totals, its script, the reload. By construction the same page renderWall makes
 * with `refreshS`, so the wall route serves a stored file without the report (9.5 MB of JSON at
 * 250,000). Every text in the page is escaped, so the tags it looks for occur once; null for a
 * page without them (one some other renderer made).
 */
export function lobbyWall(file: string, lang: Lang, refreshS: number): string | null {
  const title = file.indexOf('\n<title>');
  const body = file.indexOf('<body>');
  const end = file.lastIndexOf('</body>');
  if (title < 0 || body < title || end < body) return null;
  const screen = `<p class="screen" data-of="${esc(LABELS[lang].screenOf)}" aria-hidden="true"></p>`;
  const list = file.indexOf(LIST_START, body);
  const main =
    list < 0
      ? file.slice(body + 6, end)
      : `${file.slice(body + 6, list)}${screen}${file.slice(list, end)}`;
  // The pager reloads after whole cycles; a screen that runs no script reloads on its own.
  return (
    `${file.slice(0, title + 1)}<noscript><meta http-equiv="refresh" content="${esc(refreshS)}"></noscript>\n` +
    `${file.slice(title + 1, body)}<body data-refresh="${esc(refreshS)}">${main}` +
    `<script>${WALL_SCRIPT}</script>${file.slice(end)}`
  );
}

/** Where the summary ends and the list of the absent begins (a workday's page). */
const LIST_START = '</div><section class="list"';

function wallFile(report: Report, lang: Lang): string {
  const opts = { lang };
  const L = LABELS[opts.lang];
  const date = longDate(report.date, opts.lang);
  // Another roll call than the morning apel names itself beside the date.
  const rc = report.rollCall;
  const heading = rc && rc.id !== 'pagi' ? `${rc.name} — ${date}` : date;
  const t = report.totals;
  const totals = [
    ['expected', L.expected, t.expected],
    ['present', L.present, t.present],
    ['late', L.late, t.late],
    ['excused', L.excused, t.excused],
    ['absent', L.absent, t.absent],
  ]
    .map(([k, label, n]) => `<div class="${k}">${esc(label)}: <b>${esc(n)}</b></div>`)
    .join('');

  let main: string;
  if (!report.workday) {
    main = `<p class="note">${report.holiday ? `${esc(report.holiday)}. ` : ''}${esc(L.notWorkday)}</p>`;
  } else {
    const absent =
      report.absent.length === 0
        ? `<p class="note">${esc(L.noAbsentees)}</p>`
        : `<div class="flow">${groupByUnit(report.absent)
            .map(([unit, people]) => unitTable(unit, people, L.continued))
            .join('')}</div>`;
    main =
      `<div class="summary"><div class="totals">${totals}</div></div>` +
      `<section class="list" aria-labelledby="absent"><h2 id="absent">${esc(L.absentHeading)} (${report.absent.length})</h2>${absent}</section>`;
  }
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(L.title)} — ${esc(date)}</title>
<style>${wallStyle(opts.lang)}</style>
</head>
<body>
<table class="sheet" role="presentation"><thead><tr><th>
<header><h1>${esc(L.title)}</h1><p class="date">${esc(heading)}</p></header>
</th></tr></thead><tbody><tr><td>
<main>${main}</main>
<footer>${footer(report, L, opts.lang)} · apel</footer>
</td></tr></tbody></table>
</body>
</html>
`;
}

/**
 * When it was published, or — for a version after the first, which only a correction makes —
 * when it was corrected: "Diperbarui 27 November 2026 09.05 WIB, versi 2".
 */
function footer(report: Report, L: (typeof LABELS)[Lang], lang: Lang): string {
  const stamp = esc(localStamp(report.generatedAt, report.timezone, lang));
  return report.version > 1
    ? `${esc(L.corrected)} ${stamp}, ${esc(L.version)} ${esc(report.version)}`
    : `${esc(L.published)} ${stamp} · ${esc(L.version)} ${esc(report.version)}`;
}

/**
 * One unit: its heading, then its names in one numbered list. The `<thead>` heads the unit's
 * later columns and pages on paper, `data-cont` its later columns on a lobby TV (the pager adds
 * them); readers of the page hear the `<h3>`.
 */
function unitTable(unit: string, people: readonly ReportPerson[], continued: string): string {
  const tag = (first: boolean) =>
    `<span class="tag"><span${first ? '' : ' class="off"'}>(${people.length})</span><span${first ? ' class="off"' : ''}>${esc(continued)}</span></span>`;
  return (
    `<table class="unit" role="presentation"><thead aria-hidden="true"><tr><th>${esc(unit)} ${tag(false)}</th></tr></thead>` +
    `<tbody><tr><td><h3>${esc(unit)} ${tag(true)}</h3><ol data-cont="${esc(`${unit} ${continued}`)}">${people
      .map((p) => `<li>${esc(p.name)}</li>`)
      .join('')}</ol></td></tr></tbody></table>`
  );
}

function groupByUnit(people: readonly ReportPerson[]): [string, ReportPerson[]][] {
  const groups = new Map<string, ReportPerson[]>();
  for (const p of people) {
    const g = groups.get(p.unit);
    if (g) g.push(p);
    else groups.set(p.unit, [p]);
  }
  return [...groups.entries()];
}
