import { LABELS, type Lang } from './labels';

/** A CSS string literal: quotes, backslashes and `<` escaped (this text sits in a <style>). */
function cssString(text: string): string {
  return `"${text.replace(/["\\<\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Print: each unit is a table whose `<thead>` ("Dinas Kesehatan (lanjutan)") the browser repeats
 * at the top of every column and page the unit runs onto (Chromium and Firefox do so on paper,
 * not in a screen's columns: the pager adds those headings itself). Its first occurrence is
 * covered by the unit's own `<h3>` ("Dinas Kesehatan (68)"), laid over it: both hold the same
 * text and the same hidden twin of the other's suffix (`.tag`), so they wrap alike and have the
 * same height. Their backgrounds are printed (`exact`), or paper would show both at once.
 */
const PRINT_UNITS = `
.unit{position:relative;margin-bottom:3mm}
.unit thead{display:table-header-group}
.unit h3{position:absolute;top:0;left:0;right:0;z-index:1}
.unit th,.unit h3{-webkit-print-color-adjust:exact;print-color-adjust:exact;font-size:11pt;padding:1mm 1.5mm .8mm}
.cont{display:none}`;

/**
 * The wall's stylesheet, inline (the wall is one self-contained file, also as published to S3).
 *
 * - Screen, as a page (a phone, a laptop, the file): title, date and totals, then each unit
 *   with its names in as many columns as fit; the unit's heading sticks to the top while its
 *   names scroll by.
 * - Lobby TV (`.paged`, set by the pager on screens ≥ 900 px wide): one screen high, nothing
 *   scrolls; the names fill columns of at least 11em (5 at 1920×1080), each column headed by
 *   its unit (`.cont`, added by the pager where a unit runs on), and the pager shows one
 *   screenful of columns after another, title, date and totals standing still above them.
 * - Print (A4): 16 pt names in two columns, about 40 a side; the title and the date head every
 *   sheet (the page is one table whose `<thead>` the browser repeats), the page number sits in
 *   the bottom margin.
 */
export function wallStyle(lang: Lang): string {
  const [page, of] = LABELS[lang].pageOf;
  return `
*{box-sizing:border-box}
html{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#111;background:#fff}
body{margin:0;padding:1.2vw 1.8vw;font-size:clamp(18px,1.5vw,34px);line-height:1.3}
table{border-collapse:collapse;width:100%}
th,td{padding:0;text-align:left;vertical-align:top;font-weight:inherit}
header{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:0 1em;padding-bottom:.15em;border-bottom:3px solid #111}
h1{font-size:1.35em;line-height:1.15;margin:0}
.date{font-size:1.15em;font-weight:700;margin:0}
.summary{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.2em 1em;margin:.4em 0 .5em}
.totals{display:flex;flex-wrap:wrap;gap:.1em 1.2em}
.totals div{white-space:nowrap}.totals b{font-size:1.2em}.totals .absent b{color:#a00}
.screen{margin:0;font-weight:700;white-space:nowrap}.screen:empty{display:none}
h2{font-size:1.1em;margin:.2em 0 .4em}
.note{font-size:1.2em}
.unit{margin:0 0 .6em}
.unit th,.unit h3{margin:0;padding:.15em .3em .1em;font-size:.8em;line-height:1.25;font-weight:700;background:#e6e6e6}
.tag{display:inline-grid}.tag>*{grid-area:1/1}.tag>.off{visibility:hidden}
ol{margin:0;padding:0 0 0 2.1em}
li{break-inside:avoid;padding:.05em 0}
li::marker{font-variant-numeric:tabular-nums;color:#444}
footer{margin-top:.8em;font-size:.7em;color:#444}
@media screen{
.unit,.unit>tbody,.unit>tbody>tr,.unit>tbody>tr>td{display:block}
.unit>thead{display:none}
.cont{display:block;break-before:column;margin:0 0 .1em -2.625em;padding:.15em .3em .1em;font-size:.8em;line-height:1.25;font-weight:700;background:#e6e6e6}
html:not(.paged) .unit h3{position:sticky;top:0;z-index:1}
html:not(.paged) .unit ol{columns:11em;column-gap:1.4em}
.paged body{height:100vh;overflow:hidden;display:flex;flex-direction:column;padding:1vw 1.6vw .4vw}
.paged .sheet,.paged .sheet>*,.paged .sheet>*>tr,.paged .sheet>*>tr>*{display:contents}
.paged main,.paged .list{flex:1;min-height:0;display:flex;flex-direction:column}
.paged .list>h2{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.paged .flow{flex:1;min-height:0;columns:11em;column-gap:1.4em;column-fill:auto;overflow:hidden}
.paged .unit h3{break-after:avoid}
.paged footer{margin-top:.3em}
}
@page{size:A4;margin:12mm 12mm 14mm;@bottom-right{content:${cssString(page)} counter(page) ${cssString(of)} counter(pages);font:8pt system-ui,sans-serif;color:#444}}
@media print{
${PRINT_UNITS}
body{padding:0;font-size:16pt;line-height:1.25}
header{border-bottom-width:2px;margin-bottom:2.5mm}
h1{font-size:15pt}.date{font-size:13pt}
.summary{margin:0 0 3mm}
.totals{font-size:10.5pt;gap:1mm 4mm;border:1.5px solid #111;border-radius:1.5mm;padding:1.5mm 3mm}
.screen{display:none}
h2{font-size:13pt;margin:0 0 2mm}
.flow{columns:2;column-gap:8mm}
li{padding:2.3mm 0}
footer{font-size:8pt;margin-top:4mm}
}`;
}
