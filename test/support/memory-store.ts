import type { StoredAuditEntry } from '../../functions/core/audit';
import { Geofence } from '../../functions/core/geo/geofence';
import { CompiledGround } from '../../functions/core/geo/ground';
import type { Trace } from '../../functions/core/integrity';
import type { AttendanceMark } from '../../functions/core/mark-record';
import type { Attempt, Checkin, Employee, Holiday, Site } from '../../functions/core/model';
import type {
  CheckinContext,
  CheckinStores,
  Clock,
  CorrectionLog,
  MarkRepository,
  MonthLock,
  MonthLockRepository,
  PendingCorrection,
  PutCheckinResult,
  SettingsStore,
} from '../../functions/core/ports';
import { type RollCall, rulesOf, withSettings } from '../../functions/core/rollcalls';
import { DEFAULT_SETTINGS, type Settings } from '../../functions/core/settings';
import { memoryAudit } from './memory-audit';
import { memoryMarks } from './memory-marks';
import { memoryPresence } from './memory-presence';

/** What the memory fake holds, in plain maps that a unit test may read and seed directly. */
export class MemoryData {
  settings: Settings = { ...DEFAULT_SETTINGS };
  /** Roll calls as stored; `pagi`'s times are the settings' (core/rollcalls.ts, rulesOf). */
  rollCalls: RollCall[] = [];
  readonly employees = new Map<string, Employee>();
  readonly sites = new Map<string, Site>();
  readonly holidays = new Map<string, Holiday>();
  /** By `employeeId|date`. */
  readonly checkins = new Map<string, Checkin>();
  readonly attempts: Attempt[] = [];
  readonly traces = new Map<string, Trace>();
  readonly rates = new Map<string, number>();
  readonly spots = new Map<string, string>();
  /** Device → the employees seen on it. */
  readonly devices = new Map<string, Set<string>>();
  /** When each (device, employee) record expires (`device|employee`), as the DynamoDB TTL has it. */
  readonly deviceExpiry = new Map<string, number>();
  /** By `employeeId|date`: flags learnt after the check-in was made. */
  readonly reviewFlags = new Map<string, Set<string>>();
  /** The audit log, as appended. */
  readonly audit: StoredAuditEntry[] = [];
  /** Attempts a steady fake counted instead of keeping. */
  attemptCount = 0;
  /** By `YYYY-MM`. */
  readonly monthLocks = new Map<string, MonthLock>();
  /** Attendance marks by `date|rollCallId|employeeId`. */
  readonly marks = new Map<string, AttendanceMark>();
  /** The corrections log by `date#rollCallId`. */
  readonly corrections = new Map<string, PendingCorrection & { pending: boolean }>();
}

export type MemoryStores = CheckinStores & {
  readonly settings: SettingsStore;
  readonly data: MemoryData;
  /** The proofs of presence' stores (memory-presence.ts), over the same grounds. */
  readonly presence: ReturnType<typeof memoryPresence>;
  readonly monthLocks: MonthLockRepository;
  readonly marks: MarkRepository;
  readonly corrections: CorrectionLog;
  /** The audit log (memory-audit.ts); its entries are `data.audit`. */
  readonly audit: ReturnType<typeof memoryAudit>;
};

const key = (employeeId: string, date: string, rollCallId = 'pagi') =>
  rollCallId === 'pagi' ? `${employeeId}|${date}` : `${employeeId}|${date}|${rollCallId}`;

/**
 * The check-in's ports and the settings in memory: the fake for unit tests of the core and for
 * the in-process benchmark. It runs the same contract suite as the DynamoDB adapter
 * (test/adapters/store-contract.test.ts), so that the two cannot drift apart.
 *
 * `steady` is for the benchmark only, and breaks the contract on purpose: the fence is compiled
 * once (as the DynamoDB store caches it), every check-in is a first one, attempts are counted
 * rather than kept and the integrity records are not kept at all, so that memory stays flat and
 * each of millions of calls takes the same path.
 */
