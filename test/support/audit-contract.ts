import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditRepository,
  type AuditSearch,
  auditKey,
  type StoredAuditEntry,
} from '../../functions/core/audit';

export interface AuditBackend {
  readonly name: string;
  open(): Promise<{ audit: AuditRepository; close(): Promise<void> }>;
}

let n = 0;
/** An entry at `at`, with a fresh id (ordered, so that ties of an instant sort as written). */
export function entry(at: string, over: Partial<StoredAuditEntry> = {}): StoredAuditEntry {
  return {
    id: `id${String(n++).padStart(6, '0')}`,
    at,
    actor: 'bkd-admin',
    action: 'employee.put',
    subject: 'employee:demo-004',
    before: null,
    after: { name: 'Siti', siteIds: ['yard'], active: true, nested: { a: [1, null, 'x'] } },
    ...over,
  };
}

/** Every entry of the suite (the HTTP API asks for a year at most; the store takes any range). */
const ALL = { from: '2026-11-01T00:00:00.000Z', to: '2028-12-31T00:00:00.000Z' };

async function everything(
  audit: AuditRepository,
  q: Omit<AuditSearch, 'limit' | 'after'>,
  limit = 2,
) {
  const pages: StoredAuditEntry[][] = [];
  let after: string | undefined;
  for (;;) {
    const page = await audit.search({ ...q, limit, ...(after === undefined ? {} : { after }) });
    pages.push(page.items);
    const last = page.items.at(-1);
    if (!page.more || !last) return pages;
    after = auditKey(last);
  }
}

/**
 * What every audit log must do, the memory fake as much as the DynamoDB adapter
 * (test/adapters/store-contract.test.ts runs it on each backend).
 */
export function auditStoreContract(backend: AuditBackend): void {
  describe(`the audit log on ${backend.name}`, () => {
    let audit: AuditRepository;
    let close: () => Promise<void>;
    // Three months and two years, two actors, three subjects; one instant holds two entries.
    const log = [
      entry('2026-11-30T23:59:59.999Z'),
      entry('2026-12-01T00:00:00.000Z', {
        actor: 'system',
        action: 'report.publish',
        subject: 'report:2026-12-01/pagi',
        before: { version: 1 },
        after: { version: 2 },
      }),
      entry('2026-12-01T00:00:00.000Z', {
        subject: 'site:yard',
        action: 'site.delete',
        after: null,
        before: { name: 'Yard' },
      }),
      entry('2026-12-02T03:04:05.678Z', { actor: 'admin-2' }),
      entry('2026-12-31T23:00:00.000Z', { subject: 'holiday:2027-01-01', action: 'holiday.put' }),
      entry('2027-01-01T00:00:00.000Z', {
        actor: 'admin-2',
        subject: 'site:yard',
        action: 'site.put',
      }),
      entry('2027-01-15T10:00:00.000Z'),
    ];
    const newestFirst = [...log].sort((a, b) => (auditKey(a) < auditKey(b) ? 1 : -1));

    beforeAll(async () => {
      ({ audit, close } = await backend.open());
      await audit.append(log.slice(0, 3));
      await audit.append(log.slice(3));
    });
    afterAll(() => close());

    it('gives every entry back whole, newest first, before and after as written', async () => {
      const page = await audit.search({ ...ALL, limit: 100 });
      expect(page).toEqual({ items: newestFirst, more: false });
    });

    it('pages without losing or repeating an entry, ties of one instant included', async () => {
      for (const limit of [1, 2, 3, 6, 7]) {
        const pages = await everything(audit, ALL, limit);
        expect(pages.flat()).toEqual(newestFirst);
        expect(pages.every((p) => p.length <= limit)).toBe(true);
        expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      }
      const exact = await audit.search({ ...ALL, limit: 7 });
      expect(exact.more).toBe(false);
      const short = await audit.search({ ...ALL, limit: 6 });
      expect(short.more).toBe(true);
    });

    it('keeps to the range: from included, to left out, across months and years', async () => {
      const dec = await audit.search({
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        limit: 100,
      });
      expect(dec.items.map((e) => e.at)).toEqual([
        '2026-12-31T23:00:00.000Z',
        '2026-12-02T03:04:05.678Z',
        '2026-12-01T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z',
      ]);
      const across = await everything(
        audit,
        { from: '2026-11-30T00:00:00.000Z', to: '2027-01-02T00:00:00.000Z' },
        1,
      );
      expect(across.flat().map((e) => e.id)).toEqual(newestFirst.slice(1).map((e) => e.id));
      const none = await audit.search({
        from: '2026-12-03T00:00:00.000Z',
        to: '2026-12-31T00:00:00.000Z',
        limit: 5,
      });
      expect(none).toEqual({ items: [], more: false });
    });

    it('finds by actor, by subject, and by both, newest first, paged', async () => {
      const byAdmin2 = await everything(audit, { ...ALL, actor: 'admin-2' }, 1);
      expect(byAdmin2.flat().map((e) => e.at)).toEqual([
        '2027-01-01T00:00:00.000Z',
        '2026-12-02T03:04:05.678Z',
      ]);
      const yard = await everything(audit, { ...ALL, subject: 'site:yard' }, 1);
      expect(yard.flat().map((e) => e.action)).toEqual(['site.put', 'site.delete']);
      const both = await everything(audit, { ...ALL, subject: 'site:yard', actor: 'admin-2' }, 1);
      expect(both.flat().map((e) => e.action)).toEqual(['site.put']);
      const demo4 = await everything(
        audit,
        { ...ALL, subject: 'employee:demo-004', actor: 'bkd-admin' },
        1,
      );
      expect(demo4.flat().map((e) => e.at)).toEqual([
        '2027-01-15T10:00:00.000Z',
        '2026-11-30T23:59:59.999Z',
      ]);
      const inRange = await audit.search({
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
        subject: 'site:yard',
        limit: 9,
      });
      expect(inRange.items.map((e) => e.action)).toEqual(['site.delete']);
      expect((await audit.search({ ...ALL, actor: 'nobody', limit: 9 })).items).toEqual([]);
    });

    it('never overwrites an entry: the same key again leaves the first as it was', async () => {
      const first = entry('2028-02-02T02:02:02.000Z', { subject: 'employee:once' });
      await audit.append([first]);
      await audit.append([{ ...first, actor: 'intruder', after: { forged: true } }]);
      const found = await audit.search({ ...ALL, subject: 'employee:once', limit: 9 });
      expect(found.items).toEqual([first]);
    });

    it('appends many at once (an import) and finds each by its subject', async () => {
      const many = Array.from({ length: 40 }, (_, i) =>
        entry('2028-03-03T03:03:03.000Z', {
          action: 'employee.import',
          subject: `employee:bulk-${i}`,
        }),
      );
      await audit.append(many);
      const got = await everything(
        audit,
        { from: '2028-03-01T00:00:00.000Z', to: '2028-04-01T00:00:00.000Z' },
        15,
      );
      expect(got.map((p) => p.length)).toEqual([15, 15, 10]);
      expect(new Set(got.flat().map((e) => e.subject)).size).toBe(40);
      const one = await audit.search({ ...ALL, subject: 'employee:bulk-17', limit: 9 });
      expect(one.items.map((e) => e.id)).toEqual([many[17]?.id]);
    });
  });
}
