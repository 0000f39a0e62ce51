import { isoWeekdayOf, localTime } from './calendar';
import type { AttendanceMark, MarkMethod, MarkStatus } from './mark-record';
import type { Checkin, CheckinStatus, Employee, Excuse, ExcuseKind, Holiday } from './model';
import { excuseCovers, isExpectedOn } from './model';
import type { Settings } from './settings';
import { isWorkday } from './window';

export interface ReportPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly unit: string;
}
export interface LatePerson extends ReportPerson {
  /** Local wall-clock time of the check-in (or the mark's time), "HH:MM". */
  readonly at: string;
  /** Counted by an attendance mark rather than a check-in. */
  readonly method?: MarkMethod;
}
export interface ExcusedPerson extends ReportPerson {
  readonly kind: ExcuseKind;
  /** Counted by an attendance mark rather than an excuse. */
  readonly method?: MarkMethod;
}
/** An attendance mark of the day, with who made it and why. Admins' and operators' only. */
export interface MarkedPerson extends ReportPerson {
  readonly status: MarkStatus;
  readonly method: MarkMethod;
  readonly by: string;
  readonly reason: string;
  readonly markedAt: string;
  readonly at?: string;
  readonly kind?: ExcuseKind;
  /** A check-in came after the mark and stands: the employee is counted by the check-in. */
  readonly superseded?: true;
}
export interface FlaggedPerson extends ReportPerson {
  readonly status: CheckinStatus;
  /** Integrity signals on the check-in (near_edge, shared_device, …) for an admin to review. */
  readonly flags: string[];
}
export interface Totals {
  readonly expected: number;
  readonly present: number;
  readonly late: number;
  readonly excused: number;
  readonly absent: number;
}
export interface UnitTotals extends Totals {
  readonly unit: string;
}

/** What a report says; `generatedAt` and `version` are added when it is published. */
export interface ReportContent {
  readonly date: string;
  readonly timezone: string;
  readonly workday: boolean;
  readonly holiday?: string;
  readonly totals: Totals;
  readonly units: UnitTotals[];
  readonly absent: ReportPerson[];
  readonly late: LatePerson[];
  readonly excused: ExcusedPerson[];
  /** Present or late employees whose check-in carries integrity flags. Never on the wall. */
  readonly flagged: FlaggedPerson[];
  /** The day's attendance marks (absent on reports published before marks). Never on the wall. */
  readonly marked?: MarkedPerson[];
}

export interface Report extends ReportContent {
  readonly generatedAt: string;
  readonly version: number;
  /** The roll call reported on; absent on reports published before roll calls (pagi's). */
  readonly rollCall?: {
    readonly id: string;
    readonly name: string;
    readonly opensAt: string;
    readonly startsAt: string;
    readonly closesAt: string;
  };
}

export interface ReportInput {
  readonly date: string;
  readonly settings: Pick<Settings, 'timezone' | 'workdays'>;
  readonly holiday: Holiday | null;
  /** The whole roster, active or not: who was expected is decided here, for that date. */
  readonly roster: readonly Employee[];
  readonly checkins: readonly Checkin[];
  /** Excuses that may cover the date; revoked ones and ones outside the date are ignored. */
  readonly excuses: readonly Excuse[];
  /** The roll call's attendance marks of that date (core/marks.ts); none when absent. */
  readonly marks?: readonly AttendanceMark[];
  /**
   * Whether the roll call was held that date (core/rollcall-schedule.ts); unset: on the
   * settings' workdays that are not holidays, as pagi.
   */
  readonly held?: boolean;
}

/** Indonesian collation: "Ahmad" < "ahmad siregar" < "Ähmad" as a person would file them. */
const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

function byUnitThenName(a: ReportPerson, b: ReportPerson): number {
  return (
    collator.compare(a.unit, b.unit) ||
    collator.compare(a.name, b.name) ||
    (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0)
  );
}

const ZERO: Totals = { expected: 0, present: 0, late: 0, excused: 0, absent: 0 };

/**
 * The day's report: expected = roster members expected on that date, on a workday;
 * absent = expected − present − late − excused. A check-in beats an excuse (an excused employee
 * who came anyway is present or late). Rejected attempts never reach here: only accepted
 * check-ins do. Lists are sorted by unit, then name.
 */
