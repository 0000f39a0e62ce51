// A month of attendance for N employees in dynalite's on-disk store (the LevelDB folder `npm start`
// keeps under .data/dynamodb), written straight into LevelDB with dynalite's own key and index
// encoding: through its HTTP API the same items went in at 25–140 a second on this machine
// (hours for 250,000 employees), directly at tens of thousands a second. The items are the ones
// the app's stores write (their own code builds them; a capturing client takes them instead of
// sending), the table and the settings are made through a dynalite server, and every read the
// benchmark measures goes through a dynalite server on this folder, as `npm start`'s does.
import { createRequire } from 'node:module';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { employeeItem } from '../../functions/adapters/dynamo/items';
import { wordItems } from '../../functions/adapters/dynamo/roster-search';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { keys } from '../../functions/adapters/dynamo/table';
import { addDays } from '../../functions/core/calendar';
import type { Checkin, Employee } from '../../functions/core/model';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, DEMO_UNITS } from '../../functions/local/demo';
import { startDynalite } from '../../functions/local/dynalite';
import { prng } from '../../test/support/shapes';
import { localTable } from '../local-table';

export const MONTH = '2026-10'; // 22 workdays: Thursday 1 to Friday 30, no holiday seeded
export const TABLE = 'apel-month';
export const PRESENT = 0.7;
export const LATE_SHARE = 0.15;
export const EXCUSED_OF_ABSENT = 0.1;
export const MARKED_OF_ABSENT = 0.01;

type Item = Record<string, unknown>;
const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false };

/** The workdays of MONTH (Monday to Friday, as DEFAULT_SETTINGS has them). */
export function workdays(month = MONTH): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 5) out.push(d);
  }
  return out;
}

export function rosterOf(size: number): Employee[] {
  return Array.from({ length: size }, (_, i) => ({
    employeeId: `nip-${String(i + 1).padStart(7, '0')}`,
    name: `Pegawai ${i + 1}`,
    unit: DEMO_UNITS[i % DEMO_UNITS.length] as string,
    siteIds: [DEMO_SITE.siteId],
    active: true,
  }));
}

/** The app's stores over a client that keeps what they would send (puts only) instead. */
function capturingStores() {
  let captured: Item[] = [];
  const doc = {
    send: async (cmd: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = cmd.constructor.name;
      const input = cmd.input as {
        Item?: Item;
        RequestItems?: Record<string, { PutRequest?: { Item: Item } }[]>;
      };
      if (name === 'PutCommand' && input.Item) captured.push(input.Item);
      else if (name === 'BatchWriteCommand') {
        for (const reqs of Object.values(input.RequestItems ?? {}))
          for (const r of reqs) if (r.PutRequest) captured.push(r.PutRequest.Item);
      } else throw new Error(`the seeder does not send ${name}`);
      return { UnprocessedItems: {} };
    },
  } as unknown as DynamoDBDocumentClient;
  return {
    stores: createStores(doc, TABLE),
    take(): Item[] {
      const out = captured;
      captured = [];
      return out;
    },
  };
}

interface DynaliteTable {
  TableName: string;
  GlobalSecondaryIndexes?: { IndexName: string }[];
}
interface DynaliteDb {
  create(o: { path: string }): {
    db: { batch(ops: unknown[]): Promise<void>; close(cb: (e?: Error) => void): void };
    getTable(name: string, cb: (err: Error | null, table: DynaliteTable) => void): void;
  };
  createKey(item: unknown, table: DynaliteTable): string;
  getIndexActions(
    indexes: unknown[],
    existing: null,
    item: unknown,
    table: DynaliteTable,
  ): { puts: { index: string; key: string; item: unknown }[] };
}

export interface MonthSeeded {
  readonly employees: number;
  readonly days: number;
  readonly items: number;
  readonly levelEntries: number;
  readonly ms: number;
  readonly perDay: { date: string; present: number; excused: number; marked: number }[];
}

/**
 * Seed the table, the roster and the check-ins, excuses and marks of the month's first `days`
 * workdays (all 22 by default) under `path`.
 */
