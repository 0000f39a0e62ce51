import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as v from 'valibot';
import { Geofence } from '../../core/geo/geofence';
import { CompiledGround } from '../../core/geo/ground';
import type { Attempt, Checkin, Employee, Holiday, Site } from '../../core/model';
import type {
  CheckinContext,
  CheckinStore,
  PutCheckinResult,
  SettingsStore,
} from '../../core/ports';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../core/settings';
import { guard } from './errors';
import { GSI1, keys, SHARDS } from './table';

type Item = Record<string, unknown>;

/** Revisions of the cached configuration, bumped by every write of grounds or holidays. */
interface Revisions {
  readonly sites: number;
  readonly holidays: number;
}

const MAX_CACHED_FENCES = 1_000;

/**
 * The DynamoDB adapter: one table, no Scan. Grounds and holidays are cached per process and
 * dropped when the revision counters on the settings item move, so a check-in costs one
 * BatchGetItem (employee + settings) and one conditional PutItem, plus the attempt record.
 */
export class DynamoStore implements CheckinStore, SettingsStore {
  private rev: Revisions = { sites: -1, holidays: -1 };
  private readonly grounds = new Map<string, CompiledGround | null>();
  // Promises, not values: concurrent misses (a burst of check-ins on a new date, on the local
  // server) share one read instead of each making its own (BENCHMARKS.md, end to end).
  private readonly fences = new Map<string, Promise<Geofence>>();
  private readonly holidays = new Map<string, Promise<Holiday | null>>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  // ---- check-in -------------------------------------------------------------------------

  async checkinContext(employeeId: string): Promise<CheckinContext> {
    const items = await this.batchGet([keys.employee(employeeId), keys.settings()]);
    const employeeItem = items.find((i) => i.sk === 'PROFILE');
    const settingsItem = items.find((i) => i.pk === 'CONFIG');
    const { settings, revisions } = readSettingsItem(settingsItem);
    this.observe(revisions);
    return {
      employee: employeeItem ? toEmployee(employeeItem) : null,
      settings,
      holiday: (date) => this.cachedHoliday(date),
      geofence: (siteIds) => this.cachedFence(siteIds),
    };
  }

