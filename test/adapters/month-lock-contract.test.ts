import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMonthOpen, assertRangeOpen, monthsBetween } from '../../functions/core/month-lock';
import type { MonthLock, MonthLockRepository } from '../../functions/core/ports';
import { dynamoBackends } from '../support/dynamo';
import { memoryMonthLocks } from '../support/memory-store';

interface LockBackend {
  readonly name: string;
  open(): Promise<{ locks: MonthLockRepository; close(): Promise<void> }>;
}

const memory: LockBackend = {
  name: 'the memory fake',
  open: async () => ({
    locks: memoryMonthLocks(new Map<string, MonthLock>()),
    close: async () => {},
  }),
};

const dynamo: LockBackend[] = dynamoBackends((t) => ({ locks: t.stores.monthLocks }));

const ADMIN = { by: 'admin-1', at: '2026-12-01T02:00:00.000Z' };

/** The month locks' contract: the memory fake as the DynamoDB store, so they cannot drift. */
for (const backend of [memory, ...dynamo]) {
  describe(`month locks on ${backend.name}`, () => {
    let f: Awaited<ReturnType<LockBackend['open']>>;
    beforeAll(async () => {
      f = await backend.open();
    });
    afterAll(() => f.close());

    it('knows no lock on a month never locked; the month is open', async () => {
      expect(await f.locks.get('2026-01')).toBeNull();
      await expect(assertMonthOpen({ monthLocks: f.locks }, '2026-01-15')).resolves.toBeUndefined();
      expect(await f.locks.unlock('2026-01', { ...ADMIN, reason: 'x' })).toBeNull();
    });

    it('locks once: a second lock returns the first, unchanged', async () => {
      const first = await f.locks.lock('2026-02', ADMIN);
      expect(first).toEqual({
        created: true,
        lock: { month: '2026-02', locked: true, lockedAt: ADMIN.at, lockedBy: 'admin-1' },
      });
      const again = await f.locks.lock('2026-02', {
        by: 'admin-2',
        at: '2026-12-02T00:00:00.000Z',
      });
      expect(again).toEqual({ created: false, lock: first.lock });
      expect(await f.locks.get('2026-02')).toEqual(first.lock);
    });

    it('refuses a correction to a locked month with MONTH_LOCKED, naming the month and when', async () => {
      await f.locks.lock('2026-03', ADMIN);
      const err = await assertMonthOpen({ monthLocks: f.locks }, '2026-03-31').catch((e) => e);
      expect(err.code).toBe('MONTH_LOCKED');
      expect(err.details).toEqual({ month: '2026-03', lockedAt: ADMIN.at });
      // The months around it stay open.
      await expect(assertMonthOpen({ monthLocks: f.locks }, '2026-04-01')).resolves.toBeUndefined();
      const range = await assertRangeOpen(
        { monthLocks: f.locks },
        '2026-02-25',
        '2026-04-02',
      ).catch((e) => e);
      expect(range.details.month).toBe('2026-02');
    });

    it('unlocks with who, when and why; the month is open again and may be locked anew', async () => {
      await f.locks.lock('2026-05', ADMIN);
      const by = { by: 'admin-2', at: '2026-12-03T00:00:00.000Z', reason: 'koreksi cuti' };
      const unlocked = await f.locks.unlock('2026-05', by);
      expect(unlocked).toEqual({
        month: '2026-05',
        locked: false,
        lockedAt: ADMIN.at,
        lockedBy: 'admin-1',
        unlockedAt: by.at,
        unlockedBy: 'admin-2',
        reason: 'koreksi cuti',
      });
      expect(await f.locks.get('2026-05')).toEqual(unlocked);
      expect(await f.locks.unlock('2026-05', by)).toBeNull();
      await expect(assertMonthOpen({ monthLocks: f.locks }, '2026-05-02')).resolves.toBeUndefined();
      const relock = await f.locks.lock('2026-05', {
        by: 'admin-3',
        at: '2026-12-04T00:00:00.000Z',
      });
      expect(relock.created).toBe(true);
      expect(relock.lock).toEqual({
        month: '2026-05',
        locked: true,
        lockedAt: '2026-12-04T00:00:00.000Z',
        lockedBy: 'admin-3',
      });
    });

    it('leaves exactly one lock of 20 concurrent ones', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          f.locks.lock('2026-06', {
            by: `admin-${i}`,
            at: `2026-12-01T00:00:${String(i).padStart(2, '0')}.000Z`,
          }),
        ),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const standing = await f.locks.get('2026-06');
      for (const r of results) expect(r.lock).toEqual(standing);
    });
  });
}

describe('monthsBetween', () => {
  it('lists each month a range touches, across a year', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(monthsBetween('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
  });

  it('ends at the calendar’s last month, and lists none for a range out of order', () => {
    // As strings "10000-01" sorts before "9999-12": the list once ran on to the year 99999.
    expect(monthsBetween('9999-12-31', '9999-12-31')).toEqual(['9999-12']);
    expect(monthsBetween('9999-11-15', '9999-12-31')).toEqual(['9999-11', '9999-12']);
    expect(monthsBetween('0100-12-01', '0101-01-31')).toEqual(['0100-12', '0101-01']);
    expect(monthsBetween('2026-12-01', '2026-11-30')).toEqual([]);
  });
});
