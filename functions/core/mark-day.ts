/**
 * Where a mark may go: a (date, roll call, employee) that exists, was held, is not in the future,
 * and that the employee had to attend. And the day's attendees as the marking screen lists them.
 */
import { localTime } from './calendar';
import { type Bilingual, NotFound, ValidationFailed } from './errors';
import type { AttendanceMark, MarkStatus } from './mark-record';
import { type Employee, excuseCovers, isExpectedOn } from './model';
import type { Stores } from './ports';
import { attends, happensOn } from './rollcall-schedule';
import { findRollCall, type RollCall } from './rollcalls';
import { searchTerms, searchTokens } from './roster-search';
import type { Settings } from './settings';
import { BeforeDeployment } from './settings-history';

export interface MarkDay {
  readonly rollCall: RollCall;
  readonly settings: Settings;
  /** The deployment's local date now. */
  readonly today: string;
  readonly held: boolean;
}

const refuse = (path: string, message: Bilingual) =>
  new ValidationFailed(message.en, [{ path, message }]);

/**
 * The roll call of a date under the rules of that date: 404 for an unknown one, 400 for a date
 * after today (nobody can be seen at a roll call yet to come).
 */
export async function markDay(
  stores: Pick<Stores, 'settings' | 'holidays'>,
  now: Date,
  date: string,
  rollCallId: string,
): Promise<MarkDay> {
  const [rules, holiday] = await Promise.all([
    stores.settings.settingsOn(date),
    stores.holidays.get(date),
  ]);
  if (rules.settings === null) throw new BeforeDeployment(date, rules.firstDay);
  const rollCall = findRollCall(
    { settings: rules.settings, rollCalls: rules.rollCalls },
    rollCallId,
  );
  if (!rollCall) throw new NotFound('roll call', rollCallId);
  const today = localTime(now, rules.settings.timezone).date;
  if (date > today) {
    throw refuse('date', {
      id: `${date} belum tiba: tanda hadir hanya untuk hari ini atau sebelumnya`,
      en: `${date} is in the future: marks are for today or earlier`,
    });
  }
  const held =
    rollCall.active && happensOn(rollCall.schedule, date, rules.settings, holiday !== null);
  return { rollCall, settings: rules.settings, today, held };
}

/** The checks of one mark: the roll call held that day, the employee on the roster and due there. */
export async function assertMarkable(
  stores: Pick<Stores, 'settings' | 'holidays' | 'roster'>,
  now: Date,
  date: string,
  rollCallId: string,
  employeeId: string,
): Promise<MarkDay & { readonly employee: Employee }> {
  const [day, employee] = await Promise.all([
    markDay(stores, now, date, rollCallId),
    stores.roster.get(employeeId),
  ]);
  if (!employee) throw new NotFound('employee', employeeId);
  if (!day.held) {
    throw refuse('date', {
      id: `${day.rollCall.name} tidak diadakan pada ${date}`,
      en: `${day.rollCall.name} was not held on ${date}`,
    });
  }
  if (!isExpectedOn(employee, date) || !attends(day.rollCall, employee.unit)) {
    throw refuse('employeeId', {
      id: `${employeeId} tidak wajib hadir di ${day.rollCall.name} pada ${date}`,
      en: `${employeeId} was not expected at ${day.rollCall.name} on ${date}`,
    });
  }
  return { ...day, employee };
}

export interface Attendee {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
  readonly status: MarkStatus | 'absent';
  readonly source: 'checkin' | 'mark' | 'excuse' | 'none';
  readonly at?: string;
  readonly mark?: AttendanceMark;
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * Everyone due at the roll call that date with how they count now (a check-in over a mark, a
 * mark over an excuse), matching `q` (words that start a word of the name, or the id) when
 * given; `inScope` keeps only the caller's employees. By unit, then name.
 */
export async function attendeesOn(
  stores: Pick<Stores, 'roster' | 'checkins' | 'marks' | 'excuses'>,
  day: MarkDay,
  date: string,
  o: { q?: string; inScope?: (e: Employee) => boolean } = {},
): Promise<{ items: Attendee[]; total: number }> {
  if (!day.held) return { items: [], total: 0 };
  const [roster, checkins, marks, excuses] = await Promise.all([
    stores.roster.all(),
    stores.checkins.checkinsOn(date, day.rollCall.id),
    stores.marks.on(date, day.rollCall.id),
    stores.excuses.on(date),
  ]);
  const due = roster.filter(
    (e) => isExpectedOn(e, date) && attends(day.rollCall, e.unit) && (o.inScope?.(e) ?? true),
  );
  const byCheckin = new Map(checkins.map((c) => [c.employeeId, c]));
  const byMark = new Map(marks.map((m) => [m.employeeId, m]));
  const excused = new Set(excuses.filter((x) => excuseCovers(x, date)).map((x) => x.employeeId));
  const terms = o.q ? searchTerms(o.q) : [];
  const items = due
    .filter((e) => {
      if (terms.length === 0) return true;
      const tokens = searchTokens(e);
      return terms.every((t) => tokens.some((w) => w.startsWith(t)));
    })
    .map((e): Attendee => {
      const person = { employeeId: e.employeeId, name: e.name, unit: e.unit };
      const c = byCheckin.get(e.employeeId);
      const m = byMark.get(e.employeeId);
      const withMark = m ? { mark: m } : {};
      if (c) {
        const at = localTime(new Date(c.receivedAt), day.settings.timezone).time;
        return { ...person, status: c.status, source: 'checkin', at, ...withMark };
      }
      if (m)
        return {
          ...person,
          status: m.status,
          source: 'mark',
          ...(m.at ? { at: m.at } : {}),
          mark: m,
        };
      if (excused.has(e.employeeId)) return { ...person, status: 'excused', source: 'excuse' };
      return { ...person, status: 'absent', source: 'none' };
    })
    .sort(
      (a, b) =>
        collator.compare(a.unit, b.unit) ||
        collator.compare(a.name, b.name) ||
        (a.employeeId < b.employeeId ? -1 : 1),
    );
  return { items, total: due.length };
}
