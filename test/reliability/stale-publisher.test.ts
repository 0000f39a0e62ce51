import { afterAll, describe, expect, it } from 'vitest';
import type { AttendanceMark } from '../../functions/core/mark-record';
import { buildDayReport, contentHash, publishReport } from '../../functions/core/publish';
import type { Report } from '../../functions/core/report';
import { reportKey } from '../../functions/core/report-files';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// The race correction-races.test.ts leaves to chance, made to happen: a publisher that read the
// day before a correction was stored must not record a version after one that shows it. Two
// corrections' republishes: A reads the marks (M1 only) and stalls; M2 is stored and B publishes
// it as version 2; then A goes on. Were A's stale content recorded as version 3, the wall would
// lose M2 until A's next round republished it as version 4.

const clock = new FakeClock(new Date('2026-11-27T02:00:00.000Z')); // Friday 09:00 WIB
const rt = await testRuntime(clock, { roster: 6 });
afterAll(() => rt.close());
const DATE = '2026-11-27';
const deps = { stores: rt.stores, publisher: rt.publisher, clock };

const mark = (employeeId: string): AttendanceMark => ({
  employeeId,
  date: DATE,
  rollCallId: 'pagi',
  status: 'on_time',
  reason: 'HP mati, hadir di lapangan',
  method: 'manual',
  by: 'bkd-admin',
  markedAt: clock.now().toISOString(),
});

/** The same stores, except that the first read of the marks waits for `release` once read. */
function stalledAfterMarks() {
  let read!: () => void;
  let release!: () => void;
  const hasRead = new Promise<void>((r) => {
    read = r;
  });
  const released = new Promise<void>((r) => {
    release = r;
  });
  const marks = new Proxy(rt.stores.marks, {
    get(target, prop) {
      if (prop === 'on') {
        return async (date: string, rollCallId: string) => {
          const found = await target.on(date, rollCallId);
          read();
          await released;
          return found;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { stores: { ...rt.stores, marks }, hasRead, release };
}

const marked = (r: Report) => (r.marked ?? []).map((m) => m.employeeId).sort();

describe('a publisher that built the day before a correction', () => {
  it('never records a version after the one that shows the correction', async () => {
    expect((await publishReport(deps, DATE)).report.version).toBe(1);
    await rt.stores.marks.create(mark('demo-001'));
    const stalled = stalledAfterMarks();
    const a = publishReport({ ...deps, stores: stalled.stores }, DATE);
    await stalled.hasRead;
    await rt.stores.marks.create(mark('demo-002'));
    const b = await publishReport(deps, DATE);
    expect([b.changed, b.report.version, marked(b.report)]).toEqual([
      true,
      2,
      ['demo-001', 'demo-002'],
    ]);
    stalled.release();
    const late = await a;

    const newest = await rt.stores.publications.newest(DATE, 'pagi');
    const live = await buildDayReport(rt.stores, DATE, 'pagi');
    expect(newest?.hash).toBe(contentHash(live.content));
    expect(newest?.version).toBe(2);
    expect([late.changed, late.report.version, marked(late.report)]).toEqual([
      false,
      2,
      ['demo-001', 'demo-002'],
    ]);
    const current = JSON.parse((await rt.publisher.read(reportKey(DATE, 'report.json'))) ?? '{}');
    expect([current.version, marked(current)]).toEqual([2, ['demo-001', 'demo-002']]);
  });
});
