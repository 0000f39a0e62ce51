import type { MonthLock, MonthLockRepository } from '../../core/ports';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

function toLock(i: Item): MonthLock {
  return {
    month: String(i.month),
    locked: i.locked === true,
    lockedAt: String(i.lockedAt),
    lockedBy: String(i.lockedBy),
    ...(typeof i.unlockedAt === 'string' ? { unlockedAt: i.unlockedAt } : {}),
    ...(typeof i.unlockedBy === 'string' ? { unlockedBy: i.unlockedBy } : {}),
    ...(typeof i.reason === 'string' ? { reason: i.reason } : {}),
  };
}

/**
 * One item per month (`LOCK#{yyyy-mm}` / `LOCK`), overwritten by each lock and unlock under a
 * condition on its state, so that of two admins acting at once one wins and the other is told
 * what stands. Unlocking keeps the item (the API's role may not delete): the audit log keeps
 * every turn.
 */
export class DynamoMonthLockStore implements MonthLockRepository {
  constructor(private readonly table: TableClient) {}

  async get(month: string): Promise<MonthLock | null> {
    const item = await this.table.get(keys.monthLock(month), true);
    return item ? toLock(item) : null;
  }

  async lock(month: string, by: { by: string; at: string }) {
    const lock: MonthLock = { month, locked: true, lockedAt: by.at, lockedBy: by.by };
    try {
      await this.table.put(
        { ...keys.monthLock(month), type: 'monthLock', ...lock },
        {
          ConditionExpression: 'attribute_not_exists(pk) OR locked = :f',
          ExpressionAttributeValues: { ':f': false },
        },
      );
      return { created: true, lock };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const standing = await this.get(month);
      if (!standing?.locked) throw err;
      return { created: false, lock: standing };
    }
  }

  async unlock(month: string, by: { by: string; at: string; reason: string }) {
    const standing = await this.get(month);
    if (!standing?.locked) return null;
    const unlocked: MonthLock = {
      month,
      locked: false,
      lockedAt: standing.lockedAt,
      lockedBy: standing.lockedBy,
      unlockedAt: by.at,
      unlockedBy: by.by,
      reason: by.reason,
    };
    try {
      await this.table.put(
        { ...keys.monthLock(month), type: 'monthLock', ...unlocked },
        {
          ConditionExpression: 'locked = :t AND lockedAt = :at',
          ExpressionAttributeValues: { ':t': true, ':at': standing.lockedAt },
        },
      );
      return unlocked;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      return null; // unlocked (or locked anew) meanwhile
    }
  }
}
