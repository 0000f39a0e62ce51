/**
 * The monthly attendance recap (rekap kehadiran): per employee, how many of a roll call's days
 * of the month they were expected, on time, late (with minutes and tiers), excused (by kind),
 * marked by hand, absent. Pure: it folds day reports (core/report.ts) one at a time into
 * per-employee counters, so a month is never held in memory at once (core/recap-days.ts reads
 * the days).
 */
import { type Employee, EXCUSE_KINDS, type ExcuseKind } from './model';
import type { MonthLock } from './ports';
import type { ReportContent } from './report';
import { minutesOf } from './settings';

export const TIERS = ['TL1', 'TL2', 'TL3', 'TL4'] as const;
export type Tier = (typeof TIERS)[number];
/** The last minute after `startsAt` of TL1, TL2 and TL3 (the bands most TPP rules use). */
export const DEFAULT_LATE_TIERS: readonly [number, number, number] = [30, 60, 90];

export interface RecapCounts {
  readonly expected: number;
  readonly onTime: number;
  readonly late: number;
  readonly lateMinutes: number;
  readonly lateTiers: Readonly<Record<Tier, number>>;
  readonly excused: Readonly<Record<ExcuseKind, number>>;
  /** Days counted by an attendance mark (made by hand, or by accepting an appeal). */
  readonly manual: number;
  readonly absent: number;
  /** (onTime + late) / expected, in percent with one decimal; 0 when nothing was expected. */
  readonly attendanceRate: number;
}

export interface RecapRow extends RecapCounts {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
}

export interface RecapTotals extends RecapCounts {
  /** Employees in the rows counted. */
  readonly employees: number;
}

