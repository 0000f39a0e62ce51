import { describe, expect, it } from 'vitest';
import type { Checkin, Employee } from '../../functions/core/model';
import type { ReportPublisher } from '../../functions/core/ports';
import { buildMonthRecap, type RecapSources } from '../../functions/core/recap-days';
import { defaultPagi } from '../../functions/core/rollcalls';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { NOVEMBER } from '../support/recap-month';

const HOLIDAY = '2026-11-10'; // a Tuesday
const roster: Employee[] = ['e1', 'e2'].map((id) => ({
  employeeId: id,
  name: `Pegawai ${id}`,
  unit: 'Dinas Kesehatan',
  siteIds: ['a'],
  active: true,
}));
const came = (date: string): Checkin => ({
  employeeId: 'e1',
  date,
  status: 'on_time',
  siteId: 'a',
  distanceToEdgeM: 5,
  accuracyM: 5,
  flags: [],
  capturedAt: `${date}T00:10:00.000Z`,
  receivedAt: `${date}T00:10:00.000Z`,
});

/** The report's sources for November with nothing published, counting the day reads. */
function sources() {
  const read: string[] = [];
  let rosterReads = 0;
  const rules = { settings: DEFAULT_SETTINGS, rollCalls: [defaultPagi(DEFAULT_SETTINGS)] };
  const stores = {
    settings: {
      getSettings: async () => DEFAULT_SETTINGS,
      settingsOn: async () => ({ ...rules, firstDay: '2026-01-01' }),
    },
    holidays: {
      get: async (d: string) => (d === HOLIDAY ? { date: d, name: 'Libur daerah' } : null),
    },
    roster: {
      all: async () => {
        rosterReads++;
        return roster.map((e) => ({ ...e }));
      },
    },
    checkins: {
      checkinsOn: async (d: string) => {
        read.push(d);
        return [came(d)];
      },
    },
    excuses: { on: async () => [] },
    marks: { on: async () => [] },
    publications: { newest: async () => null },
    monthLocks: { get: async () => null },
  } as unknown as RecapSources;
  const publisher = { read: async () => null } as unknown as ReportPublisher;
  return { stores, publisher, read, rosterReads: () => rosterReads };
}

describe('the month recap reads only the days the roll call is held', () => {
  it('builds no report for a weekend or a holiday, and counts the same', async () => {
    const s = sources();
    const recap = await buildMonthRecap(
      {
        stores: s.stores,
        publisher: s.publisher,
        clock: { now: () => new Date('2026-12-01T03:00:00Z') },
      },
      '2026-11',
    );
    const held = NOVEMBER.filter((d) => d !== HOLIDAY);
    // One read of the roster for the month, one per day built: none for the 9 days off.
    expect(s.read).toEqual(held);
    expect(s.rosterReads()).toBe(1 + held.length);
    expect(recap.pending).toEqual(held);
    const e1 = recap.rows.find((r) => r.employeeId === 'e1');
    const e2 = recap.rows.find((r) => r.employeeId === 'e2');
    expect(e1).toMatchObject({ expected: held.length, onTime: held.length, absent: 0 });
    expect(e2).toMatchObject({ expected: held.length, onTime: 0, absent: held.length });
    expect(recap.totals.expected).toBe(2 * held.length);
  });
});
