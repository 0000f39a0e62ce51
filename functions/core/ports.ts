import type { Geofence } from './geo/geofence';
import type { Attempt, Checkin, Employee, Holiday } from './model';
import type { Settings } from './settings';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What one check-in needs, read together; holidays and grounds come from caches. */
export interface CheckinContext {
  readonly employee: Employee | null;
  readonly settings: Settings;
  holiday(date: string): Promise<Holiday | null>;
  /** The employee's grounds, compiled; unknown ids are left out. */
  geofence(siteIds: readonly string[]): Promise<Geofence>;
}

export type PutCheckinResult =
  | { readonly created: true; readonly checkin: Checkin }
  | { readonly created: false; readonly checkin: Checkin };

export interface CheckinStore {
  checkinContext(employeeId: string): Promise<CheckinContext>;
  /** Store the check-in unless one exists for (employee, date); either way return the one that stands. */
  putFirstCheckin(checkin: Checkin): Promise<PutCheckinResult>;
  getCheckin(employeeId: string, date: string): Promise<Checkin | null>;
  putAttempt(attempt: Attempt): Promise<void>;
  /** The employee's check-in and attempts on a date, attempts oldest first. */
  employeeDay(
    employeeId: string,
    date: string,
  ): Promise<{ checkin: Checkin | null; attempts: Attempt[] }>;
}

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  putSettings(settings: Settings): Promise<void>;
}
