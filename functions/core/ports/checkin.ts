/**
 * What a check-in reads and writes, one port per concern: the check-in record itself, its audit
 * trail (attempts), the rate limit, and the integrity bookkeeping (the employee's trace, claimed
 * coordinates, the device registry). Each has its own lifetime and its own reason to change;
 * core/checkin.ts takes them together as CheckinStores.
 */
import type { Geofence } from '../geo/geofence';
import type { Trace } from '../integrity';
import type { Attempt, Checkin, Employee, Holiday } from '../model';
import type { RollCall } from '../rollcalls';
import type { Settings } from '../settings';
import type { PasskeyRecord } from './presence';

/** What one check-in needs, read together; holidays and grounds come from caches. */
export interface CheckinContext {
  readonly employee: Employee | null;
  readonly settings: Settings;
  /** The roll calls in force, `pagi` first (they come with the settings, in the same read). */
  readonly rollCalls: readonly RollCall[];
  /** The employee's previous fix and devices, for the integrity signals. */
  readonly trace: Trace | null;
  holiday(date: string): Promise<Holiday | null>;
  /** The employee's grounds, compiled; unknown ids are left out. */
  geofence(siteIds: readonly string[]): Promise<Geofence>;
  /**
   * The employee's passkeys and pending challenge, when asked for and read with the rest
   * (consistently: the challenge was set a moment ago); undefined when this source does not.
   */
  readonly passkeys?: PasskeyRecord | null;
}

/** Reads a check-in's context in one go: roster entry, settings and trace. */
export interface CheckinContextSource {
  /** `passkeys`: a passkey assertion is to be checked, so read the passkey record too. */
  load(employeeId: string, o?: { readonly passkeys?: boolean }): Promise<CheckinContext>;
}

export type PutCheckinResult =
  | { readonly created: true; readonly checkin: Checkin }
  | { readonly created: false; readonly checkin: Checkin };

export interface CheckinRepository {
  /**
   * Store the check-in unless one exists for (employee, date, roll call); either way return the
   * one that stands. A check-in without `rollCallId` is `pagi`'s.
   */
  putFirstCheckin(checkin: Checkin): Promise<PutCheckinResult>;
  /** The check-in of a roll call (default `pagi`). */
  getCheckin(employeeId: string, date: string, rollCallId?: string): Promise<Checkin | null>;
  /**
   * The employee's check-ins and attempts on a date, attempts oldest first: `checkin` is
   * `pagi`'s, `checkins` every roll call's.
   */
  employeeDay(
    employeeId: string,
    date: string,
  ): Promise<{ checkin: Checkin | null; checkins: Checkin[]; attempts: Attempt[] }>;
  /** Every accepted check-in of a date and roll call (default `pagi`), review flags merged into `flags`. */
  checkinsOn(date: string, rollCallId?: string): Promise<Checkin[]>;
  /**
   * Add a flag for admins to a stored check-in, learnt after it was made (another employee used
   * the same coordinates). It shows in the report, not in the check-in's own answer, which never
   * changes. Nothing happens when there is no check-in.
   */
  addReviewFlag(employeeId: string, date: string, flag: string, rollCallId?: string): Promise<void>;
}

/** Every evaluated submission, accepted or not, kept for audit until it expires. */
export interface AttemptLog {
  put(attempt: Attempt): Promise<void>;
}

export interface RateCounter {
  /** Count an attempt in the employee's current minute; returns the count so far. */
  count(employeeId: string, minute: string, expiresAt: number): Promise<number>;
}

export interface TraceStore {
  /**
   * Remember this fix as the employee's latest; with `ownDevice`, add its device to the ones
   * they use (only a check-in that stands does that). Read back through the check-in context.
   */
  record(
    employeeId: string,
    fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
    expiresAt: number,
    ownDevice: boolean,
  ): Promise<void>;
}

export interface CoordinateClaims {
  /**
   * Claim exact coordinates for the day; returns the employee who claimed them first when that
   * is someone else, else null.
   */
  claim(
    date: string,
    lat: number,
    lon: number,
    employeeId: string,
    expiresAt: number,
  ): Promise<string | null>;
}

export interface DeviceRegistry {
  /** Note that the employee used the device; returns the other employees seen on it. */
  register(deviceId: string, employeeId: string, expiresAt: number): Promise<string[]>;
}

/** Everything a check-in touches; every deployment's Stores is one. */
export interface CheckinStores {
  readonly checkinContext: CheckinContextSource;
  readonly checkins: CheckinRepository;
  readonly attempts: AttemptLog;
  readonly rates: RateCounter;
  readonly traces: TraceStore;
  readonly coordinates: CoordinateClaims;
  readonly devices: DeviceRegistry;
}
