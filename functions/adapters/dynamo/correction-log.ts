import type { CorrectionLog, PendingCorrection } from '../../core/ports';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/** A settled entry is kept this long (for a reader asking "was it republished?"), then TTL ends it. */
const SETTLED_TTL_S = 14 * 86_400;

/**
 * Published days a correction touched, one item each (`CORRECTIONS` / `{date}#{rollCallId}`) in
 * one small partition: entries are few (corrections are made by hand) and leave the pending set
 * as soon as the day is republished, so the tick's fallback reads it with one Query. `touch`
 * overwrites with the newest correction's `at`; `settle` clears only that one (conditional), so a
 * correction recorded while a republish ran stays pending for the next.
 */
export class DynamoCorrectionLog implements CorrectionLog {
  constructor(private readonly table: TableClient) {}

  async touch(date: string, rollCallId: string, at: string): Promise<void> {
    await this.table.put({
      ...keys.correction(date, rollCallId),
      type: 'correction',
      date,
      rollCallId,
      at,
      pending: true,
    });
  }

  async get(date: string, rollCallId: string): Promise<PendingCorrection | null> {
    const item = await this.table.get(keys.correction(date, rollCallId), true);
    return item && item.pending === true ? toPending(item) : null;
  }

  async pending(): Promise<PendingCorrection[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      FilterExpression: 'pending = :t',
      ExpressionAttributeValues: { ':p': keys.correctionsPk(), ':t': true },
      ConsistentRead: true,
    });
    return items.map(toPending);
  }

  async settle(date: string, rollCallId: string, at: string): Promise<boolean> {
    try {
      await this.table.update({
        Key: keys.correction(date, rollCallId),
        UpdateExpression: 'SET pending = :f, settledAt = :now, expiresAt = :ttl',
        ConditionExpression: 'pending = :t AND #at = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: {
          ':f': false,
          ':t': true,
          ':at': at,
          ':now': new Date().toISOString(),
          ':ttl': Math.floor(Date.now() / 1000) + SETTLED_TTL_S,
        },
      });
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}

function toPending(i: Item): PendingCorrection {
  return { date: String(i.date), rollCallId: String(i.rollCallId), at: String(i.at) };
}