export function memoryStores(o: { data?: MemoryData; steady?: boolean } = {}): MemoryStores {
  const data = o.data ?? new MemoryData();
  const steady = o.steady === true;
  let fence: Promise<Geofence> | null = null;

  const compile = async (ids: readonly string[]) =>
    new Geofence(
      ids
        .map((id) => data.sites.get(id))
        .filter((s): s is Site => s !== undefined)
        .map((s) => new CompiledGround(s.siteId, s.geometry)),
    );

  const withReviewFlags = (c: Checkin): Checkin => {
    const review = [...(data.reviewFlags.get(key(c.employeeId, c.date, c.rollCallId)) ?? [])];
    const extra = review.filter((f) => !c.flags.includes(f)).sort();
    return extra.length > 0 ? { ...c, flags: [...c.flags, ...extra] } : c;
  };

  const checkins: CheckinStores['checkins'] = {
    async putFirstCheckin(c: Checkin): Promise<PutCheckinResult> {
      if (steady) return { created: true, checkin: c };
      const k = key(c.employeeId, c.date, c.rollCallId);
      const existing = data.checkins.get(k);
      if (existing) return { created: false, checkin: existing };
      data.checkins.set(k, c);
      return { created: true, checkin: c };
    },
    async getCheckin(employeeId, date, rollCallId) {
      return data.checkins.get(key(employeeId, date, rollCallId)) ?? null;
    },
    async employeeDay(employeeId, date) {
      const checkin = data.checkins.get(key(employeeId, date)) ?? null;
      return {
        checkin,
        checkins: [...data.checkins.values()].filter(
          (c) => c.employeeId === employeeId && c.date === date,
        ),
        attempts: data.attempts.filter((a) => a.employeeId === employeeId && a.date === date),
      };
    },
    async checkinsOn(date, rollCallId = 'pagi') {
      return [...data.checkins.values()]
        .filter((c) => c.date === date && (c.rollCallId ?? 'pagi') === rollCallId)
        .map(withReviewFlags);
    },
    async addReviewFlag(employeeId, date, flag, rollCallId) {
      const k = key(employeeId, date, rollCallId);
      if (!data.checkins.has(k)) return;
      const set = data.reviewFlags.get(k) ?? new Set<string>();
      set.add(flag);
      data.reviewFlags.set(k, set);
    },
  };

  return {
    data,
    presence: memoryPresence(data.sites, { steady }),
    monthLocks: memoryMonthLocks(data.monthLocks),
    ...memoryMarks(data.marks, data.corrections),
    audit: memoryAudit(data.audit),
    settings: {
      getSettings: async () => data.settings,
      putSettings: async (s) => {
        const next = withSettings(rulesOf(data.settings, data.rollCalls), s);
        data.settings = next.settings;
        data.rollCalls = [...next.rollCalls];
      },
      getRules: async () => rulesOf(data.settings, data.rollCalls),
      changeRules: async (change) => {
        const next = await change(rulesOf(data.settings, data.rollCalls));
        data.settings = next.settings;
        data.rollCalls = [...next.rollCalls];
        return next;
      },
      // No history here: the current rules hold for every date.
      settingsOn: async () => ({ ...rulesOf(data.settings, data.rollCalls), firstDay: null }),
    },
    checkinContext: {
      async load(employeeId): Promise<CheckinContext> {
        return {
          employee: data.employees.get(employeeId) ?? null,
          settings: data.settings,
          rollCalls: rulesOf(data.settings, data.rollCalls).rollCalls,
          trace: data.traces.get(employeeId) ?? null,
          holiday: async (date) => data.holidays.get(date) ?? null,
          geofence: (ids) => {
            if (!steady) return compile(ids);
            fence ??= compile(ids);
            return fence;
          },
        };
      },
    },
    checkins,
    attempts: {
      async put(a) {
        if (steady) data.attemptCount++;
        else data.attempts.push(a);
      },
    },
    rates: {
      async count(employeeId, minute) {
        if (steady) return 1;
        const k = key(employeeId, minute);
        data.rates.set(k, (data.rates.get(k) ?? 0) + 1);
        return data.rates.get(k) as number;
      },
    },
    traces: {
      async record(employeeId, fix, _expiresAt, ownDevice) {
        if (steady) return;
        const devices = new Set(data.traces.get(employeeId)?.devices ?? []);
        if (fix.deviceId && ownDevice) devices.add(fix.deviceId);
        data.traces.set(employeeId, {
          lat: fix.lat,
          lon: fix.lon,
          capturedAt: fix.capturedAt,
          devices: [...devices],
        });
      },
    },
    coordinates: {
      async claim(date, lat, lon, employeeId) {
        if (steady) return null;
        // To the 7th decimal, as the DynamoDB key has it.
        const k = `${date}|${lat.toFixed(7)},${lon.toFixed(7)}`;
        const first = data.spots.get(k);
        if (first === undefined) data.spots.set(k, employeeId);
        return first !== undefined && first !== employeeId ? first : null;
      },
    },
    devices: {
      async register(deviceId, employeeId, expiresAt) {
        data.deviceExpiry.set(`${deviceId}|${employeeId}`, expiresAt);
        const users = data.devices.get(deviceId) ?? new Set<string>();
        users.add(employeeId);
        data.devices.set(deviceId, users);
        return [...users].filter((u) => u !== employeeId);
      },
    },
  };
}

/** Month locks in a map, with the DynamoDB store's rules (test/adapters/month-lock-contract.test.ts). */
export function memoryMonthLocks(locks: Map<string, MonthLock>): MonthLockRepository {
  return {
    get: async (month) => locks.get(month) ?? null,
    async lock(month, by) {
      const standing = locks.get(month);
      if (standing?.locked) return { created: false, lock: standing };
      const lock: MonthLock = { month, locked: true, lockedAt: by.at, lockedBy: by.by };
      locks.set(month, lock);
      return { created: true, lock };
    },
    async unlock(month, by) {
      const standing = locks.get(month);
      if (!standing?.locked) return null;
      const unlocked: MonthLock = {
        ...standing,
        locked: false,
        unlockedAt: by.at,
        unlockedBy: by.by,
        reason: by.reason,
      };
      locks.set(month, unlocked);
      return unlocked;
    },
  };
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
