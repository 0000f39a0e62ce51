import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttendanceMark } from '../../functions/core/mark-record';
import { placeMark, putMark } from '../../functions/core/marks';
import type { Stores } from '../../functions/core/ports';
import { checkin } from './store-contract';

export interface MarkFixture {
  readonly stores: Pick<Stores, 'marks' | 'corrections' | 'checkins'>;
  close(): Promise<void>;
}

export interface MarkBackend {
  readonly name: string;
  open(): Promise<MarkFixture>;
}

export function mark(employeeId: string, over: Partial<AttendanceMark> = {}): AttendanceMark {
  return {
    employeeId,
    date: '2026-11-27',
    rollCallId: 'pagi',
    status: 'on_time',
    reason: 'HP mati, hadir di lapangan',
    method: 'manual',
    by: 'officer-1',
    markedAt: '2026-11-27T00:20:00.000Z',
    ...over,
  };
}

/**
 * What every store of attendance marks and corrections must do, the memory fake as much as the
 * DynamoDB adapter (test/adapters/mark-store-contract.test.ts runs it on each).
 */
export function markStoreContract(backend: MarkBackend): void {
  describe(`attendance marks on ${backend.name}`, () => {
    let f: MarkFixture;
    let s: MarkFixture['stores'];
    beforeAll(async () => {
      f = await backend.open();
      s = f.stores;
    });
    afterAll(() => f.close());

    it('keeps the first mark of a key: a second create returns it, unchanged', async () => {
      const a = await s.marks.create(mark('m1'));
      const b = await s.marks.create(mark('m1', { status: 'late', by: 'other' }));
      expect(a).toEqual({ created: true, mark: mark('m1') });
      expect(b).toEqual({ created: false, mark: mark('m1') });
      expect(await s.marks.get('2026-11-27', 'pagi', 'm1')).toEqual(mark('m1'));
      expect(await s.marks.get('2026-11-28', 'pagi', 'm1')).toBeNull();
      expect(await s.marks.get('2026-11-27', 'sore', 'm1')).toBeNull();
    });

    it('stores exactly one of 40 concurrent creates for one key', async () => {
      const all = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.marks.create(mark('race', { by: `officer-${i}`, reason: `alasan ${i}` })),
        ),
      );
      expect(all.filter((r) => r.created)).toHaveLength(1);
      const stood = all.find((r) => r.created)?.mark;
      for (const r of all) expect(r.mark).toEqual(stood);
      expect(await s.marks.get('2026-11-27', 'pagi', 'race')).toEqual(stood);
    });

    it('lists a day’s marks per roll call, with every optional field kept', async () => {
      const late = mark('m2', { status: 'late', at: '07:41' });
      const sick = mark('m3', { status: 'excused', kind: 'sick', method: 'appeal' });
      const other = mark('m2', { rollCallId: 'sore' });
      for (const m of [late, sick, other]) await s.marks.create(m);
      const pagi = (await s.marks.on('2026-11-27', 'pagi')).filter((m) =>
        ['m2', 'm3'].includes(m.employeeId),
      );
      expect(pagi.sort((a, b) => (a.employeeId < b.employeeId ? -1 : 1))).toEqual([late, sick]);
      expect(await s.marks.on('2026-11-27', 'sore')).toEqual([other]);
      expect(await s.marks.on('2026-11-26', 'pagi')).toEqual([]);
    });

    it('replaces a mark with put, and withdraws it with remove, once', async () => {
      await s.marks.create(mark('m4'));
      await s.marks.put(mark('m4', { status: 'late', at: '07:50', reason: 'terlambat' }));
      expect(await s.marks.get('2026-11-27', 'pagi', 'm4')).toMatchObject({ status: 'late' });
      const by = { by: 'bkd-admin', at: '2026-11-27T03:00:00.000Z' };
      const gone = await s.marks.remove('2026-11-27', 'pagi', 'm4', by);
      expect(gone).toMatchObject({ employeeId: 'm4', status: 'late', at: '07:50' });
      expect(await s.marks.remove('2026-11-27', 'pagi', 'm4', by)).toBeNull();
      expect(await s.marks.remove('2026-11-27', 'pagi', 'nobody', by)).toBeNull();
      expect(await s.marks.get('2026-11-27', 'pagi', 'm4')).toBeNull();
      expect((await s.marks.on('2026-11-27', 'pagi')).map((m) => m.employeeId)).not.toContain('m4');
      // A withdrawn mark yields to a new one.
      expect((await s.marks.create(mark('m4'))).created).toBe(true);
      expect(await s.marks.get('2026-11-27', 'pagi', 'm4')).toEqual(mark('m4'));
    });

    it('refuses a mark over a standing check-in, storing nothing', async () => {
      await s.checkins.putFirstCheckin(checkin('came', { receivedAt: '2026-11-27T00:05:00.000Z' }));
      await expect(placeMark(s, mark('came'))).rejects.toMatchObject({
        code: 'ALREADY_CHECKED_IN',
        details: { employeeId: 'came', checkedInAt: '2026-11-27T00:05:00.000Z' },
      });
      await expect(putMark(s, mark('came'))).rejects.toMatchObject({ code: 'ALREADY_CHECKED_IN' });
      expect(await s.marks.get('2026-11-27', 'pagi', 'came')).toBeNull();
      // Another roll call's check-in does not stand in the way.
      expect(await placeMark(s, mark('came', { rollCallId: 'sore' }))).toEqual(
        mark('came', { rollCallId: 'sore' }),
      );
    });

    it('keeps the newest correction of a day pending until a republish settles that one', async () => {
      const c = s.corrections;
      expect(await c.get('2026-11-27', 'pagi')).toBeNull();
      await c.touch('2026-11-27', 'pagi', 't1');
      await c.touch('2026-11-26', 'sore', 't0');
      await c.touch('2026-11-27', 'pagi', 't2');
      expect(await c.get('2026-11-27', 'pagi')).toEqual({
        date: '2026-11-27',
        rollCallId: 'pagi',
        at: 't2',
      });
      expect((await c.pending()).map((p) => `${p.date}/${p.rollCallId}/${p.at}`)).toEqual([
        '2026-11-26/sore/t0',
        '2026-11-27/pagi/t2',
      ]);
      // A republish that started before t2 may not clear it.
      expect(await c.settle('2026-11-27', 'pagi', 't1')).toBe(false);
      expect(await c.settle('2026-11-27', 'pagi', 't2')).toBe(true);
      expect(await c.settle('2026-11-27', 'pagi', 't2')).toBe(false);
      expect(await c.get('2026-11-27', 'pagi')).toBeNull();
      expect((await c.pending()).map((p) => p.date)).toEqual(['2026-11-26']);
      await c.touch('2026-11-27', 'pagi', 't3');
      expect((await c.pending()).map((p) => p.at)).toEqual(['t0', 't3']);
    });
  });
}
