import { h } from 'preact';
import { count } from './format';
import { type RecapKey, rct } from './recaps-strings';
import { lang } from './state';

export interface Counts {
  expected: number;
  onTime: number;
  late: number;
  lateMinutes: number;
  excused: Record<string, number>;
  manual: number;
  absent: number;
  attendanceRate: number;
}
export interface RecapRow extends Counts {
  employeeId: string;
  name: string;
  unit: string;
}
export interface Recap {
  month: string;
  rollCallId: string;
  pending: string[];
  lock?: { locked: boolean; lockedAt: string; lockedBy: string };
  rows: RecapRow[];
  units: (Counts & { unit: string; employees: number })[];
  totals: Counts & { employees: number };
}

const COLUMNS: readonly RecapKey[] = [
  'expected',
  'onTime',
  'late',
  'lateMinutes',
  'excused',
  'manual',
  'absent',
  'rate',
];

function cells(c: Counts) {
  const l = lang.value;
  const excused = Object.values(c.excused).reduce((a, b) => a + b, 0);
  const n = [c.expected, c.onTime, c.late, c.lateMinutes, excused, c.manual, c.absent];
  return [
    ...n.map((v, i) => h('td', { class: 'num', key: i }, count(v, l))),
    h(
      'td',
      { class: 'num', key: 'rate' },
      c.attendanceRate.toLocaleString(l, { maximumFractionDigits: 1 }),
    ),
  ];
}

/** A table of counts: a first column (unit or name), the counts, an optional total line. */
function table(
  id: string,
  title: string,
  first: readonly RecapKey[],
  lines: { key: string; head: string[]; c: Counts }[],
  total?: Counts,
) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title),
    h(
      'div',
      { class: 'table-wrap', tabIndex: 0, role: 'region', 'aria-labelledby': id },
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            [...first, ...COLUMNS].map((k) => h('th', { scope: 'col', key: k }, rct(k))),
          ),
        ),
        h(
          'tbody',
          null,
          lines.map((line) =>
            h(
              'tr',
              { key: line.key },
              line.head.map((x, i) =>
                i === 0 ? h('th', { scope: 'row', key: i }, x) : h('td', { key: i }, x),
              ),
              cells(line.c),
            ),
          ),
        ),
        total
          ? h(
              'tfoot',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'row', colSpan: first.length }, rct('total')),
                cells(total),
              ),
            )
          : null,
      ),
    ),
  );
}

export function RecapTables(p: { recap: Recap }) {
  const { recap } = p;
  if (recap.rows.length === 0) return h('p', { class: 'muted' }, rct('nobody'));
  return h(
    'div',
    { class: 'recap-tables' },
    table(
      'recap-units',
      rct('unitsTitle'),
      ['unit', 'employees'],
      recap.units.map((u) => ({
        key: u.unit,
        head: [u.unit, count(u.employees, lang.value)],
        c: u,
      })),
      recap.totals,
    ),
    table(
      'recap-rows',
      rct('rowsTitle'),
      ['name', 'unit'],
      recap.rows.map((r) => ({
        key: r.employeeId,
        head: [`${r.name} (${r.employeeId})`, r.unit],
        c: r,
      })),
    ),
  );
}
