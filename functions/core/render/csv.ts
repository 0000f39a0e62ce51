import Papa from 'papaparse';
import type { Report } from '../report';
import { LABELS, type Lang } from './labels';
import { safeCell } from './spreadsheet-cell';

/**
 * The report as CSV for Excel: UTF-8 with a BOM (or Excel guesses the encoding wrong), ";" as
 * the separator in Indonesian (Excel with Indonesian regional settings splits on ";", since ","
 * is the decimal mark), "," in English. One row per absent, late or excused employee, and per
 * present one whose check-in carries integrity flags, sorted by unit then name. Every cell goes
 * through `safeCell`, so none starts like a formula.
 */
export function renderCsv(report: Report, lang: Lang): string {
  const L = LABELS[lang];
  const flagsOf = new Map(report.flagged.map((f) => [f.employeeId, f.flags]));
  const flagText = (id: string) =>
    (flagsOf.get(id) ?? []).map((f) => L.flagNames[f] ?? f).join(', ');
  const rows = [
    ...report.absent.map((p) => ({ ...p, status: L.absent, reason: '', time: '' })),
    ...report.late.map((p) => ({ ...p, status: L.late, reason: '', time: p.at })),
    ...report.excused.map((p) => ({ ...p, status: L.excused, reason: L.kinds[p.kind], time: '' })),
    ...report.flagged
      .filter((p) => p.status === 'on_time')
      .map((p) => ({ ...p, status: L.present, reason: '', time: '' })),
  ];
  const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });
  rows.sort((a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name));
  const body = Papa.unparse(
    {
      fields: [L.unit, L.id, L.name, L.status, L.reason, L.time, L.flags].map(safeCell),
      data: rows.map((r) =>
        [r.unit, r.employeeId, r.name, r.status, r.reason, r.time, flagText(r.employeeId)].map(
          safeCell,
        ),
      ),
    },
    // Escaped above; papaparse's own escaping misses multi-line cells.
    { delimiter: lang === 'id' ? ';' : ',', newline: '\r\n', escapeFormulae: false },
  );
  return `\uFEFF${body}\r\n`;
}