  async putFirstCheckin(checkin: Checkin): Promise<PutCheckinResult> {
    const Item = {
      ...keys.checkin(checkin.employeeId, checkin.date),
      ...keys.dayIndex(checkin.employeeId, checkin.date),
      type: 'checkin',
      ...checkin,
    };
    try {
      await guard(() =>
        this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item,
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        ),
      );
      return { created: true, checkin };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const old = (err as { Item?: Item }).Item;
      const existing = old
        ? toCheckin(unmarshall(old as Parameters<typeof unmarshall>[0]))
        : await this.getCheckin(checkin.employeeId, checkin.date, true);
      if (!existing) throw new Error('check-in condition failed but no check-in was found');
      return { created: false, checkin: existing };
    }
  }

  async getCheckin(employeeId: string, date: string, consistent = true): Promise<Checkin | null> {
    const out = await guard(() =>
      this.doc.send(
        new GetCommand({
          TableName: this.tableName,
          Key: keys.checkin(employeeId, date),
          ConsistentRead: consistent,
        }),
      ),
    );
    return out.Item ? toCheckin(out.Item) : null;
  }

  async putAttempt(attempt: Attempt): Promise<void> {
    const nonce = Math.random().toString(36).slice(2, 8);
    await guard(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.attempt(attempt.employeeId, attempt.date, attempt.receivedAt, nonce),
            type: 'attempt',
            ...attempt,
          },
        }),
      ),
    );
  }

  async employeeDay(employeeId: string, date: string) {
    const items = await this.queryAll({
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
        this.queryAll({
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `DAY#${date}#${shard}` },
        }),
      ),
    );
    return shards.flat().map(toCheckin);
  }

  // ---- settings -------------------------------------------------------------------------

  async getSettings(): Promise<Settings> {
    const out = await guard(() =>
      this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: keys.settings(), ConsistentRead: true }),
      ),
    );
    return readSettingsItem(out.Item).settings;
  }

  async putSettings(settings: Settings): Promise<void> {
    await guard(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.settings(),
          UpdateExpression: 'SET settings = :s',
          ExpressionAttributeValues: { ':s': settings },
        }),
      ),
    );
  }

  /** Whether settings were ever written (a fresh deployment runs on the defaults). */
  async hasSettings(): Promise<boolean> {
    const out = await guard(() =>
      this.doc.send(
        new GetCommand({ TableName: this.tableName, Key: keys.settings(), ConsistentRead: true }),
      ),
    );
    return out.Item?.settings !== undefined;
  }

  // ---- grounds, roster, holidays --------------------------------------------------------

  async putSite(site: Site): Promise<void> {
    await guard(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.site(site.siteId),
            ...keys.siteIndex(site.siteId),
            type: 'site',
            siteId: site.siteId,
            name: site.name,
            // A JSON string: half the size of a DynamoDB list of number pairs.
            geometry: JSON.stringify(site.geometry),
          },
        }),
      ),
    );
    await this.bumpRevision('sitesRev');
  }

  async getSite(siteId: string): Promise<Site | null> {
    const out = await guard(() =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.site(siteId) })),
    );
    return out.Item ? toSite(out.Item) : null;
  }

  async putEmployee(employee: Employee): Promise<void> {
    await guard(() =>
      this.doc.send(new PutCommand({ TableName: this.tableName, Item: employeeItem(employee) })),
    );
  }

  async getEmployee(employeeId: string): Promise<Employee | null> {
    const out = await guard(() =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.employee(employeeId) })),
    );
    return out.Item ? toEmployee(out.Item) : null;
  }

  /** Write many employees, 25 to a BatchWriteItem, retrying unprocessed items. */
  async putEmployees(employees: readonly Employee[]): Promise<void> {
    for (let i = 0; i < employees.length; i += 25) {
      let requests = employees
        .slice(i, i + 25)
        .map((e) => ({ PutRequest: { Item: employeeItem(e) } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1_000, 25 * 2 ** attempt));
        const out = await guard(() =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } })),
        );
        requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  async putHoliday(holiday: Holiday): Promise<void> {
    await guard(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.holiday(holiday.date), type: 'holiday', ...holiday },
        }),
      ),
    );
    await this.bumpRevision('holidaysRev');
  }

  async getHoliday(date: string): Promise<Holiday | null> {
    const out = await guard(() =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.holiday(date) })),
    );
    return out.Item ? { date: String(out.Item.date), name: String(out.Item.name) } : null;
  }

  // ---- caches ---------------------------------------------------------------------------

  private observe(r: Revisions): void {
    if (r.sites !== this.rev.sites) {
      this.grounds.clear();
      this.fences.clear();
    }
    if (r.holidays !== this.rev.holidays) this.holidays.clear();
    this.rev = r;
  }

  private async bumpRevision(counter: 'sitesRev' | 'holidaysRev'): Promise<void> {
    await guard(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.settings(),
          UpdateExpression: 'ADD #c :one',
          ExpressionAttributeNames: { '#c': counter },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    );
    // This process wrote it: drop its own caches at once, not at the next revision read.
    this.rev = { sites: -1, holidays: -1 };
    this.grounds.clear();
    this.fences.clear();
    this.holidays.clear();
  }

  private cachedHoliday(date: string): Promise<Holiday | null> {
    return this.cached(this.holidays, date, () => this.getHoliday(date));
  }

  private cachedFence(siteIds: readonly string[]): Promise<Geofence> {
    const key = [...siteIds].sort().join('\u0000');
    if (this.fences.size >= MAX_CACHED_FENCES && !this.fences.has(key)) this.fences.clear();
    return this.cached(this.fences, key, () => this.loadFence(siteIds));
  }

  /** The cached promise for a key, or a new one; a failed load is forgotten, to be retried. */
  private cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
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

  private async loadFence(siteIds: readonly string[]): Promise<Geofence> {
    const missing = siteIds.filter((id) => !this.grounds.has(id));
    if (missing.length > 0) {
      const items = await this.batchGet(missing.map(keys.site));
      const found = new Map(items.map((i) => [String(i.siteId), toSite(i)]));
      for (const id of missing) {
        const site = found.get(id);
        this.grounds.set(id, site ? new CompiledGround(site.siteId, site.geometry) : null);
      }
    }
    const grounds = siteIds
      .map((id) => this.grounds.get(id))
      .filter((g): g is CompiledGround => g != null);
    return new Geofence(grounds);
  }

  // ---- plumbing -------------------------------------------------------------------------

  private async batchGet(keyList: Item[]): Promise<Item[]> {
    const found: Item[] = [];
    for (let i = 0; i < keyList.length; i += 100) {
      let pending: Item[] = keyList.slice(i, i + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1_000, 25 * 2 ** attempt));
        const out = await guard(() =>
          this.doc.send(
            new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
          ),
        );
        found.push(...(out.Responses?.[this.tableName] ?? []));
        pending = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Item[];
      }
    }
    return found;
  }

  private async queryAll(
    input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let ExclusiveStartKey: Item | undefined;
    do {
      const out = await guard(() =>
        this.doc.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey })),
      );
      items.push(...(out.Items ?? []));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }
}

