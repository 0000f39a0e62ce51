import { employeeItem } from '../../functions/adapters/dynamo/items';
import { wordItems } from '../../functions/adapters/dynamo/roster-search';
import type { DynamoStores } from '../../functions/adapters/dynamo/stores';
import { keys } from '../../functions/adapters/dynamo/table';
import type { Checkin, Employee, Excuse } from '../../functions/core/model';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, DEMO_UNITS } from '../../functions/local/demo';
import { prng } from '../../test/support/shapes';

export const REPORT_DATE = '2026-11-27'; // a Friday
const PRESENT = 0.7;
const LATE_SHARE = 0.15;
const EXCUSED_OF_ABSENT = 0.1;
const CHUNK = 500;

/** A progress bar on stderr, so that a long seeding shows it is alive; stdout stays the table. */
function progress(label: string, total: number) {
  const started = performance.now();
  let done = 0;
  let drawn = -1;
  return {
    add(n: number) {
      done += n;
      const pct = Math.floor((done / total) * 100);
      if (pct === drawn && done < total) return;
      drawn = pct;
      const width = 30;
      const bar = '#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.');
      const rate = done / ((performance.now() - started) / 1000);
      process.stderr.write(
        `\r[bench] ${label} [${bar}] ${pct}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.round(rate).toLocaleString('en-US')}/s)${done >= total ? '\n' : ''}`,
      );
    },
  };
}

/** Run jobs over chunks, a few at a time. */
async function inChunks<T>(
  xs: readonly T[],
  write: (part: T[]) => Promise<void>,
  tick: (n: number) => void,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < xs.length) {
        const part = xs.slice(next, next + CHUNK);
        next += CHUNK;
        await write(part);
        tick(part.length);
      }
    }),
  );
}

export interface Seeded {
  readonly items: number;
  readonly ms: number;
  readonly present: number;
  readonly excused: number;
}

/**
 * A roster of `size` on the demo ground over the city's units, 70 % checked in on REPORT_DATE
 * (15 % of them late), a tenth of the rest excused. Written with BatchWriteItem.
 */
export async function seed(stores: DynamoStores, size: number): Promise<Seeded> {
  const started = performance.now();
  const rnd = prng(size);
  // A deployment that began well before the day it reports (no report exists before its first day).
  await stores.settings.bootstrap(DEFAULT_SETTINGS, new Date('2026-01-01T00:00:00Z'));
  await stores.sites.put(DEMO_SITE);
  const roster: Employee[] = Array.from({ length: size }, (_, i) => ({
    employeeId: `nip-${String(i + 1).padStart(7, '0')}`,
    name: `Pegawai ${i + 1}`,
    unit: DEMO_UNITS[i % DEMO_UNITS.length] as string,
    siteIds: [DEMO_SITE.siteId],
    active: true,
  }));
  const present = roster.filter(() => rnd() < PRESENT);
  const presentIds = new Set(present.map((e) => e.employeeId));
  const checkinItems = present.map((e) => {
    const late = rnd() < LATE_SHARE;
    const c: Checkin = {
      employeeId: e.employeeId,
      date: REPORT_DATE,
      status: late ? 'late' : 'on_time',
      siteId: DEMO_SITE.siteId,
      distanceToEdgeM: Math.round(rnd() * 400) / 10,
      accuracyM: 5 + Math.round(rnd() * 20),
      flags: [],
      capturedAt: `${REPORT_DATE}T00:${late ? '4' : '1'}${Math.floor(rnd() * 10)}:00.000Z`,
      receivedAt: `${REPORT_DATE}T00:${late ? '4' : '1'}${Math.floor(rnd() * 10)}:00.412Z`,
    };
    return {
      ...keys.checkin(c.employeeId, c.date),
      ...keys.dayIndex(c.employeeId, c.date),
      type: 'checkin',
      ...c,
    };
  });
  const excuses: Excuse[] = roster
    .filter((e) => !presentIds.has(e.employeeId) && rnd() < EXCUSED_OF_ABSENT)
    .map((e, i) => ({
      excuseId: `x-${i}`,
      employeeId: e.employeeId,
      from: REPORT_DATE,
      to: REPORT_DATE,
      kind: (['leave', 'sick', 'duty', 'permit'] as const)[i % 4]!,
      createdAt: `${REPORT_DATE}T00:00:00.000Z`,
      createdBy: 'bkd-admin',
    }));
  const bar = progress(
    `seeding ${size.toLocaleString('en-US')}`,
    roster.length + checkinItems.length + excuses.length,
  );
  // The items the roster store writes for a new employee (its profile and search words), but 25
  // to a BatchWriteItem: the store's putMany sends one PutItem per item (the API's role may not
  // batch-write), and with the word items that made seeding ~10× slower than the batches here.
  let words = 0;
  await inChunks(
    roster,
    (p) => {
      const items = p.flatMap((e) => [employeeItem(e), ...wordItems(e)]);
      words += items.length - p.length;
      return stores.table.batchPut(items);
    },
    bar.add,
  );
  await inChunks(checkinItems, (p) => stores.table.batchPut(p), bar.add);
  await inChunks(
    excuses,
    async (p) => {
      for (const x of p) await stores.excuses.put(x);
    },
    bar.add,
  );
  return {
    items: roster.length + words + checkinItems.length + excuses.length * 2,
    ms: performance.now() - started,
    present: present.length,
    excused: excuses.length,
  };
}
