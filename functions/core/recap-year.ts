/**
 * The year's recap: per employee, the months side by side and the year's totals, folded from
 * the month recaps (a locked month's kept one). Answered a page of employees at a time: a year
 * of 250,000 employees is 250,000 rows of 13 sets of counts, more than one answer should carry.
 */
import { MonthInFuture } from './correction-errors';
import { EXCUSE_KINDS } from './model';
import type { RecapCounts, RecapRow, RecapTotals } from './recap';
import { byUnitThenName, summarise, TIERS, zero } from './recap';
import { monthRecap, type RecapDeps, todayOf } from './recap-days';

export interface YearRow {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly months: Readonly<Record<string, RecapCounts>>;
  readonly total: RecapCounts;
}

export interface YearRecap {
  readonly year: string;
  readonly rollCallId: string;
  readonly months: string[];
  /** Months locked for the allowance office (their kept recaps were used). */
  readonly locked: string[];
  readonly pending: string[];
  readonly totals: RecapTotals;
  readonly rows: YearRow[];
  /** The offset of the next page, when there is one. */
  readonly next?: number;
}

function plus(a: RecapRow | undefined, b: RecapCounts): RecapRow {
  const base: RecapRow = a ?? {
    employeeId: '',
    name: '',
    unit: '',
    ...zero(),
    attendanceRate: 0,
  };
  const expected = base.expected + b.expected;
  const attended = base.onTime + base.late + b.onTime + b.late;
  return {
    ...base,
    expected,
    onTime: base.onTime + b.onTime,
    late: base.late + b.late,
    lateMinutes: base.lateMinutes + b.lateMinutes,
    lateTiers: Object.fromEntries(
      TIERS.map((t) => [t, base.lateTiers[t] + b.lateTiers[t]]),
    ) as RecapRow['lateTiers'],
    excused: Object.fromEntries(
      EXCUSE_KINDS.map((k) => [k, base.excused[k] + b.excused[k]]),
    ) as RecapRow['excused'],
    manual: base.manual + b.manual,
    absent: base.absent + b.absent,
    attendanceRate: expected === 0 ? 0 : Math.round((attended / expected) * 1000) / 10,
  };
}

export async function yearRecap(
  deps: RecapDeps,
  year: string,
  rollCallId: string,
  page: { unit?: string; offset: number; limit: number },
): Promise<YearRecap> {
  const today = await todayOf(deps);
  if (`${year}-01-01` > today) throw new MonthInFuture(year, today);
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (`${month}-01` <= today) months.push(month);
  }
  const byEmployee = new Map<string, { row: RecapRow; months: Record<string, RecapCounts> }>();
  const locked: string[] = [];
  const pending: string[] = [];
  for (const month of months) {
    const recap = await monthRecap(deps, month, rollCallId, page.unit);
    if (recap.lock) locked.push(month);
    pending.push(...recap.pending);
    for (const r of recap.rows) {
      const { employeeId, name, unit, ...counts } = r;
      const entry = byEmployee.get(employeeId);
      const row = { ...plus(entry?.row, counts), employeeId, name, unit };
      byEmployee.set(employeeId, { row, months: { ...entry?.months, [month]: counts } });
    }
  }
  const all = [...byEmployee.values()];
  const sorted = summarise(all.map((e) => e.row).sort(byUnitThenName));
  const monthsOf = new Map(all.map((e) => [e.row.employeeId, e.months]));
  const slice = sorted.rows.slice(page.offset, page.offset + page.limit);
  const next = page.offset + page.limit;
  return {
    year,
    rollCallId,
    months,
    locked,
    pending,
    totals: sorted.totals,
    rows: slice.map(({ employeeId, name, unit, ...total }) => ({
      employeeId,
      name,
      unit,
      months: monthsOf.get(employeeId) ?? {},
      total,
    })),
    ...(next < sorted.rows.length ? { next } : {}),
  };
}
