import * as v from 'valibot';
import { HhMm as hhmm, TimeZone } from './fields';
import { ProofModeSchema } from './presence/modes';

const minute = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(720));
const isoWeekday = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7));

/** Minutes since local midnight of an "HH:MM" string already validated by the schema. */
export function minutesOf(hhmmValue: string): number {
  return Number(hhmmValue.slice(0, 2)) * 60 + Number(hhmmValue.slice(3, 5));
}

/**
 * A deployment's rules. PUT /v1/settings replaces them whole; unknown keys are refused so that
 * a typo ("openAt") can never be silently ignored.
 */
export const SettingsSchema = v.pipe(
  v.strictObject({
    timezone: TimeZone,
    opensAt: hhmm,
    startsAt: hhmm,
    closesAt: hhmm,
    workdays: v.pipe(
      v.array(isoWeekday),
      v.minLength(1, 'at least one workday'),
      v.check((days) => new Set(days).size === days.length, 'workdays must not repeat'),
    ),
    maxAccuracyM: v.pipe(v.number(), v.minValue(1), v.maxValue(1000)),
    edgeToleranceM: v.pipe(v.number(), v.minValue(0), v.maxValue(500)),
    maxClockSkewS: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)),
    reportAt: hhmm,
    wallAccess: v.picklist(['authenticated', 'public']),
    language: v.picklist(['id', 'en']),
    /** Days the raw coordinates of every attempt are kept before DynamoDB's TTL removes them. */
    attemptRetentionDays: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(400)),
      30,
    ),
    /** Proof of presence: a passkey on the employee's phone (core/presence/device-binding.ts). */
    deviceBinding: v.optional(ProofModeSchema, 'off'),
    /**
     * Workdays after a roll call during which an employee named absent may appeal
     * (core/appeals.ts): from the roll call's `closesAt` to the end of the last of these days.
     */
    appealDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)), 3),
    /**
     * The recap's late tiers (core/recap.ts): the last minute after `startsAt` of TL1, TL2 and
     * TL3; later is TL4. Absent: [30, 60, 90] (TL1 1–30, TL2 31–60, TL3 61–90, TL4 91+).
     */
    lateTiers: v.optional(
      v.pipe(
        v.array(minute),
        v.length(3),
        v.check(([a = 0, b = 0, c = 0]) => a < b && b < c, 'late tiers must rise: TL1 < TL2 < TL3'),
      ),
    ),
  }),
  v.check(
    (s) => minutesOf(s.opensAt) <= minutesOf(s.startsAt),
    'opensAt must not be after startsAt',
  ),
  v.check(
    (s) => minutesOf(s.startsAt) <= minutesOf(s.closesAt),
    'startsAt must not be after closesAt',
  ),
  v.check(
    (s) => minutesOf(s.reportAt) > minutesOf(s.closesAt),
    'reportAt must be after closesAt, or late check-ins would be missed',
  ),
);

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  timezone: 'Asia/Jakarta',
  opensAt: '06:30',
  startsAt: '07:30',
  closesAt: '08:00',
  workdays: [1, 2, 3, 4, 5],
  maxAccuracyM: 50,
  edgeToleranceM: 10,
  maxClockSkewS: 120,
  reportAt: '08:30',
  wallAccess: 'authenticated',
  language: 'id',
  attemptRetentionDays: 30,
  deviceBinding: 'off',
  appealDays: 3,
};
