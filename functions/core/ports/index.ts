/**
 * The core's ports: what it needs from the world, implemented by the adapters (DynamoDB, S3, the
 * file system) and by the tests' fakes. The repositories are here; the check-in's own ports, the
 * logger and the caller's identity are in files of their own, re-exported below.
 */
import type { AuditRepository } from '../audit';
import type { Employee, Excuse, Holiday, Site } from '../model';
import type { Totals, UnitTotals } from '../report';
import type { Rules } from '../rollcalls';
import type { UnitCount } from '../roster-units';
import type { Settings } from '../settings';
import type { SettingsOnDate } from '../settings-history';
import type { StaffRecord } from '../staff';
import type { AppealRepository } from './appeals';
import type { CheckinStores } from './checkin';
import type { CorrectionLog, MarkRepository } from './marks';
import type { MonthLockRepository } from './month-lock';
import type { PresenceStores } from './presence';

export type * from './appeals';
export type * from './auth';
export type * from './checkin';
export type * from './logger';
export type * from './marks';
export type * from './month-lock';
export type * from './presence';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface SettingsStore {
  getSettings(): Promise<Settings>;
  /** A new version of the settings, in force from `at` (default: now) on. */
  putSettings(settings: Settings, at?: Date): Promise<void>;
  /** The rules in force now: the settings and the roll calls. */
  getRules(): Promise<Rules>;
  /**
   * A new version of the rules, `change` applied to the ones in force, stored only if no other
   * change came in between (else `change` runs again on the newer rules): no lost update. What
   * `change` throws (a refusal) stores nothing.
   */
  changeRules(change: (current: Rules) => Rules | Promise<Rules>, at?: Date): Promise<Rules>;
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
  /** A page of the roster: one unit (any case) ordered by name, or everyone in storage order. */
  list(query: { unit?: string; cursor?: string; limit: number }): Promise<Page<Employee>>;
  /**
   * Employees a word of whose name, or whose id, starts with each term (folded by
   * core/roster-search.ts, longest first); a page may hold fewer than `limit` before the last.
   */
  search(
    terms: readonly string[],
    query: { cursor?: string; limit: number },
  ): Promise<Page<Employee>>;
  /** The whole roster, active or not (the report decides who was expected). */
  all(): Promise<Employee[]>;
  /**
   * The roster's units with their employee counts (core/roster-units.ts). May be up to a minute
   * old when another process changed the roster; a change through this one shows at once.
   */
  units(): Promise<UnitCount[]>;
  /**
   * Whether the roster holds about `n` employees or more (an estimate that reads far fewer):
   * a report that large is built by the report function, not the API. Absent: never.
   */
  sizeAtLeast?(n: number): Promise<boolean>;
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

export interface CreatedExcuse {
  readonly created: boolean;
  /** The excuse that stands under that id: the new one, or the one stored before. */
  readonly excuse: Excuse;
}

export interface ExcuseRepository {
  /** Write unconditionally (seeding, tests). */
  put(excuse: Excuse): Promise<void>;
  /** Store the excuse unless its id exists; never overwrites one. */
  create(excuse: Excuse): Promise<CreatedExcuse>;
  get(excuseId: string): Promise<Excuse | null>;
  /** Excuses whose range covers the date, revoked ones included (flagged). */
  on(date: string): Promise<Excuse[]>;
  /**
   * A page of the date's standing excuses (revoked ones left out), by employee; `cursor` from
   * the page before. A page may hold fewer than `limit` and still have a cursor.
   */
  onPage(date: string, query: { cursor?: string; limit: number }): Promise<Page<Excuse>>;
  /** Mark revoked by whom and when (the first revocation stands); null when unknown. */
  revoke(excuseId: string, by: { by: string; at: string }): Promise<Excuse | null>;
}

/** Staff records (core/staff.ts): few (a city's operators and officers), read one at a time. */
export interface StaffRepository {
  get(userId: string): Promise<StaffRecord | null>;
  /** Create or replace the user's record; answers the one it replaced, if any. */
  put(record: StaffRecord): Promise<StaffRecord | null>;
  /** Revoke every role of the user; answers the record removed, null when there was none. */
  remove(userId: string): Promise<StaffRecord | null>;
  /** Every record, by user id. */
  list(): Promise<StaffRecord[]>;
}

/** A published version of a day's report. */
export interface Publication {
  readonly date: string;
  /** The roll call it reports on; absent: `pagi` (versions recorded before roll calls). */
  readonly rollCallId?: string;
  readonly version: number;
  /** SHA-256 of the report's content (everything but generatedAt and version). */
  readonly hash: string;
  readonly generatedAt: string;
  readonly totals: Totals;
  /** Per-unit totals, for the listing's trend; absent on versions recorded before the listing. */
  readonly units?: readonly UnitTotals[];
  /** False on a version recorded before the listing (GET /v1/reports) existed. */
  readonly listed?: boolean;
  /**
   * False until the version's notice has gone out, so that a run which failed after recording
   * the version sends it on retry. Absent on versions recorded before notices were tracked.
   */
  readonly notified?: boolean;
}

/** What GET /v1/reports lists: the newest version of each (date, roll call) published. */
export interface PublicationSummary {
  readonly date: string;
  readonly rollCallId: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly totals: Totals;
  readonly units: readonly UnitTotals[];
}

export interface PublicationRepository {
  newest(date: string, rollCallId?: string): Promise<Publication | null>;
  /** Record a new version; false when that version number was taken meanwhile. */
  record(publication: Publication): Promise<boolean>;
  /** The version's notice has been sent. */
  markNotified(date: string, version: number, rollCallId?: string): Promise<void>;
  /**
   * Put a version recorded before the listing existed into it (with its per-unit totals), so
   * that republishing an old day lists it. Nothing happens to a version already listed.
   */
  markListed(publication: Publication & { readonly units: readonly UnitTotals[] }): Promise<void>;
  /** The newest version of every (date, roll call) published from `from` to `to`, by date. */
  list(from: string, to: string): Promise<PublicationSummary[]>;
  /** Remember the newest published date, unless a later one is already there. */
  markNewestDate(date: string): Promise<void>;
  newestDate(): Promise<string | null>;
}

export interface ReportFile {
  readonly key: string;
  /** Text (UTF-8), or bytes (a recap's workbook). */
  readonly body: string | Uint8Array;
  readonly contentType: string;
}

/** Where published reports go: S3 and SNS on AWS, files under DATA_DIR locally. */
export interface ReportPublisher {
  write(files: readonly ReportFile[]): Promise<void>;
  read(key: string): Promise<string | null>;
  /** A stored file's bytes (a workbook), or null when it is not there; absent: no binary files. */
  readBytes?(key: string): Promise<Uint8Array | null>;
  notify(subject: string, message: string): Promise<void>;
  /**
   * A short-lived address where a client fetches a stored file itself (S3: a presigned GET),
   * or null when the file is not there. Absent: the publisher hands out no addresses and the
   * API answers the file itself (locally, under DATA_DIR).
   */
  link?(key: string, as: FileLinkOptions): Promise<string | null>;
  /** The origin `link`'s addresses are on (the console's CSP lets it connect there). */
  readonly linkOrigin?: string;
}

export interface FileLinkOptions {
  readonly contentType: string;
  /** A download's file name (Content-Disposition: attachment). */
  readonly filename?: string;
}

/** Every repository of a deployment. */
export interface Stores extends CheckinStores {
  readonly settings: SettingsStore;
  readonly roster: RosterRepository;
  readonly sites: SiteRepository;
  readonly holidays: HolidayRepository;
  readonly excuses: ExcuseRepository;
  readonly publications: PublicationRepository;
  /** Operators and officers (core/staff.ts). */
  readonly staff: StaffRepository;
  /** Ground codes and passkeys (core/presence/). */
  readonly presence: PresenceStores;
  /** Appeals (sanggahan, core/appeals.ts). */
  readonly appeals: AppealRepository;
  /** Attendance marks (core/marks.ts). */
  readonly marks: MarkRepository;
  /** Published days a correction touched, until republished (core/corrections.ts). */
  readonly corrections: CorrectionLog;
  /** The audit log (core/audit.ts): append-only. */
  readonly audit: AuditRepository;
  /** Months locked for the allowance office (core/month-lock.ts). */
  readonly monthLocks: MonthLockRepository;
}
