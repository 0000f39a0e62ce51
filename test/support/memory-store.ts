import { Geofence } from '../../functions/core/geo/geofence';
import { CompiledGround } from '../../functions/core/geo/ground';
import type { Trace } from '../../functions/core/integrity';
import type { Attempt, Checkin, Employee, Holiday, Site } from '../../functions/core/model';
import type {
  CheckinContext,
  CheckinStore,
  Clock,
  PutCheckinResult,
  SettingsStore,
} from '../../functions/core/ports';
import { DEFAULT_SETTINGS, type Settings } from '../../functions/core/settings';

/** A fake store for unit tests of the core: plain maps, same contract as the DynamoDB adapter. */
export class MemoryStore implements CheckinStore, SettingsStore {
  settings: Settings = { ...DEFAULT_SETTINGS };
  readonly employees = new Map<string, Employee>();
  readonly sites = new Map<string, Site>();
  readonly holidays = new Map<string, Holiday>();
  readonly checkins = new Map<string, Checkin>();
  readonly attempts: Attempt[] = [];
  readonly traces = new Map<string, Trace>();
  readonly rates = new Map<string, number>();
  readonly spots = new Map<string, string>();
  readonly devices = new Map<string, Set<string>>();

  async checkinContext(employeeId: string): Promise<CheckinContext> {
    return {
      employee: this.employees.get(employeeId) ?? null,
      settings: this.settings,
      trace: this.traces.get(employeeId) ?? null,
      holiday: async (date) => this.holidays.get(date) ?? null,
      geofence: async (ids) =>
        new Geofence(
          ids
            .map((id) => this.sites.get(id))
            .filter((s): s is Site => s !== undefined)
            .map((s) => new CompiledGround(s.siteId, s.geometry)),
        ),
    };
  }

  async putFirstCheckin(c: Checkin): Promise<PutCheckinResult> {
    const key = `${c.employeeId}|${c.date}`;
    const existing = this.checkins.get(key);
    if (existing) return { created: false, checkin: existing };
    this.checkins.set(key, c);
    return { created: true, checkin: c };
  }

  async getCheckin(employeeId: string, date: string) {
    return this.checkins.get(`${employeeId}|${date}`) ?? null;
  }

  async putAttempt(a: Attempt) {
    this.attempts.push(a);
  }

  async employeeDay(employeeId: string, date: string) {
    return {
      checkin: await this.getCheckin(employeeId, date),
      attempts: this.attempts.filter((a) => a.employeeId === employeeId && a.date === date),
    };
  }

  async checkinsOn(date: string) {
    return [...this.checkins.values()].filter((c) => c.date === date);
  }

  async countAttempt(employeeId: string, minute: string) {
    const key = `${employeeId}|${minute}`;
    this.rates.set(key, (this.rates.get(key) ?? 0) + 1);
    return this.rates.get(key) as number;
  }

  async recordTrace(
    employeeId: string,
    fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
    _expiresAt: number,
    ownDevice: boolean,
  ) {
    const devices = new Set(this.traces.get(employeeId)?.devices ?? []);
    if (fix.deviceId && ownDevice) devices.add(fix.deviceId);
    this.traces.set(employeeId, {
      lat: fix.lat,
      lon: fix.lon,
      capturedAt: fix.capturedAt,
      devices: [...devices],
    });
  }

  async claimCoordinates(date: string, lat: number, lon: number, employeeId: string) {
    const key = `${date}|${lat.toFixed(7)},${lon.toFixed(7)}`;
    const first = this.spots.get(key);
    if (first === undefined) this.spots.set(key, employeeId);
    return first !== undefined && first !== employeeId ? first : null;
  }

  /** When each (device, employee) record expires, as the DynamoDB TTL would have it. */
  readonly deviceExpiry = new Map<string, number>();

  async registerDevice(deviceId: string, employeeId: string, expiresAt: number) {
    this.deviceExpiry.set(`${deviceId}|${employeeId}`, expiresAt);
    const users = this.devices.get(deviceId) ?? new Set<string>();
    users.add(employeeId);
    this.devices.set(deviceId, users);
    return [...users].filter((u) => u !== employeeId);
  }

  readonly reviewFlags = new Map<string, Set<string>>();

  async addReviewFlag(employeeId: string, date: string, flag: string) {
    const key = `${employeeId}|${date}`;
    if (!this.checkins.has(key)) return;
    const set = this.reviewFlags.get(key) ?? new Set<string>();
    set.add(flag);
    this.reviewFlags.set(key, set);
  }

  async getSettings() {
    return this.settings;
  }

  async putSettings(s: Settings) {
    this.settings = s;
  }

  /** No history here: the current settings hold for every date. */
  async settingsOn(_date: string) {
    return { settings: this.settings, firstDay: null };
  }
}

/** A clock that stands still until moved. */
export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now() {
    return new Date(this.t);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}
