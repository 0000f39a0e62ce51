import { unmarshall } from '@aws-sdk/util-dynamodb';
import { Geofence } from '../../core/geo/geofence';
import { CompiledGround } from '../../core/geo/ground';
import type { Trace } from '../../core/integrity';
import type { Attempt, Checkin, Holiday } from '../../core/model';
import type { CheckinContext, CheckinStore, PutCheckinResult } from '../../core/ports';
import type { HolidayRepository } from './holiday-store';
import { toAttempt, toCheckin, toEmployee, toSite } from './items';
import { type Revisions, readSettingsItem } from './settings-store';
import { GSI1, keys, SHARDS } from './table';
import { type Item, isConditionFailure, storable, type TableClient } from './table-client';

const MAX_CACHED_FENCES = 1_000;

/**
 * Grounds and holidays cached in this process, valid for one revision of each. A write in this
 * process clears them at once; writes elsewhere are seen at the next check-in, which reads the
 * revision counters with the settings.
 */
export class ConfigCache {
  private rev: Revisions = { sites: -1, holidays: -1 };
  readonly grounds = new Map<string, CompiledGround | null>();
  // Promises, not values: concurrent misses (a burst of check-ins on a new date, on the local
  // server) share one read instead of each making its own (BENCHMARKS.md, end to end).
  readonly fences = new Map<string, Promise<Geofence>>();
  readonly holidays = new Map<string, Promise<Holiday | null>>();

  /** Counts the clearings of the grounds: a load begun before one must not refill the cache. */
  sitesGeneration = 0;

  observe(r: Revisions): void {
    if (r.sites !== this.rev.sites) {
      this.grounds.clear();
      this.fences.clear();
      this.sitesGeneration++;
    }
    if (r.holidays !== this.rev.holidays) this.holidays.clear();
    this.rev = r;
  }

  invalidate(): void {
    this.observe({ sites: -1, holidays: -1 });
  }

  /** The cached promise for a key, or a new one; a failed load is forgotten, to be retried. */
  static cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
    let p = cache.get(key);
    if (!p) {
      p = load();
      cache.set(key, p);
      p.catch(() => {
        if (cache.get(key) === p) cache.delete(key);
      });
    }
    return p;
  }
}

/**
 * Check-ins on DynamoDB. A check-in costs one BatchGetItem (employee + settings), one conditional
 * PutItem and the attempt's PutItem; grounds and holidays come from the cache.
 */
export class DynamoCheckinStore implements CheckinStore {
  constructor(
    private readonly table: TableClient,
    private readonly cache: ConfigCache,
    private readonly holidays: HolidayRepository,
  ) {}

  async checkinContext(employeeId: string): Promise<CheckinContext> {
    const items = await this.table.batchGet([
      keys.employee(employeeId),
      keys.settings(),
      keys.trace(employeeId),
    ]);
    const employeeItem = items.find((i) => i.sk === 'PROFILE');
    const traceItem = items.find((i) => i.sk === 'TRACE');
    const { settings, revisions } = readSettingsItem(items.find((i) => i.pk === 'CONFIG'));
    this.cache.observe(revisions);
    return {
      employee: employeeItem ? toEmployee(employeeItem) : null,
      settings,
      trace: traceItem ? toTrace(traceItem) : null,
      holiday: (date) => this.cachedHoliday(date),
      geofence: (siteIds) => this.cachedFence(siteIds),
    };
  }

  async putFirstCheckin(checkin: Checkin): Promise<PutCheckinResult> {
    const item = {
      ...keys.checkin(checkin.employeeId, checkin.date),
      ...keys.dayIndex(checkin.employeeId, checkin.date),
      type: 'checkin',
      ...checkin,
    };
    try {
      await this.table.put(item, {
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      // As stored (numbers under 1e-130 become 0), so that the first answer and every repeat agree.
      return { created: true, checkin: storable(checkin) };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const old = (err as { Item?: Parameters<typeof unmarshall>[0] }).Item;
      const existing = old
        ? toCheckin(unmarshall(old))
        : await this.getCheckin(checkin.employeeId, checkin.date);
      if (!existing) throw new Error('check-in condition failed but no check-in was found');
      return { created: false, checkin: existing };
    }
  }

  async getCheckin(employeeId: string, date: string): Promise<Checkin | null> {
    const item = await this.table.get(keys.checkin(employeeId, date), true);
    return item ? toCheckin(item) : null;
  }

  async putAttempt(attempt: Attempt): Promise<void> {
    const nonce = Math.random().toString(36).slice(2, 8);
    await this.table.put({
      ...keys.attempt(attempt.employeeId, attempt.date, attempt.receivedAt, nonce),
      type: 'attempt',
      ...attempt,
    });
  }

  async employeeDay(employeeId: string, date: string) {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
      ExpressionAttributeValues: {
        ':pk': keys.employee(employeeId).pk,
        ':day': keys.dayPrefix(date),
      },
      ConsistentRead: true,
    });
    const checkinItem = items.find((i) => i.type === 'checkin');
    return {
      checkin: checkinItem ? toCheckin(checkinItem) : null,
      attempts: items.filter((i) => i.type === 'attempt').map(toAttempt),
    };
  }

