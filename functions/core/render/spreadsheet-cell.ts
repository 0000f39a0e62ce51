/**
 * What a spreadsheet reads as the start of a formula: `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP, "CSV Injection"). Excel, LibreOffice and Google Sheets evaluate such a cell
 * whatever follows, newlines included.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text that no spreadsheet evaluates: one that starts like a formula gets a leading
 * `'`, which the spreadsheet shows as text (and the reader can still see what was there).
 * Every CSV the project writes, and any other spreadsheet it will write, puts each cell through
 * this. Not papaparse's `escapeFormulae`: its test is `/^[=+\-@\t\r].*$/`, whose `.` stops at
 * a newline, so `"=HYPERLINK(…,\n…)"` — a name or a unit on two lines — passes as a formula.
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
