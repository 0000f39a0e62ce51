import type { Geofence } from './geo/geofence';
import type { Trace } from './integrity';
import type { Attempt, Checkin, Employee, Excuse, Holiday, Site } from './model';
import type { Totals } from './report';
import type { Settings } from './settings';
import type { SettingsOnDate } from './settings-history';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What one check-in needs, read together; holidays and grounds come from caches. */
export interface CheckinContext {
  readonly employee: Employee | null;
  readonly settings: Settings;
  /** The employee's previous fix and devices, for the integrity signals. */
  readonly trace: Trace | null;
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
  /** Every accepted check-in of an apel date, review flags merged into `flags`. */
  checkinsOn(date: string): Promise<Checkin[]>;
  /** Count an attempt in the employee's current minute; returns the count so far. */
  countAttempt(employeeId: string, minute: string, expiresAt: number): Promise<number>;
  /**
   * Remember this fix as the employee's latest; with `ownDevice`, add its device to the ones
   * they use (only a check-in that stands does that).
   */
  recordTrace(
    employeeId: string,
    fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
    expiresAt: number,
    ownDevice: boolean,
  ): Promise<void>;
  /**
   * Claim exact coordinates for the day; returns the employee who claimed them first when that
   * is someone else, else null.
   */
  claimCoordinates(
    date: string,
    lat: number,
    lon: number,
    employeeId: string,
    expiresAt: number,
  ): Promise<string | null>;
  /** Note that the employee used the device; returns the other employees seen on it. */
  registerDevice(deviceId: string, employeeId: string, expiresAt: number): Promise<string[]>;
  /**
   * Add a flag for admins to a stored check-in, learnt after it was made (another employee used
   * the same coordinates). It shows in the report, not in the check-in's own answer, which never
   * changes. Nothing happens when there is no check-in.
   */
  addReviewFlag(employeeId: string, date: string, flag: string): Promise<void>;
}

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  /** A new version of the settings, in force from `at` (default: now) on. */
  putSettings(settings: Settings, at?: Date): Promise<void>;
  /** The settings in force at the end of a local date, or none before the first day. */
  settingsOn(date: string): Promise<SettingsOnDate>;
}

export interface Page<T> {
  readonly items: T[];
  /** Opaque; pass it back for the next page. Absent on the last page. */
  readonly cursor?: string;
}

export interface RosterRepository {
  get(employeeId: string): Promise<Employee | null>;
  getMany(employeeIds: readonly string[]): Promise<Map<string, Employee>>;
  put(employee: Employee): Promise<void>;
  putMany(employees: readonly Employee[]): Promise<void>;
  /** A page of the roster: one unit ordered by name, or everyone in storage order. */
  list(query: { unit?: string; cursor?: string; limit: number }): Promise<Page<Employee>>;
  /** The whole roster, active or not (the report decides who was expected). */
  all(): Promise<Employee[]>;
}

export interface SiteRepository {
  get(siteId: string): Promise<Site | null>;
  put(site: Site): Promise<void>;
  /** Retire a ground: it no longer counts for check-ins and leaves the list. */
  remove(siteId: string): Promise<boolean>;
  list(): Promise<Site[]>;
}

export interface HolidayRepository {
  get(date: string): Promise<Holiday | null>;
  put(holiday: Holiday): Promise<void>;
  remove(date: string): Promise<boolean>;
  year(year: number): Promise<Holiday[]>;
}

export interface ExcuseRepository {
  put(excuse: Excuse): Promise<void>;
  get(excuseId: string): Promise<Excuse | null>;
  /** Excuses whose range covers the date, revoked ones included (flagged). */
  on(date: string): Promise<Excuse[]>;
  revoke(excuseId: string): Promise<Excuse | null>;
}

/** A published version of a day's report. */
export interface Publication {
  readonly date: string;
  readonly version: number;
  /** SHA-256 of the report's content (everything but generatedAt and version). */
  readonly hash: string;
  readonly generatedAt: string;
  readonly totals: Totals;
  /**
   * False until the version's notice has gone out, so that a run which failed after recording
   * the version sends it on retry. Absent on versions recorded before notices were tracked.
   */
  readonly notified?: boolean;
}

export interface PublicationRepository {
  newest(date: string): Promise<Publication | null>;
  /** Record a new version; false when that version number was taken meanwhile. */
  record(publication: Publication): Promise<boolean>;
  /** The version's notice has been sent. */
  markNotified(date: string, version: number): Promise<void>;
  /** Remember the newest published date, unless a later one is already there. */
  markNewestDate(date: string): Promise<void>;
  newestDate(): Promise<string | null>;
}

export interface ReportFile {
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
}

/** Where published reports go: S3 and SNS on AWS, files under DATA_DIR locally. */
export interface ReportPublisher {
  write(files: readonly ReportFile[]): Promise<void>;
  read(key: string): Promise<string | null>;
  notify(subject: string, message: string): Promise<void>;
}

/** Every repository of a deployment. */
export interface Stores {
  readonly checkins: CheckinStore;
  readonly settings: SettingsStore;
  readonly roster: RosterRepository;
  readonly sites: SiteRepository;
  readonly holidays: HolidayRepository;
  readonly excuses: ExcuseRepository;
  readonly publications: PublicationRepository;
}
