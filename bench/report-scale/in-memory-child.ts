// The daily report's own work at 100,000 and 250,000 without a DynamoDB server: the seeded day
// (seed.ts's shapes) held in this process, publishReport building, rendering and writing the
// files under a folder. Seeding dynalite at that size runs at ~25–70 items/s on this shared
// machine (hours); this measures the build, the render and the files, not the reads.
// `node --import tsx bench/report-scale/in-memory-child.ts 250000`
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../functions/adapters/logger';
import { FilePublisher } from '../../functions/adapters/publish/file-publisher';
import type { ReportSources } from '../../functions/core/day-report';
import type { Checkin, Employee, Excuse } from '../../functions/core/model';
import type { Publication, Stores } from '../../functions/core/ports';
import { publishReport } from '../../functions/core/publish';
import { defaultPagi } from '../../functions/core/rollcalls';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE, DEMO_UNITS } from '../../functions/local/demo';
import { prng } from '../../test/support/shapes';
import { REPORT_DATE } from './seed';

const size = Number(process.argv[2] ?? 10_000);
const rnd = prng(size);
const roster: Employee[] = Array.from({ length: size }, (_, i) => ({
  employeeId: `nip-${String(i + 1).padStart(7, '0')}`,
  name: `Pegawai ${i + 1}`,
  unit: DEMO_UNITS[i % DEMO_UNITS.length] as string,
  siteIds: [DEMO_SITE.siteId],
  active: true,
}));
const checkins: Checkin[] = [];
const excuses: Excuse[] = [];
for (const e of roster) {
  if (rnd() < 0.7) {
    const late = rnd() < 0.15;
    checkins.push({
      employeeId: e.employeeId,
      date: REPORT_DATE,
      status: late ? 'late' : 'on_time',
      siteId: DEMO_SITE.siteId,
      distanceToEdgeM: 12.5,
      accuracyM: 9,
      flags: [],
      capturedAt: `${REPORT_DATE}T00:${late ? '4' : '1'}5:00.000Z`,
      receivedAt: `${REPORT_DATE}T00:${late ? '4' : '1'}5:00.412Z`,
    });
  } else if (rnd() < 0.1) {
    excuses.push({
      excuseId: `x-${excuses.length}`,
      employeeId: e.employeeId,
      from: REPORT_DATE,
      to: REPORT_DATE,
      kind: 'leave',
      createdAt: `${REPORT_DATE}T00:00:00.000Z`,
      createdBy: 'bkd-admin',
    });
  }
}
const pubs: Publication[] = [];
// Each read hands out a copy, as a store's unmarshalled page would.
const stores = {
  settings: {
    settingsOn: async () => ({
      settings: DEFAULT_SETTINGS,
      rollCalls: [defaultPagi(DEFAULT_SETTINGS)],
      firstDay: '2026-01-01',
    }),
  },
  holidays: { get: async () => null },
  roster: { all: async () => roster.map((e) => ({ ...e, siteIds: [...e.siteIds] })) },
  checkins: { checkinsOn: async () => checkins.map((c) => ({ ...c, flags: [...c.flags] })) },
  excuses: { on: async () => excuses.map((x) => ({ ...x })) },
  marks: { on: async () => [] },
  audit: { append: async () => {}, search: async () => ({ items: [] }) },
  publications: {
    newest: async () => pubs.at(-1) ?? null,
    record: async (p: Publication) => {
      pubs.push(p);
      return true;
    },
    markNotified: async () => {},
    markListed: async () => {},
    markNewestDate: async () => {},
    newestDate: async () => REPORT_DATE,
  },
} as unknown as ReportSources & Pick<Stores, 'audit'>;
const dir = await mkdtemp(join(tmpdir(), 'apel-mem-'));
global.gc?.();
const base = process.memoryUsage().rss;
let peak = base;
const t = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);
const started = performance.now();
const r = await publishReport(
  {
    stores,
    publisher: new FilePublisher(dir, silentLogger),
    clock: { now: () => new Date(`${REPORT_DATE}T23:00:00Z`) },
  },
  REPORT_DATE,
);
const ms = performance.now() - started;
clearInterval(t);
const v1 = join(dir, 'reports', REPORT_DATE, 'v1');
const sizes = Object.fromEntries(
  await Promise.all(
    ['report.json', 'report.csv', 'wall.html'].map(async (f) => [
      f,
      (await stat(join(v1, f))).size,
    ]),
  ),
);
const MB = 1024 * 1024;
process.stdout.write(
  `| ${size.toLocaleString('en-US')} (in process) | ${(ms / 1000).toFixed(1)} s | ${(base / MB).toFixed(0)} → ${(peak / MB).toFixed(0)} MB (+${((peak - base) / MB).toFixed(0)}) | JSON ${(sizes['report.json'] / MB).toFixed(1)} MB, CSV ${(sizes['report.csv'] / MB).toFixed(1)} MB, wall ${(sizes['wall.html'] / MB).toFixed(1)} MB | ${(await readdir(v1)).length} entries in v1/ | absent ${r.report.totals.absent} |\n`,
);
await rm(dir, { recursive: true, force: true });
