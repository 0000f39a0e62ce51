import * as v from 'valibot';
import { addDays, isoWeekdayOf, localTime } from './calendar';
import { IsoDate, Text } from './fields';
import { EXCUSE_KINDS, type ExcuseKind } from './model';
import { RollCallId } from './rollcalls';
import type { Settings } from './settings';
import { isWorkday } from './window';

/**
 * Appeals (sanggahan, DESIGN.md "Corrections"): an employee named absent says "I was there, my
 * GPS failed" (`present`) or "I was sick" (`excused`, with its kind), with a reason, within
 * `appealDays` workdays of the roll call. An operator of the employee's unit or an admin accepts
 * or rejects it with a note; an accepted one becomes an attendance mark or an excuse.
 */

export const APPEAL_CLAIMS = ['present', 'excused'] as const;
export type AppealClaim = (typeof APPEAL_CLAIMS)[number];
export const APPEAL_STATUSES = ['open', 'accepted', 'rejected'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Longest reason or note, in characters: a paragraph, as an attendance mark's reason. */
export const MAX_APPEAL_TEXT = 500;

export interface Appeal {
  /** `{date}.{rollCallId}.{employeeId}`: one appeal per employee, date and roll call. */
  readonly appealId: string;
  readonly employeeId: string;
  /** The employee's name and unit when the appeal was made (the unit decides who may decide). */
  readonly name: string;
  readonly unit: string;
  readonly date: string;
  readonly rollCallId: string;
  readonly claim: AppealClaim;
  /** The excuse's kind, for an `excused` claim only. */
  readonly kind?: ExcuseKind;
  readonly reason: string;
  readonly status: AppealStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly note?: string;
}

/** POST /v1/appeals. The employee comes from the token, never from the body. */
export const AppealBody = v.pipe(
  v.strictObject({
    date: IsoDate,
    rollCallId: v.optional(RollCallId),
    claim: v.picklist(APPEAL_CLAIMS),
    kind: v.optional(v.picklist(EXCUSE_KINDS)),
    reason: Text(MAX_APPEAL_TEXT),
  }),
  v.forward(
    v.check(
      (b) => (b.claim === 'excused') === (b.kind !== undefined),
      'an excused claim needs its kind (leave, sick, duty, permit, other); a present claim has none',
    ),
    ['kind'],
  ),
);
export type AppealInput = v.InferOutput<typeof AppealBody>;

/** POST /v1/appeals/{id}/decision. */
export const DecisionBody = v.strictObject({
  decision: v.picklist(['accept', 'reject']),
  note: Text(MAX_APPEAL_TEXT),
});

// A date has no dot and a roll call id neither ([a-z0-9-]): the rest is the employee id.
const APPEAL_ID = /^(\d{4}-\d{2}-\d{2})\.([a-z0-9][a-z0-9-]{0,47})\.([A-Za-z0-9._@-]{1,128})$/;

export function appealIdOf(employeeId: string, date: string, rollCallId: string): string {
  return `${date}.${rollCallId}.${employeeId}`;
}

export function parseAppealId(
  id: string,
): { date: string; rollCallId: string; employeeId: string } | null {
  const m = APPEAL_ID.exec(id);
  return m
    ? { date: m[1] as string, rollCallId: m[2] as string, employeeId: m[3] as string }
    : null;
}

export const AppealIdParam = v.object({
  id: v.pipe(
    v.string(),
    v.check((id) => parseAppealId(id) !== null, 'an appeal id: {date}.{rollCallId}.{employeeId}'),
  ),
});

/** The instant a local date's wall clock shows `hhmm` in a zone. */
export function instantAt(date: string, hhmm: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${hhmm}:00Z`);
  let t = wall;
  // Two rounds settle the offset, also next to a daylight-saving transition.
  for (let i = 0; i < 2; i++) {
    const l = localTime(new Date(t), timeZone);
    t += wall - Date.parse(`${l.date}T${l.time}:00Z`);
  }
  return new Date(t);
}

export interface AppealWindow {
  /** The minute after check-in closes: the first moment the employee is absent. */
  readonly opensAt: Date;
  /** The end (local midnight) of the `appealDays`-th workday after the date. */
  readonly closesAt: Date;
  /** That last workday. */
  readonly lastDay: string;
}

/** Workdays are searched this far ahead; a calendar with no workday in a year has none. */
const MAX_LOOKAHEAD_DAYS = 366;
/** The last date written YYYY-MM-DD: a window runs to its end at most. */
const LAST_DATE = '9999-12-31';

/**
 * When an appeal for a roll call of `date` may be made: from the minute after its `closesAt`
 * until the end of the `appealDays`-th workday after the date, workdays being the settings'
 * weekdays that are not holidays (as the report has them). A Friday's appeal with 3 days runs
 * to the end of Wednesday; a holiday in between adds a day.
 */
export function appealWindow(
  date: string,
  closesAt: string,
  settings: Pick<Settings, 'timezone' | 'workdays' | 'appealDays'>,
  holidays: ReadonlySet<string>,
): AppealWindow {
  const opensAt = new Date(instantAt(date, closesAt, settings.timezone).getTime() + 60_000);
  let day = date;
  let counted = 0;
  for (let i = 0; i < MAX_LOOKAHEAD_DAYS && counted < settings.appealDays; i++) {
    if (day === LAST_DATE) break;
    day = addDays(day, 1);
    if (isWorkday(isoWeekdayOf(day), holidays.has(day), settings)) counted++;
  }
  const closes =
    day === LAST_DATE
      ? new Date(instantAt(day, '00:00', settings.timezone).getTime() + 86_400_000)
      : instantAt(addDays(day, 1), '00:00', settings.timezone);
  return { opensAt, closesAt: closes, lastDay: day };
}

/** Whether `now` falls in the window (its end excluded). */
export function isWindowOpen(w: AppealWindow, now: Date): boolean {
  return now.getTime() >= w.opensAt.getTime() && now.getTime() < w.closesAt.getTime();
}

/** The years a window starting on `date` may reach, for loading their holidays. */
export function windowYears(date: string): number[] {
  const y = Number(date.slice(0, 4));
  return [y, y + 1];
}

/** Open appeals first, then the decided, each oldest first: the inbox's order. */
export const LIST_ORDER: readonly AppealStatus[] = APPEAL_STATUSES;

/** A listing's position: which status it is in and the sort key of the last item given. */
export interface AppealCursor {
  readonly s: number;
  readonly a: string;
}

export function encodeAppealCursor(c: AppealCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** Null for anything this API did not give out. */
export function decodeAppealCursor(cursor: string): AppealCursor | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as AppealCursor;
    if (!Number.isInteger(c.s) || c.s < 0 || c.s > 2 || typeof c.a !== 'string') return null;
    if (c.a.length > 300) return null;
    return { s: c.s, a: c.a };
  } catch {
    return null;
  }
}

/** An appeal's place in its status's list: oldest first, the id breaking ties. */
export const listKey = (a: Pick<Appeal, 'createdAt' | 'appealId'>) =>
  `${a.createdAt}#${a.appealId}`;