export async function seedMonth(path: string, size: number, days = 22): Promise<MonthSeeded> {
  const started = performance.now();
  // The table, the settings and the ground through a dynalite server, as any deployment has them.
  const server = await startDynalite({ path });
  const { client, stores } = await localTable(server.endpoint, TABLE);
  await stores.settings.bootstrap(DEFAULT_SETTINGS, new Date('2026-01-01T00:00:00Z'));
  await stores.sites.put(DEMO_SITE);
  client.destroy();
  await server.close();

  const dyn = createRequire(import.meta.url)('dynalite/db/index.js') as DynaliteDb;
  const store = dyn.create({ path });
  const table = await new Promise<DynaliteTable>((ok, fail) =>
    store.getTable(TABLE, (err, t) => (err ? fail(err) : ok(t))),
  );
  let items = 0;
  let levelEntries = 0;
  let ops: { type: 'put'; key: string; value: unknown }[] = [];
  const flush = async () => {
    if (ops.length) await store.db.batch(ops);
    ops = [];
  };
  const write = async (batch: Item[]) => {
    for (const doc of batch) {
      const item = marshall(doc, MARSHALL);
      ops.push({ type: 'put', key: `item-${TABLE}~${dyn.createKey(item, table)}`, value: item });
      for (const a of dyn.getIndexActions(table.GlobalSecondaryIndexes ?? [], null, item, table)
        .puts) {
        ops.push({
          type: 'put',
          key: `index-global~${TABLE}~${a.index}~${a.key}`,
          value: a.item,
        });
      }
      items++;
      if (ops.length >= 5000) {
        levelEntries += ops.length;
        await flush();
      }
    }
    levelEntries += ops.length;
    await flush();
  };
  const tick = (what: string) =>
    process.stderr.write(
      `\r[bench] seeding ${size.toLocaleString('en-US')} on disk: ${what}, ${items.toLocaleString('en-US')} items in ${((performance.now() - started) / 1000).toFixed(0)} s   `,
    );

  const cap = capturingStores();
  const roster = rosterOf(size);
  for (let i = 0; i < roster.length; i += 5000) {
    await cap.stores.table.batchPut(
      roster.slice(i, i + 5000).flatMap((e) => [employeeItem(e), ...wordItems(e)]),
    );
    await write(cap.take());
    tick('roster');
  }
  const rnd = prng(size);
  const perDay: MonthSeeded['perDay'] = [];
  let excuseNo = 0;
  for (const date of workdays().slice(0, days)) {
    const checkins: Item[] = [];
    let present = 0;
    let excused = 0;
    let marked = 0;
    for (const e of roster) {
      if (rnd() < PRESENT) {
        present++;
        const late = rnd() < LATE_SHARE;
        // Jakarta is UTC+7: on time 07:00–07:29, late 07:31–07:59 (startsAt 07:30).
        const minute = late ? 31 + Math.floor(rnd() * 29) : Math.floor(rnd() * 30);
        const at = `${date}T00:${String(minute).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}.000Z`;
        const c: Checkin = {
          employeeId: e.employeeId,
          date,
          status: late ? 'late' : 'on_time',
          siteId: DEMO_SITE.siteId,
          distanceToEdgeM: Math.round(rnd() * 400) / 10,
          accuracyM: 5 + Math.round(rnd() * 20),
          flags: [],
          capturedAt: at,
          receivedAt: at.replace('.000Z', '.412Z'),
        };
        checkins.push({
          ...keys.checkin(c.employeeId, c.date),
          ...keys.dayIndex(c.employeeId, c.date),
          type: 'checkin',
          ...c,
        });
      } else if (rnd() < EXCUSED_OF_ABSENT) {
        excused++;
        await cap.stores.excuses.put({
          excuseId: `x-${++excuseNo}`,
          employeeId: e.employeeId,
          from: date,
          to: date,
          kind: (['leave', 'sick', 'duty', 'permit'] as const)[excuseNo % 4]!,
          createdAt: `${date}T00:00:00.000Z`,
          createdBy: 'bkd-admin',
        });
      } else if (rnd() < MARKED_OF_ABSENT) {
        marked++;
        await cap.stores.marks.put({
          employeeId: e.employeeId,
          date,
          rollCallId: 'pagi',
          status: 'on_time',
          at: '07:20',
          reason: 'HP mati; hadir di apel (dilihat petugas)',
          method: 'manual',
          by: 'nip-0000001',
          markedAt: `${date}T01:10:00.000Z`,
        });
      }
      if (checkins.length >= 5000) {
        await write(checkins.splice(0));
        tick(date);
      }
    }
    await write([...checkins, ...cap.take()]);
    tick(date);
    perDay.push({ date, present, excused, marked });
  }
  process.stderr.write('\n');
  await new Promise<void>((ok, fail) => store.db.close((e) => (e ? fail(e) : ok())));
  return { employees: size, days, items, levelEntries, ms: performance.now() - started, perDay };
}