export function buildReport(input: ReportInput): ReportContent {
  const { date, settings } = input;
  const workday = input.held ?? isWorkday(isoWeekdayOf(date), input.holiday !== null, settings);
  const head = {
    date,
    timezone: settings.timezone,
    workday,
    ...(input.holiday ? { holiday: input.holiday.name } : {}),
  };
  if (!workday) {
    return {
      ...head,
      totals: ZERO,
      units: [],
      absent: [],
      late: [],
      excused: [],
      flagged: [],
      marked: [],
    };
  }

  const checkins = new Map<string, Checkin>();
  for (const c of input.checkins) if (c.date === date) checkins.set(c.employeeId, c);
  const excuses = new Map<string, Excuse>();
  for (const x of [...input.excuses].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
    if (excuseCovers(x, date) && !excuses.has(x.employeeId)) {
      excuses.set(x.employeeId, x);
    }
  }

  const marks = new Map<string, AttendanceMark>();
  for (const m of input.marks ?? []) if (m.date === date) marks.set(m.employeeId, m);

  const absent: ReportPerson[] = [];
  const marked: MarkedPerson[] = [];
  const late: LatePerson[] = [];
  const excused: ExcusedPerson[] = [];
  const flagged: FlaggedPerson[] = [];
  const units = new Map<string, { -readonly [K in keyof Totals]: number }>();
  for (const e of input.roster) {
    if (!isExpectedOn(e, date)) continue;
    const person = { employeeId: e.employeeId, name: e.name, unit: e.unit };
    let unit = units.get(e.unit);
    if (!unit) {
      unit = { ...ZERO };
      units.set(e.unit, unit);
    }
    unit.expected++;
    const c = checkins.get(e.employeeId);
    const x = excuses.get(e.employeeId);
    const m = marks.get(e.employeeId);
    if (c && c.flags.length > 0) flagged.push({ ...person, status: c.status, flags: [...c.flags] });
    // A check-in stands over a mark (it came after the mark); a mark, a statement about this
    // roll call, over an excuse of the day.
    if (m) marked.push(markedPerson(person, m, c !== undefined));
    if (c?.status === 'on_time') {
      unit.present++;
    } else if (c?.status === 'late') {
      unit.late++;
      late.push({ ...person, at: localTime(new Date(c.receivedAt), settings.timezone).time });
    } else if (m?.status === 'on_time') {
      unit.present++;
    } else if (m?.status === 'late') {
      unit.late++;
      late.push({ ...person, at: m.at ?? '', method: m.method });
    } else if (m?.status === 'excused') {
      unit.excused++;
      excused.push({ ...person, kind: m.kind ?? 'other', method: m.method });
    } else if (x) {
      unit.excused++;
      excused.push({ ...person, kind: x.kind });
    } else {
      unit.absent++;
      absent.push(person);
    }
  }

  const unitRows = [...units.entries()]
    .map(([unit, t]) => ({ unit, ...t }))
    .sort((a, b) => collator.compare(a.unit, b.unit));
  const totals = unitRows.reduce(
    (t, u) => ({
      expected: t.expected + u.expected,
      present: t.present + u.present,
      late: t.late + u.late,
      excused: t.excused + u.excused,
      absent: t.absent + u.absent,
    }),
    ZERO,
  );
  return {
    ...head,
    totals,
    units: unitRows,
    absent: absent.sort(byUnitThenName),
    late: late.sort(byUnitThenName),
    excused: excused.sort(byUnitThenName),
    flagged: flagged.sort(byUnitThenName),
    marked: marked.sort(byUnitThenName),
  };
}

function markedPerson(person: ReportPerson, m: AttendanceMark, superseded: boolean): MarkedPerson {
  return {
    ...person,
    status: m.status,
    method: m.method,
    by: m.by,
    reason: m.reason,
    markedAt: m.markedAt,
    ...(m.at !== undefined ? { at: m.at } : {}),
    ...(m.kind !== undefined ? { kind: m.kind } : {}),
    ...(superseded ? { superseded: true as const } : {}),
  };
}