function readSettingsItem(item: Item | undefined): { settings: Settings; revisions: Revisions } {
  const stored = (item?.settings ?? {}) as Record<string, unknown>;
  // Fields added in a later version take their defaults; anything invalid stops loudly.
  const settings = v.parse(SettingsSchema, { ...DEFAULT_SETTINGS, ...stored });
  return {
    settings,
    revisions: { sites: Number(item?.sitesRev ?? 0), holidays: Number(item?.holidaysRev ?? 0) },
  };
}

function employeeItem(e: Employee): Item {
  return {
    ...keys.employee(e.employeeId),
    ...keys.rosterIndex(e.employeeId),
    ...keys.unitIndex(e.unit, e.name, e.employeeId),
    type: 'employee',
    employeeId: e.employeeId,
    name: e.name,
    unit: e.unit,
    siteIds: [...e.siteIds],
    active: e.active,
  };
}

function toEmployee(i: Item): Employee {
  return {
    employeeId: String(i.employeeId),
    name: String(i.name),
    unit: String(i.unit),
    siteIds: Array.isArray(i.siteIds) ? i.siteIds.map(String) : [],
    active: i.active === true,
  };
}

function toSite(i: Item): Site {
  return {
    siteId: String(i.siteId),
    name: String(i.name),
    geometry: JSON.parse(String(i.geometry)),
  };
}

function toCheckin(i: Item): Checkin {
  return {
    employeeId: String(i.employeeId),
    date: String(i.date),
    status: i.status === 'late' ? 'late' : 'on_time',
    siteId: String(i.siteId),
    distanceToEdgeM: Number(i.distanceToEdgeM),
    accuracyM: Number(i.accuracyM),
    flags: Array.isArray(i.flags) ? i.flags.map(String) : [],
    capturedAt: String(i.capturedAt),
    receivedAt: String(i.receivedAt),
  };
}

function toAttempt(i: Item): Attempt {
  return {
    employeeId: String(i.employeeId),
    date: String(i.date),
    receivedAt: String(i.receivedAt),
    capturedAt: String(i.capturedAt),
    lat: Number(i.lat),
    lon: Number(i.lon),
    accuracyM: Number(i.accuracyM),
    mock: i.mock === true,
    ...(typeof i.deviceId === 'string' ? { deviceId: i.deviceId } : {}),
    outcome: String(i.outcome),
    ...(typeof i.siteId === 'string' ? { siteId: i.siteId } : {}),
    ...(typeof i.distanceToEdgeM === 'number' ? { distanceToEdgeM: i.distanceToEdgeM } : {}),
    expiresAt: Number(i.expiresAt),
  };
}

function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
