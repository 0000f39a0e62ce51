import { addDays, localTime } from './calendar';
import { DomainError } from './errors';
import type { RollCall } from './rollcalls';
import type { Settings } from './settings';

/**
 * Settings keep their history (DESIGN.md, Roll calls: "rules keep their history"). Every change is
 * a version in force from the instant it was saved — for the rest of that day too — until the
 * next one; a past date keeps the rules it ended with, never today's.
 */
export interface SettingsVersion {
  /** ISO instant the version took effect. */
  readonly effectiveFrom: string;
  readonly settings: Settings;
  /** The roll calls of that version as stored (absent on versions before roll calls: pagi alone). */
  readonly rollCalls?: readonly RollCall[];
}

/**
 * The rules of a date: its settings, or null when the date is before the deployment's first day
 * (then `firstDay` says which day that is). `firstDay` is null when it is not known (a deployment
 * from before history was kept): then no date is refused.
 */
export type SettingsOnDate =
  | {
      readonly settings: Settings;
      /** The roll calls in force at the end of the date, `pagi` first. */
      readonly rollCalls: readonly RollCall[];
      readonly firstDay: string | null;
    }
  | { readonly settings: null; readonly firstDay: string };

/** The version stored for the rules in force before history was kept: from the start of time. */
export const SINCE_EVER = '1970-01-01T00:00:00.000Z';

/** A report of a date before the deployment existed would list everyone absent: refuse it. */
export class BeforeDeployment extends DomainError {
  constructor(date: string, firstDay: string) {
    super('BEFORE_DEPLOYMENT', `${date} is before the deployment's first day, ${firstDay}`, {
      date,
      firstDay,
    });
  }
}

const FOUR_DIGIT_YEAR = /^\d{4}-/;

/** The instant a local calendar date begins in a zone (its local midnight). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let t = midnightUtc;
  // Two rounds settle the offset, also when the guess falls on the other side of a transition.
  for (let i = 0; i < 2; i++) {
    const l = localTime(new Date(t), timeZone);
    const offset = Date.parse(`${l.date}T${l.time}:00Z`) - t;
    t = midnightUtc - offset;
  }
  return new Date(t);
}

/**
 * Versions that may be in force at the end of `date` have sort keys before this bound: the day
 * after ends by noon UTC of the day after that in every zone (UTC−12 is the last to finish).
 */
export function versionsUpperBound(date: string): string {
  const bound = addDays(date, 2);
  // Past 9999-12-29 the next dates leave four-digit years: above every stored instant.
  return FOUR_DIGIT_YEAR.test(bound) ? bound : '9999-99';
}

/**
 * The version in force at the end of a local date: the newest one that took effect before the
 * next local midnight, in that version's own time zone. `newestFirst` must be sorted so.
 */
export function inForceAtEndOf(
  date: string,
  newestFirst: readonly SettingsVersion[],
): SettingsVersion | null {
  const next = addDays(date, 1);
  const endOf = (timeZone: string) =>
    FOUR_DIGIT_YEAR.test(next) ? startOfLocalDate(next, timeZone).getTime() : Infinity;
  for (const v of newestFirst) {
    if (Date.parse(v.effectiveFrom) < endOf(v.settings.timezone)) {
      return v;
    }
  }
  return null;
}

/** The local date a version took effect on: for the first one, the deployment's first day. */
export function localDateOf(v: SettingsVersion): string {
  return localTime(new Date(v.effectiveFrom), v.settings.timezone).date;
}
