import { addDays } from '../../core/calendar';
import { ValidationFailed } from '../../core/errors';
import type { Excuse } from '../../core/model';
import type { CreatedExcuse, ExcuseRepository, Page } from '../../core/ports';
import { toExcuse } from './items';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/**
 * Excuses: the excuse itself, plus one small copy per day it covers, so that the report reads
 * the day's excuses with one Query — an interval overlap query DynamoDB cannot do otherwise.
 * An excuse item is written once (conditional create) and changed once, by its revocation, which
 * records who revoked it and when; nothing else ever overwrites it. The day copies follow it.
 */
export class DynamoExcuseStore implements ExcuseRepository {
  constructor(private readonly table: TableClient) {}

  /** Unconditional: seeding and tests. The API creates with `create`. */
  async put(excuse: Excuse): Promise<void> {
    await this.table.putEach([mainItem(excuse), ...dayItems(excuse)]);
  }

  async create(excuse: Excuse): Promise<CreatedExcuse> {
    let created = true;
    try {
      await this.table.put(mainItem(excuse), { ConditionExpression: 'attribute_not_exists(pk)' });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      created = false;
    }
    const standing = created ? excuse : await this.get(excuse.excuseId);
    if (!standing) throw new Error(`excuse ${excuse.excuseId} vanished`);
    // Written again on a repeat too: a retry after a failure between the two writes completes
    // the day copies, which are the same each time.
    await this.table.putEach(dayItems(standing));
    return { created, excuse: standing };
  }

  async get(excuseId: string): Promise<Excuse | null> {
    const item = await this.table.get(keys.excuse(excuseId), true);
    return item ? toExcuse(item) : null;
  }

  async on(date: string): Promise<Excuse[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.excuseDayPk(date) },
    });
    return items.map(toExcuse);
  }

  async onPage(date: string, q: { cursor?: string; limit: number }): Promise<Page<Excuse>> {
    const pk = keys.excuseDayPk(date);
    const page = await this.table.query({
      KeyConditionExpression: 'pk = :p',
      // Revoked copies are read and dropped: a page may then hold fewer than the limit.
      FilterExpression: 'attribute_not_exists(revoked)',
      ExpressionAttributeValues: { ':p': pk },
      Limit: q.limit,
      ...(q.cursor === undefined
        ? {}
        : { ExclusiveStartKey: { pk, sk: dayCursorKey(q.cursor, date) } }),
    });
    const last = page.lastKey?.sk;
    return {
      items: page.items.map(toExcuse),
      ...(typeof last === 'string' ? { cursor: dayCursor(date, last) } : {}),
    };
  }

  /**
   * Revoked, not deleted: the record stays for audit and the report ignores it. The first
   * revocation stands (who and when); revoking again returns it unchanged.
   */
  async revoke(excuseId: string, by: { by: string; at: string }): Promise<Excuse | null> {
    const excuse = await this.get(excuseId);
    if (!excuse) return null;
    let standing = excuse;
    if (!excuse.revoked) {
      const revoked: Excuse = { ...excuse, revoked: true, revokedAt: by.at, revokedBy: by.by };
      try {
        await this.table.put(mainItem(revoked), {
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revoked)',
        });
        standing = revoked;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
        standing = (await this.get(excuseId)) ?? revoked;
      }
    }
    await this.table.putEach(dayItems(standing));
    return standing;
  }
}

/** The cursor names its date and the day copy after which the next page starts. */
function dayCursor(date: string, sk: string): string {
  return Buffer.from(JSON.stringify({ d: date, s: sk })).toString('base64url');
}

function dayCursorKey(cursor: string, date: string): string {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (c?.d === date && typeof c.s === 'string' && c.s.length > 0 && c.s.length <= 1_000) {
      return c.s;
    }
  } catch {
    // fall through
  }
  throw new ValidationFailed('the cursor is not one this API gave out for this date', [
    { path: 'cursor', message: { id: 'kursor tidak dikenal', en: 'unknown cursor' } },
  ]);
}

function body(excuse: Excuse): Item {
  return { type: 'excuse', ...excuse };
}

function mainItem(excuse: Excuse): Item {
  return { ...keys.excuse(excuse.excuseId), ...body(excuse) };
}

function dayItems(excuse: Excuse): Item[] {
  const items: Item[] = [];
  // Counted in days, not compared as text: the day after 9999-12-31 is written "+010000-01…",
  // which sorts before it, so a loop on `d <= to` never ended (and ate all memory).
  const days = Math.round((Date.parse(excuse.to) - Date.parse(excuse.from)) / 86_400_000);
  for (let i = 0; i <= days; i++) {
    const d = addDays(excuse.from, i);
    items.push({ ...keys.excuseDay(d, excuse.employeeId, excuse.excuseId), ...body(excuse) });
  }
  return items;
}