  /** Check-ins of one apel date, from the write-sharded day index (one Query per shard). */
  async checkinsOn(date: string): Promise<Checkin[]> {
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        this.table.queryAll({
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `DAY#${date}#${shard}` },
        }),
      ),
    );
    return shards.flat().map((i) => withReviewFlags(toCheckin(i), i));
  }

  async countAttempt(employeeId: string, minute: string, expiresAt: number): Promise<number> {
    const out = await this.table.update({
      Key: keys.rate(employeeId, minute),
      UpdateExpression: 'ADD n :one SET expiresAt = :x',
      ExpressionAttributeValues: { ':one': 1, ':x': expiresAt },
      ReturnValues: 'UPDATED_NEW',
    });
    return Number(out?.n ?? 1);
  }

  async recordTrace(
    employeeId: string,
    fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
    expiresAt: number,
    ownDevice: boolean,
  ): Promise<void> {
    const device = ownDevice ? fix.deviceId : undefined;
    await this.table.update({
      Key: keys.trace(employeeId),
      UpdateExpression: `SET lat = :lat, lon = :lon, capturedAt = :at, expiresAt = :x${device ? ' ADD devices :d' : ''}`,
      ExpressionAttributeValues: {
        ':lat': fix.lat,
        ':lon': fix.lon,
        ':at': fix.capturedAt,
        ':x': expiresAt,
        ...(device ? { ':d': new Set([device]) } : {}),
      },
    });
  }

  async claimCoordinates(
    date: string,
    lat: number,
    lon: number,
    employeeId: string,
    expiresAt: number,
  ): Promise<string | null> {
    const key = keys.spot(date, lat, lon);
    try {
      await this.table.put(
        { ...key, type: 'spot', employeeId, expiresAt },
        {
          ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :me',
          ExpressionAttributeValues: { ':me': employeeId },
        },
      );
      return null;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const first = await this.table.get(key, true);
      return first ? String(first.employeeId) : null;
    }
  }

  async registerDevice(deviceId: string, employeeId: string, expiresAt: number): Promise<string[]> {
    await this.table.put({ ...keys.device(deviceId, employeeId), type: 'device', expiresAt });
    const users = await this.table.query({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.device(deviceId, employeeId).pk },
      Limit: 20,
    });
    return users.items.map((i) => String(i.sk)).filter((id) => id !== employeeId);
  }

  async addReviewFlag(employeeId: string, date: string, flag: string): Promise<void> {
    try {
      await this.table.update({
        Key: keys.checkin(employeeId, date),
        UpdateExpression: 'ADD reviewFlags :f',
        // Never create a half item: the check-in's own conditional put must stay the first write.
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':f': new Set([flag]) },
      });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  private cachedHoliday(date: string): Promise<Holiday | null> {
    return ConfigCache.cached(this.cache.holidays, date, () => this.holidays.get(date));
  }

  private cachedFence(siteIds: readonly string[]): Promise<Geofence> {
    const key = [...siteIds].sort().join('\u0000');
    const fences = this.cache.fences;
    if (fences.size >= MAX_CACHED_FENCES && !fences.has(key)) fences.clear();
    return ConfigCache.cached(fences, key, () => this.loadFence(siteIds));
  }

  /**
   * The employee's grounds, compiled. Read consistently: a change of grounds is seen through the
   * settings' revision counter, and an eventually consistent read made right after could still
   * return the old polygon, to be cached until the next change. A load that a change overtook
   * answers its own request but leaves the cache alone.
   */
  private async loadFence(siteIds: readonly string[]): Promise<Geofence> {
    const generation = this.cache.sitesGeneration;
    // What the cache holds now, kept aside: a clearing during the read must not lose it.
    const compiled = new Map<string, CompiledGround | null>();
    for (const id of siteIds) {
      const cached = this.cache.grounds.get(id);
      if (cached !== undefined) compiled.set(id, cached);
    }
    const missing = siteIds.filter((id) => !compiled.has(id));
    if (missing.length > 0) {
      const found = new Map<string, Item>(
        (await this.table.batchGet(missing.map(keys.site), true)).map((i) => [String(i.siteId), i]),
      );
      for (const id of missing) {
        const item = found.get(id);
        const site = item && item.deleted !== true ? toSite(item) : null;
        compiled.set(id, site ? new CompiledGround(site.siteId, site.geometry) : null);
      }
      if (generation === this.cache.sitesGeneration) {
        for (const id of missing) this.cache.grounds.set(id, compiled.get(id) ?? null);
      }
    }
    const grounds = siteIds
      .map((id) => compiled.get(id))
      .filter((g): g is CompiledGround => g != null);
    return new Geofence(grounds);
  }
}

function toTrace(i: Item): Trace {
  const devices =
    i.devices instanceof Set ? [...i.devices] : Array.isArray(i.devices) ? i.devices : [];
  return {
    lat: Number(i.lat),
    lon: Number(i.lon),
    capturedAt: String(i.capturedAt),
    devices: devices.map(String),
  };
}

function withReviewFlags(c: Checkin, i: Item): Checkin {
  const review = i.reviewFlags instanceof Set ? [...i.reviewFlags].map(String) : [];
  const extra = review.filter((f) => !c.flags.includes(f)).sort();
  return extra.length > 0 ? { ...c, flags: [...c.flags, ...extra] } : c;
}
