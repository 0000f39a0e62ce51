import type { Lang } from '../../../env';
import type { ApiError } from './api';
import { dateLabel, wallTime, weekdayNames } from './format';
import { rcText } from './rollcalls-strings';

/**
 * A roll call as the API has it (DESIGN.md, Roll calls), what the console says about one, and
 * the server's refusals of a PUT sorted by the form's fields. No DOM, no fetch: tested in Node.
 */

export type Schedule =
  | { readonly kind: 'daily' }
  | { readonly kind: 'weekly'; readonly weekdays: readonly number[] }
  | { readonly kind: 'monthly'; readonly day: number }
  | { readonly kind: 'once'; readonly date: string };

export interface RollCall {
  readonly id: string;
  readonly name: string;
  readonly schedule: Schedule;
  readonly opensAt: string;
  readonly startsAt: string;
  readonly closesAt: string;
  readonly reportAt: string;
  readonly siteIds?: readonly string[];
  readonly units?: readonly string[];
  readonly active: boolean;
}

export const PAGI = 'pagi';

export function sortRollCalls(items: readonly RollCall[]): RollCall[] {
  return [...items].sort((a, b) =>
    a.id === PAGI ? -1 : b.id === PAGI ? 1 : a.name.localeCompare(b.name, 'id'),
  );
}

/** The body a PUT sends: the roll call without its id (the path names it). */
export function bodyOf(rc: RollCall): Omit<RollCall, 'id'> {
  const { id: _id, ...rest } = rc;
  return rest;
}

export function scheduleText(s: Schedule, l: Lang): string {
  switch (s.kind) {
    case 'daily':
      return rcText(l, 'rcDaily');
    case 'weekly': {
      const names = weekdayNames(l);
      const days = [...s.weekdays]
        .sort()
        .map((d) => names[d - 1] ?? String(d))
        .join(', ');
      return rcText(l, 'rcWeekly', { days });
    }
    case 'monthly':
      return rcText(l, 'rcMonthly', { day: s.day });
    case 'once':
      return rcText(l, 'rcOnce', { date: dateLabel(s.date, l, true) });
  }
}

export function windowText(rc: RollCall, l: Lang): string {
  return rcText(l, 'rcWindow', {
    opens: wallTime(rc.opensAt, l),
    starts: wallTime(rc.startsAt, l),
    closes: wallTime(rc.closesAt, l),
  });
}

/** ISO weekday (1 = Monday) of a "YYYY-MM-DD". */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * Whether an active roll call happens on `date`: daily, weekly and monthly on workdays only
 * (`workday`: a workday of the settings and no holiday), `once` on its date whatever the day.
 */
export function happensOn(rc: RollCall, date: string, workday: boolean): boolean {
  if (!rc.active) return false;
  const s = rc.schedule;
  switch (s.kind) {
    case 'once':
      return s.date === date;
    case 'daily':
      return workday;
    case 'weekly':
      return workday && s.weekdays.includes(isoWeekday(date));
    case 'monthly':
      return workday && Number(date.slice(8, 10)) === s.day;
  }
}

/** The form's fields, in its order: where the keyboard goes first on a refusal. */
export const RC_FIELDS = [
  'id',
  'name',
  'schedule',
  'opensAt',
  'startsAt',
  'closesAt',
  'reportAt',
  'siteIds',
  'units',
  'active',
] as const;
export type RcField = (typeof RC_FIELDS)[number];
export type RcIssues = Partial<Record<RcField | '', string[]>>;

/**
 * The server's issues by field: `schedule.weekdays.0` goes to schedule, `siteIds.1` to siteIds.
 * An issue with no path goes to the field its message begins with, else above the form.
 */
export function rcIssuesByField(e: ApiError): RcIssues {
  const out: RcIssues = {};
  const known = RC_FIELDS as readonly string[];
  for (const i of e.details?.issues ?? []) {
    const head = i.path.split(/[.[/]/)[0] ?? '';
    const named = RC_FIELDS.find((f) => i.message.startsWith(`${f} `));
    const field: RcField | '' = known.includes(head) ? (head as RcField) : (named ?? '');
    const list = out[field] ?? [];
    list.push(i.message);
    out[field] = list;
  }
  return out;
}
