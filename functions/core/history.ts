/**
 * One employee's month (riwayat): each day and roll call with the status the recap counts and
 * how it was reached. Read like the recap (core/recap-days.ts): a published day as its newest
 * version says, an unpublished day live; on an unpublished day someone not yet counted present,
 * late or excused is `pending` (the day is not final), not absent.
 */
import { addDays, localTime } from './calendar';
import { MonthInFuture } from './correction-errors';
import { NotFound } from './errors';
import type { Employee, ExcuseKind } from './model';
import { isExpectedOn } from './model';
import { lastDayOf } from './month-lock';
import { buildDayReport } from './publish';
import { publishedReport } from './published-report';
import { lateMinutesOf } from './recap';
import type { RecapDeps } from './recap-days';
import type { ReportContent } from './report';
import { attends, rollCallsFor } from './rollcall-schedule';
import { findRollCall } from './rollcalls';

export type HistoryStatus = 'on_time' | 'late' | 'excused' | 'absent' | 'pending';
export type HistoryMethod = 'gps' | 'manual' | 'appeal';

export interface HistoryEntry {
  readonly rollCallId: string;
  readonly status: HistoryStatus;
  /** How a present or late day (or a marked one) was reached; absent for excuses and absences. */
  readonly method?: HistoryMethod;
  /** "HH:MM" of a late arrival. */
  readonly at?: string;
  /** Minutes after the roll call's start in force that day (as the recap counts them). */
  readonly lateMinutes?: number;
  readonly kind?: ExcuseKind;
  /** Whether the day was read from its published version (else counted live). */
  readonly published: boolean;
}

export interface HistoryDay {
  readonly date: string;
  readonly workday: boolean;
  readonly holiday?: string;
  readonly rollCalls: HistoryEntry[];
}

export interface History {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly month: string;
  readonly timezone: string;
  readonly days: HistoryDay[];
}

/** Where the employee stands in one day report (null: the report does not concern them). */
export function entryOf(
  day: ReportContent,
  employee: Employee,
  rollCallId: string,
  published: boolean,
  expected: boolean,
  startsAt?: string,
): HistoryEntry | null {
  if (!day.workday) return null;
  const id = employee.employeeId;
  const mark = (day.marked ?? []).find((m) => m.employeeId === id && !m.superseded);
  const base = { rollCallId, published };
  const late = day.late.find((p) => p.employeeId === id);
  if (late) {
    return {
      ...base,
      status: 'late',
      method: late.method ?? 'gps',
      at: late.at,
      ...(startsAt && late.at ? { lateMinutes: lateMinutesOf(late.at, startsAt) } : {}),
    };
  }
  const excused = day.excused.find((p) => p.employeeId === id);
  if (excused) {
    return {
      ...base,
      status: 'excused',
      kind: excused.kind,
      ...(excused.method ? { method: excused.method } : {}),
    };
  }
  if (day.absent.some((p) => p.employeeId === id)) {
    return { ...base, status: published ? 'absent' : 'pending' };
  }
  if (!expected && !mark) return null;
  return { ...base, status: 'on_time', method: mark?.method ?? 'gps' };
}

/** An employee's month as the recap counts it, up to today. */
export async function employeeHistory(
  deps: RecapDeps,
  employeeId: string,
  month: string,
): Promise<History> {
  const { stores } = deps;
  const settings = await stores.settings.getSettings();
  const today = localTime(deps.clock.now(), settings.timezone).date;
  if (`${month}-01` > today) throw new MonthInFuture(month, today);
  const employee = await stores.roster.get(employeeId);
  if (!employee) throw new NotFound('employee', employeeId);
  const end = [lastDayOf(month), today].sort()[0] as string;
  const publishedOn = new Map<string, Set<string>>();
  for (const p of await stores.publications.list(`${month}-01`, lastDayOf(month))) {
    let s = publishedOn.get(p.date);
    if (!s) {
      s = new Set();
      publishedOn.set(p.date, s);
    }
    s.add(p.rollCallId);
  }
  const days: HistoryDay[] = [];
  for (let date = `${month}-01`; date <= end; date = addDays(date, 1)) {
    const rules = await stores.settings.settingsOn(date);
    if (rules.settings === null) continue; // before the deployment
    const all = { settings: rules.settings, rollCalls: rules.rollCalls };
    const holiday = await stores.holidays.get(date);
    const ids = new Set(
      isExpectedOn(employee, date)
        ? rollCallsFor(all, employee, date, holiday !== null).map((r) => r.id)
        : [],
    );
    for (const id of publishedOn.get(date) ?? []) ids.add(id);
    const entries: HistoryEntry[] = [];
    let workday = false;
    let holidayName: string | undefined;
    for (const rollCallId of ids) {
      const report = await publishedReport(deps, date, rollCallId);
      const day = report ?? (await buildDayReport(stores, date, rollCallId)).content;
      workday ||= day.workday;
      holidayName ??= day.holiday;
      const rc = findRollCall(all, rollCallId);
      const expected = isExpectedOn(employee, date) && (!rc || attends(rc, employee.unit));
      const entry = entryOf(day, employee, rollCallId, report !== null, expected, rc?.startsAt);
      if (entry) entries.push(entry);
    }
    const name = holidayName ?? holiday?.name;
    days.push({
      date,
      workday: workday || entries.length > 0,
      ...(name ? { holiday: name } : {}),
      rollCalls: entries,
    });
  }
  return {
    employeeId,
    name: employee.name,
    unit: employee.unit,
    month,
    timezone: settings.timezone,
    days,
  };
}
