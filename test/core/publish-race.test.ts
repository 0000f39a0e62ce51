import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishReport } from '../../functions/core/publish';
import { publishedReport } from '../../functions/core/published-report';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Saturday 28 November 2026, 09:00 WIB: Friday the 27th is publishable.
const clock = new FakeClock(new Date('2026-11-28T02:00:00.000Z'));
const rt = await testRuntime(clock, { roster: 10 });
afterAll(() => rt.close());
const DATE = '2026-11-27';

/** The same stores, except that this publisher also sees an excuse the other does not. */
function storesWithExtraExcuse() {
  const excuses = new Proxy(rt.stores.excuses, {
    get(target, prop) {
      if (prop === 'on') {
        return async (date: string) => [
          ...(await target.on(date)),
          {
            excuseId: 'late-entry',
            employeeId: 'demo-003',
            from: DATE,
            to: DATE,
            kind: 'sick' as const,
            createdAt: '2026-11-27T03:00:00.000Z',
            createdBy: 'bkd-admin',
          },
        ];
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...rt.stores, excuses };
}

const read = (key: string) => readFile(join(rt.dataDir, key), 'utf8');

describe('two publishers racing for a day with different content', () => {
  it('gives each a version of its own, whose files match its record, and reads the newest', async () => {
    const [a, b] = await Promise.all([
      publishReport({ ...rt, clock }, DATE),
      publishReport({ ...rt, clock, stores: storesWithExtraExcuse() }, DATE),
    ]);
    expect([a.report.version, b.report.version].sort()).toEqual([1, 2]);
    for (const r of [a, b]) {
      const file = JSON.parse(await read(`reports/${DATE}/v${r.report.version}/report.json`));
      expect(file).toEqual(r.report);
    }
    // Whatever order their writes of the current files landed in, readers get the newest.
    const newest = a.report.version === 2 ? a.report : b.report;
    expect(await publishedReport(rt, DATE)).toEqual(newest);
  });
});
