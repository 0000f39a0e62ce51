import { ValidationFailed } from '../../core/errors';
import type { Employee } from '../../core/model';
import type { Page, RosterRepository } from '../../core/ports';
import { countUnits, type UnitCount } from '../../core/roster-units';
import { employeeItem, toEmployee } from './items';
import { searchRoster, staleWordItems, wordItems } from './roster-search';
import { GSI1, GSI2, keys, SHARDS } from './table';
import type { Item, TableClient } from './table-client';

/** How long one process keeps the units' counts (another process's roster writes show after it). */
const UNITS_TTL_MS = 60_000;

interface Cursor {
  /** Roster shard being read (listing everyone), or -1 for a unit listing. */
  s: number;
  /** DynamoDB's LastEvaluatedKey; checked against the listing before it is sent back. */
  k?: unknown;
}

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function badCursor(): ValidationFailed {
  return new ValidationFailed('the cursor is not one this API gave out', [
    { path: 'cursor', message: { id: 'kursor tidak dikenal', en: 'unknown cursor' } },
  ]);
}

function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Number.isInteger(c.s) && c.s >= -1 && c.s < SHARDS) return c;
  } catch {
    // fall through
  }
  throw badCursor();
}

/**
 * The resume key must be one DynamoDB could have given for this very listing: the table's and
 * the index's key attributes, all strings, in the partition being read. Anything else DynamoDB
 * refuses with a ValidationException, which is the client's mistake, not a server error.
 */
function resumeKey(k: unknown, index: 'gsi1' | 'gsi2', partition: string): Item | undefined {
  if (k === undefined) return undefined;
  const names = ['pk', 'sk', `${index}pk`, `${index}sk`];
  const ok =
    k !== null &&
    typeof k === 'object' &&
    !Array.isArray(k) &&
    Object.keys(k).length === names.length &&
    names.every((n) => typeof (k as Item)[n] === 'string') &&
    (k as Item)[`${index}pk`] === partition;
  if (!ok) throw badCursor();
  return k as Item;
}

/**
 * The roster: one item per employee, listed through the sharded roster index or by unit (the
 * unit without regard to case), searched by name words.
 */
export class DynamoRosterStore implements RosterRepository {
  /** The units' counts, computed from the whole roster, until UNITS_TTL_MS or a write here. */
  private unitCounts: { readonly until: number; readonly counts: Promise<UnitCount[]> } | null =
    null;

  constructor(private readonly table: TableClient) {}

  async get(employeeId: string): Promise<Employee | null> {
    const item = await this.table.get(keys.employee(employeeId), true);
    return item ? toEmployee(item) : null;
  }

  async getMany(employeeIds: readonly string[]): Promise<Map<string, Employee>> {
    const items = await this.table.batchGet([...new Set(employeeIds)].map(keys.employee));
    return new Map(items.map((i) => [String(i.employeeId), toEmployee(i)]));
  }

  async put(employee: Employee): Promise<void> {
    await this.putMany([employee]);
  }

  /**
   * Each profile with its search words (roster-search.ts). The old profiles are read first so
   * that words a rename dropped are marked stale (the search ignores stale words either way).
   * Words are written with a new or renamed profile only (3× fewer writes on a re-import). Known
   * gap: should a word's write fail while its profile lands, the retry sees an unchanged profile
   * and that employee cannot be found by that word until their name changes again.
   */
  async putMany(employees: readonly Employee[]): Promise<void> {
    const before = await this.getManyConsistent(employees.map((e) => e.employeeId));
    // Wall time, not the app's clock: it only says when DynamoDB may drop a stale word item.
    const nowS = Math.floor(Date.now() / 1000);
    const items = employees.flatMap((e) => {
      const old = before.get(e.employeeId);
      // Words are written with a new or renamed profile only: an unchanged name has its words.
      if (old && old.name === e.name) return [employeeItem(e)];
      return [employeeItem(e), ...wordItems(e), ...(old ? staleWordItems(old, e, nowS) : [])];
    });
    this.unitCounts = null;
    try {
      await this.table.putEach(items);
    } finally {
      this.unitCounts = null; // a listing begun while writing must not outlive the write
    }
  }

  private async getManyConsistent(ids: readonly string[]): Promise<Map<string, Employee>> {
    const items = await this.table.batchGet([...new Set(ids)].map(keys.employee), true);
    return new Map(items.map((i) => [String(i.employeeId), toEmployee(i)]));
  }

  /** Employees whose name words or id start with the terms (longest term first). */
  search(terms: readonly string[], q: { cursor?: string; limit: number }): Promise<Page<Employee>> {
    return searchRoster(this.table, terms, q);
  }

  async list(q: { unit?: string; cursor?: string; limit: number }): Promise<Page<Employee>> {
    const c = q.cursor ? decode(q.cursor) : { s: q.unit === undefined ? 0 : -1 };
    if (q.unit !== undefined) {
      const unitPk = keys.unitIndex(q.unit, '', '').gsi2pk;
      const k = resumeKey(c.k, 'gsi2', unitPk);
      const page = await this.table.query({
        IndexName: GSI2,
        KeyConditionExpression: 'gsi2pk = :u',
        ExpressionAttributeValues: { ':u': unitPk },
        Limit: q.limit,
        ...(k ? { ExclusiveStartKey: k } : {}),
      });
      return {
        items: page.items.map(toEmployee),
        ...(page.lastKey ? { cursor: encode({ s: -1, k: page.lastKey }) } : {}),
      };
    }
    // Everyone: walk the roster shards in order, resuming where the cursor points.
    const items: Employee[] = [];
    let shard = Math.max(0, c.s);
    let start = resumeKey(c.k, 'gsi1', `ROSTER#${shard}`);
    while (shard < SHARDS && items.length < q.limit) {
      const page = await this.table.query({
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': `ROSTER#${shard}` },
        Limit: q.limit - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      });
      items.push(...page.items.map(toEmployee));
      if (page.lastKey) {
        start = page.lastKey;
      } else {
        shard++;
        start = undefined;
      }
    }
    return {
      items,
      ...(shard < SHARDS ? { cursor: encode({ s: shard, ...(start ? { k: start } : {}) }) } : {}),
    };
  }

  /**
   * Whether the roster holds about `n` people or more, for the price of reading n/16 of them:
   * employees are spread evenly over the 16 roster shards (FNV-1a), so shard 0 holding n/16
   * means about n in all. One Query of keys, ~40 read units for n = 20,000.
   */
  async sizeAtLeast(n: number): Promise<boolean> {
    const limit = Math.max(1, Math.ceil(n / SHARDS));
    const page = await this.table.query({
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'ROSTER#0' },
      ProjectionExpression: 'pk',
      Limit: limit,
    });
    return page.items.length >= limit && page.lastKey !== undefined;
  }

  async all(): Promise<Employee[]> {
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        this.table.queryAll({
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': `ROSTER#${shard}` },
        }),
      ),
    );
    return shards.flat().map(toEmployee);
  }

  /**
   * Counted over the whole roster (one read of it, the report's), then kept in this process
   * for a minute: the console asks on every screen that suggests units, the roster changes by
   * imports and edits. Writes through this store drop it at once; another process's are seen
   * within the minute. A failed count is not kept.
   */
  units(): Promise<UnitCount[]> {
    const now = Date.now();
    const kept = this.unitCounts;
    if (kept && kept.until > now) return kept.counts;
    const counts = this.all().then(countUnits);
    const entry = { until: now + UNITS_TTL_MS, counts };
    this.unitCounts = entry;
    counts.catch(() => {
      if (this.unitCounts === entry) this.unitCounts = null;
    });
    return counts;
  }
}
