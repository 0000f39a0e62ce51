import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Appeal, appealIdOf } from '../../functions/core/appeals';
import type { AppealRepository } from '../../functions/core/ports';

export interface AppealBackend {
  readonly name: string;
  open(): Promise<{ appeals: AppealRepository; close(): Promise<void> }>;
}

export function appeal(employeeId: string, over: Partial<Appeal> = {}): Appeal {
  const date = over.date ?? '2026-11-27';
  const rollCallId = over.rollCallId ?? 'pagi';
  return {
    appealId: appealIdOf(employeeId, date, rollCallId),
    employeeId,
    name: `Pegawai ${employeeId}`,
    unit: 'BKD',
    date,
    rollCallId,
    claim: 'present',
    reason: 'GPS saya bermasalah',
    status: 'open',
    createdAt: '2026-11-27T02:00:00.000Z',
    updatedAt: '2026-11-27T02:00:00.000Z',
    ...over,
  };
}

const decision = (at: string, status: 'accepted' | 'rejected' = 'accepted') => ({
  status,
  decidedBy: 'op-1',
  decidedAt: at,
  note: 'dicek di CCTV',
});

/**
 * What every appeal store must do, the memory fake as much as the DynamoDB one
 * (test/adapters/store-contract.test.ts runs it on each backend).
 */
export function appealStoreContract(backend: AppealBackend): void {
  describe(`appeal store on ${backend.name}`, () => {
    let s: AppealRepository;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const o = await backend.open();
      s = o.appeals;
      close = o.close;
    });
    afterAll(() => close());

    it('creates an appeal, then updates it while open, keeping when it was first made', async () => {
      const first = appeal('a1', { claim: 'excused', kind: 'sick' });
      expect(await s.save(first)).toEqual({ outcome: 'created', appeal: first });
      const again = appeal('a1', {
        reason: 'ternyata saya hadir',
        createdAt: '2026-11-27T05:00:00.000Z',
        updatedAt: '2026-11-27T05:00:00.000Z',
      });
      const saved = await s.save(again);
      expect(saved.outcome).toBe('updated');
      const stored = await s.get(first.appealId);
      expect(stored).toEqual({ ...again, createdAt: first.createdAt });
      expect(stored?.kind).toBeUndefined();
      expect(saved.appeal).toEqual(stored);
      expect(await s.get(appealIdOf('a1', '2026-11-30', 'pagi'))).toBeNull();
      expect(await s.get('not-an-id')).toBeNull();
    });

    it('decides an open appeal once: a second decision and a later posting change nothing', async () => {
      const a = appeal('a2');
      await s.save(a);
      const decided = await s.decide(a.appealId, decision('2026-11-28T01:00:00.000Z'));
      expect(decided).toEqual({ ...a, ...decision('2026-11-28T01:00:00.000Z') });
      expect(await s.decide(a.appealId, decision('2026-11-28T02:00:00.000Z', 'rejected'))).toBe(
        null,
      );
      const late = await s.save(appeal('a2', { reason: 'lagi', updatedAt: 'x' }));
      expect(late).toEqual({ outcome: 'decided', appeal: decided });
      expect(await s.get(a.appealId)).toEqual(decided);
      expect(await s.decide(appealIdOf('nobody', '2026-11-27', 'pagi'), decision('t'))).toBeNull();
    });

    it('lets exactly one of 20 concurrent decisions win', async () => {
      const a = appeal('a3');
      await s.save(a);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.decide(
            a.appealId,
            decision(
              `2026-11-28T01:00:${String(i).padStart(2, '0')}.000Z`,
              i % 2 ? 'accepted' : 'rejected',
            ),
          ),
        ),
      );
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect(await s.get(a.appealId)).toEqual(winners[0]);
    });

    it('reopens a decision only when it is the one named', async () => {
      const a = appeal('a4');
      await s.save(a);
      await s.decide(a.appealId, decision('2026-11-28T03:00:00.000Z'));
      await s.reopen(a.appealId, '2026-11-28T09:09:09.000Z');
      expect((await s.get(a.appealId))?.status).toBe('accepted');
      await s.reopen(a.appealId, '2026-11-28T03:00:00.000Z');
      expect(await s.get(a.appealId)).toEqual(a);
      const open = await s.list({ statuses: ['open'], limit: 100 });
      expect(open?.items.map((x) => x.appealId)).toContain(a.appealId);
    });

    it("lists an employee's own appeals, newest date first", async () => {
      for (const date of ['2026-11-24', '2026-11-26', '2026-11-25']) {
        await s.save(appeal('mine', { date }));
      }
      await s.save(appeal('mine', { date: '2026-11-25', rollCallId: 'sore' }));
      await s.save(appeal('mine-not', { date: '2026-11-26' }));
      const mine = await s.mine('mine', 10);
      expect(mine.map((a) => `${a.date}/${a.rollCallId}`)).toEqual([
        '2026-11-26/pagi',
        '2026-11-25/sore',
        '2026-11-25/pagi',
        '2026-11-24/pagi',
      ]);
      expect(await s.mine('mine', 2)).toHaveLength(2);
      expect(await s.mine('nobody', 10)).toEqual([]);
    });

    it('pages the inbox: open first, each status oldest first, filtered by unit and date', async () => {
      const at = (m: number) => `2026-12-0${1 + (m % 3)}T0${m}:00:00.000Z`;
      const made: Appeal[] = [];
      for (let i = 0; i < 7; i++) {
        const a = appeal(`in${i}`, {
          date: '2026-12-01',
          unit: i % 2 ? 'Dinas Kesehatan' : 'BAPPEDA',
          createdAt: at(i),
          updatedAt: at(i),
          rollCallId: 'inbox',
        });
        made.push(a);
        await s.save(a);
      }
      await s.decide(made[1]?.appealId as string, decision('2026-12-05T00:00:00.000Z'));
      await s.decide(made[4]?.appealId as string, decision('2026-12-05T00:00:00.000Z', 'rejected'));
      const order = [...made]
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
        .sort((a, b) => rank(a) - rank(b))
        .map((a) => a.appealId);
      function rank(a: Appeal) {
        return a === made[1] ? 1 : a === made[4] ? 2 : 0;
      }
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const p = await s.list({
          statuses: ['open', 'accepted', 'rejected'],
          date: '2026-12-01',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        if (!p) throw new Error('bad cursor');
        expect(p.items.length).toBeLessThanOrEqual(2);
        walked.push(...p.items.map((a) => a.appealId));
        cursor = p.cursor;
        if (!cursor) break;
      }
      expect(walked).toEqual(order);

      const health = await s.list({
        statuses: ['open'],
        units: ['dinas KESEHATAN'],
        date: '2026-12-01',
        limit: 50,
      });
      expect(health?.items.map((a) => a.employeeId).sort()).toEqual(['in3', 'in5']);
      expect(await s.list({ statuses: ['open'], units: [], limit: 5 })).toEqual({ items: [] });
      expect(
        (await s.list({ statuses: ['rejected'], date: '2026-12-01', limit: 5 }))?.items.map(
          (a) => a.employeeId,
        ),
      ).toEqual(['in4']);
      expect(await s.list({ statuses: ['open'], date: '2030-01-01', limit: 5 })).toEqual({
        items: [],
      });
      expect(await s.list({ statuses: ['open'], cursor: 'garbage!', limit: 5 })).toBeNull();
    });
  });
}