export interface Recap {
  readonly month: string;
  readonly rollCallId: string;
  readonly timezone: string;
  readonly generatedAt: string;
  readonly lateTiers: readonly [number, number, number];
  /** Dates counted from their newest published version. */
  readonly published: string[];
  /** Dates not yet published: counted live, as the report builder has them now. */
  readonly pending: string[];
  /** The month's lock, when it is locked: then this recap is the one kept at the lock. */
  readonly lock?: MonthLock;
  readonly rows: RecapRow[];
  readonly units: (RecapTotals & { readonly unit: string })[];
  readonly totals: RecapTotals;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Counter = Mutable<Omit<RecapCounts, 'attendanceRate'>>;

/** Counts of nothing yet: a row's or a total's start. */
export const zero = (): Counter => ({
  expected: 0,
  onTime: 0,
  late: 0,
  lateMinutes: 0,
  lateTiers: { TL1: 0, TL2: 0, TL3: 0, TL4: 0 },
  excused: { leave: 0, sick: 0, duty: 0, permit: 0, other: 0 },
  manual: 0,
  absent: 0,
});

/** The tier of a late arrival `minutes` after `startsAt` (0 or less is TL1: it was late). */
export function tierOf(minutes: number, bounds: readonly [number, number, number]): Tier {
  if (minutes <= bounds[0]) return 'TL1';
  if (minutes <= bounds[1]) return 'TL2';
  if (minutes <= bounds[2]) return 'TL3';
  return 'TL4';
}

/** Minutes from `startsAt` to a late arrival at `at` ("HH:MM"; empty: a mark without a time). */
export function lateMinutesOf(at: string, startsAt: string): number {
  if (!/^\d\d:\d\d$/.test(at)) return 0;
  return Math.max(0, minutesOf(at) - minutesOf(startsAt));
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * Folds day reports into the month's counters. `expectedOn` says who the roster expected that
 * day (the report lists the absent, late and excused by name but counts the on-time only): an
 * expected employee the report does not list was on time, and anyone the report lists counts
 * as expected, whatever the roster says now (the wall said so).
 */
export class RecapBuilder {
  private readonly counters = new Map<string, Counter>();
  private readonly people = new Map<string, { name: string; unit: string }>();

  constructor(private readonly bounds: readonly [number, number, number]) {}

  private counter(p: { employeeId: string; name: string; unit: string }): Counter {
    let c = this.counters.get(p.employeeId);
    if (!c) {
      c = zero();
      this.counters.set(p.employeeId, c);
    }
    if (!this.people.has(p.employeeId))
      this.people.set(p.employeeId, { name: p.name, unit: p.unit });
    return c;
  }

  /** Name and unit as the roster has them now (the rows' labels), for employees of the roster. */
  know(roster: readonly Employee[]): void {
    for (const e of roster) this.people.set(e.employeeId, { name: e.name, unit: e.unit });
  }

  addDay(report: ReportContent, startsAt: string, expected: readonly Employee[]): void {
    if (!report.workday) return;
    const listed = new Set<string>();
    const marked = new Set(
      (report.marked ?? []).filter((m) => !m.superseded).map((m) => m.employeeId),
    );
    for (const p of report.late) {
      listed.add(p.employeeId);
      const c = this.counter(p);
      c.expected++;
      c.late++;
      const minutes = lateMinutesOf(p.at, startsAt);
      c.lateMinutes += minutes;
      c.lateTiers[tierOf(minutes, this.bounds)]++;
    }
    for (const p of report.excused) {
      listed.add(p.employeeId);
      const c = this.counter(p);
      c.expected++;
      c.excused[EXCUSE_KINDS.includes(p.kind) ? p.kind : 'other']++;
    }
    for (const p of report.absent) {
      listed.add(p.employeeId);
      const c = this.counter(p);
      c.expected++;
      c.absent++;
    }
    for (const e of expected) {
      if (listed.has(e.employeeId)) continue;
      const c = this.counter(e);
      c.expected++;
      c.onTime++;
    }
    for (const id of marked) {
      const c = this.counters.get(id);
      if (c) c.manual++;
    }
  }

  /** The rows (sorted by unit, then name), per-unit totals and the overall totals. */
  finish(unitFilter?: string): Pick<Recap, 'rows' | 'units' | 'totals'> {
    const rows: RecapRow[] = [];
    for (const [employeeId, c] of this.counters) {
      const who = this.people.get(employeeId) ?? { name: employeeId, unit: '' };
      if (unitFilter !== undefined && !sameUnit(who.unit, unitFilter)) continue;
      rows.push({ employeeId, name: who.name, unit: who.unit, ...withRate(c) });
    }
    return summarise(rows.sort(byUnitThenName));
  }
}

/** Rows as the reports list people: by unit, then name (Indonesian collation), then id. */
export function byUnitThenName(
  a: { unit: string; name: string; employeeId: string },
  b: { unit: string; name: string; employeeId: string },
): number {
  return (
    collator.compare(a.unit, b.unit) ||
    collator.compare(a.name, b.name) ||
    (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0)
  );
}

export const sameUnit = (a: string, b: string) =>
  a.toLocaleLowerCase('id') === b.toLocaleLowerCase('id');

function withRate(c: Counter): RecapCounts {
  const attended = c.onTime + c.late;
  return {
    ...c,
    lateTiers: { ...c.lateTiers },
    excused: { ...c.excused },
    attendanceRate: c.expected === 0 ? 0 : Math.round((attended / c.expected) * 1000) / 10,
  };
}

function add(into: Counter, r: RecapCounts): void {
  into.expected += r.expected;
  into.onTime += r.onTime;
  into.late += r.late;
  into.lateMinutes += r.lateMinutes;
  for (const t of TIERS) into.lateTiers[t] += r.lateTiers[t];
  for (const k of EXCUSE_KINDS) into.excused[k] += r.excused[k];
  into.manual += r.manual;
  into.absent += r.absent;
}

/** Per-unit and overall totals of sorted rows (also what a unit filter of a kept recap needs). */
export function summarise(rows: RecapRow[]): Pick<Recap, 'rows' | 'units' | 'totals'> {
  const units = new Map<string, { c: Counter; n: number }>();
  const all = zero();
  for (const r of rows) {
    let u = units.get(r.unit);
    if (!u) {
      u = { c: zero(), n: 0 };
      units.set(r.unit, u);
    }
    add(u.c, r);
    u.n++;
    add(all, r);
  }
  return {
    rows,
    units: [...units.entries()].map(([unit, u]) => ({ unit, employees: u.n, ...withRate(u.c) })),
    totals: { employees: rows.length, ...withRate(all) },
  };
}
