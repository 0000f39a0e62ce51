import type { Report, ReportPerson } from '../report';
import { LABELS, type Lang, localStamp, longDate } from './labels';

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

/**
 * On a lobby screen nobody scrolls: page down one screen every 12 seconds, then back to the top.
 * Served inline and allowed by its hash in the page's Content-Security-Policy.
 */
export const WALL_SCRIPT =
  '(function(){var e=document.documentElement;setInterval(function(){' +
  'var max=e.scrollHeight-innerHeight;if(max<=0)return;' +
  // One screen less the sticky heading and a line, so that no name is skipped.
  "var h=document.querySelector('header').offsetHeight;" +
  'var y=scrollY>=max-2?0:Math.min(scrollY+innerHeight-h-48,max);' +
  "var calm=matchMedia('(prefers-reduced-motion: reduce)').matches;" +
  "scrollTo({top:y,behavior:calm?'auto':'smooth'})},12000)})();";

export interface WallOptions {
  readonly lang: Lang;
  /**
   * A lobby screen: reload every so many seconds and page through the list by itself. Unset for
   * a file or print.
   */
  readonly refreshS?: number;
}

/**
 * Screen: large type for a lobby TV, names in as many columns as fit.
 * Print (A4): two columns of about 20 names in 16 pt, so about 40 names a side — legible from a
 * step back on an information wall — with headings kept with their names.
 */
const STYLE = `
*{box-sizing:border-box}
html{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#111;background:#fff}
body{margin:0 auto;padding:2vw 3vw;font-size:clamp(18px,1.6vw,34px);line-height:1.35}
h1{font-size:1.7em;margin:0}
.date{font-size:1.3em;margin:.2em 0 .6em}
.totals{display:flex;flex-wrap:wrap;gap:.4em 1.6em;margin:0 0 1em;padding:.5em .8em;border:2px solid #111;border-radius:.3em}
.totals div{white-space:nowrap}.totals b{font-size:1.25em}
.totals .absent b{color:#a00}
h2{font-size:1.25em;margin:1em 0 .3em;border-bottom:3px solid #111}
h3{font-size:1em;margin:.8em 0 .2em;color:#333;break-after:avoid}
ol{margin:0;padding:0 0 0 2.2em;columns:3 18em;column-gap:2em}
li{break-inside:avoid;padding:.05em 0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.15em .5em;border-bottom:1px solid #bbb}
.note{font-size:1.2em}
footer{margin-top:1.5em;font-size:.75em;color:#444}
@media screen{header{position:sticky;top:0;background:#fff;padding:.2em 0;border-bottom:2px solid #111}}
@page{size:A4;margin:12mm 12mm 14mm}
@media print{
 body{padding:0;font-size:16pt;line-height:1.25}
 h1{font-size:17pt}.date{font-size:13pt}
 .totals{font-size:11pt;padding:2mm 3mm}
 h2{font-size:13pt;margin-top:4mm}h3{font-size:11pt;margin:3mm 0 1mm}
 ol{columns:2;column-gap:8mm}
 li{padding:2.6mm 0}
 footer{font-size:8pt}
}`;

/**
 * The information-wall page: heading, date, totals, absentees by unit, the excused apart. Names
 * and units only: no employee ids, no times, no flags, no coordinates.
 */
export function renderWall(report: Report, opts: WallOptions): string {
  const L = LABELS[opts.lang];
  const date = longDate(report.date, opts.lang);
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
        : groupByUnit(report.absent)
            .map(
              ([unit, people]) =>
                `<h3>${esc(unit)} (${people.length})</h3><ol>${people
                  .map((p) => `<li>${esc(p.name)}</li>`)
                  .join('')}</ol>`,
            )
            .join('');
    const excused =
      report.excused.length === 0
        ? ''
        : `<section aria-labelledby="excused"><h2 id="excused">${esc(L.excusedHeading)} (${report.excused.length})</h2>` +
          `<table><thead><tr><th>${esc(L.name)}</th><th>${esc(L.unit)}</th><th>${esc(L.reason)}</th></tr></thead><tbody>${report.excused
            .map(
              (p) =>
                `<tr><td>${esc(p.name)}</td><td>${esc(p.unit)}</td><td>${esc(L.kinds[p.kind])}</td></tr>`,
            )
            .join('')}</tbody></table></section>`;
    main =
      `<div class="totals">${totals}</div>` +
      `<section aria-labelledby="absent"><h2 id="absent">${esc(L.absentHeading)} (${report.absent.length})</h2>${absent}</section>` +
      excused;
  }
  const refresh = opts.refreshS
    ? `<meta http-equiv="refresh" content="${esc(opts.refreshS)}">`
    : '';
  const script = opts.refreshS ? `<script>${WALL_SCRIPT}</script>` : '';
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
${refresh}<title>${esc(L.title)} — ${esc(date)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(L.title)}</h1><p class="date">${esc(date)}</p></header>
<main>${main}</main>
<footer>${esc(L.published)} ${esc(localStamp(report.generatedAt, report.timezone, opts.lang))} · ${esc(L.version)} ${esc(report.version)} · apel</footer>
${script}</body>
</html>
`;
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
