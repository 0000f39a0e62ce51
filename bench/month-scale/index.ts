// The daily report and the monthly recap at 10,000, 100,000 and 250,000 employees, against the
// store on disk as `npm start` has it (a dynalite server on a LevelDB folder, in this process) and
// the local FilePublisher's folder; every measured job in a process of its own (child.ts).
//   npm run -s bench -- --only=month-scale                 # 10,000, 100,000, 250,000
//   BENCH_MONTH_SIZES=10000 npm run -s bench -- --only=month-scale
// Seeded stores are kept under .bench-cache/ (gitignored) and copied for each run.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startDynalite } from '../../functions/local/dynalite';
import { runNode } from '../child';
import { SMOKE } from '../harness';
import type { Section } from '../output';
import { CACHE, parseSize, seededStore, workingCopy } from './cache';
import { MONTH, TABLE, workdays } from './seed-disk';
import { sections } from './tables';

const MB = 1024 * 1024;
/** Roster sizes, each with the workdays seeded and published ("250000:5": the first 5 of 22). */
const SIZES = (SMOKE ? '200:3' : (process.env.BENCH_MONTH_SIZES ?? '10000,100000,250000:5'))
  .split(',')
  .map(parseSize);
/** At most this many of the seeded days are published before the recap (all by default). */
const PUBLISH_CAP = Number(process.env.BENCH_MONTH_PUBLISH ?? 99);
/** The recap's answers to measure, each in its own process. */
const FORMATS = (process.env.BENCH_MONTH_FORMATS ?? 'json,csv,xlsx,unit').split(',');
/** The xlsx answer only up to this roster (exceljs at 250,000 rows takes many minutes here). */
const XLSX_MAX = Number(process.env.BENCH_MONTH_XLSX_MAX ?? Number.POSITIVE_INFINITY);
const SLOPE = process.env.BENCH_MONTH_SLOPE === '1';
/** BENCH_MONTH_PENDING=0 leaves out the recap of a month in progress (two days built live). */
const PENDING = process.env.BENCH_MONTH_PENDING !== '0';
const LIMIT_MS = 90 * 60_000;

export interface ChildRun {
  readonly wallMs: number;
  readonly bodyMs: number;
  readonly body: number;
  readonly recapRows: number;
  readonly pending: string[];
  readonly published: string[];
  readonly days: { date: string; ms: number; version: number; bytes: Record<string, number> }[];
  readonly baseRss: number;
  readonly peakRss: number;
  readonly peakHeap: number;
  readonly consumedRead: number;
  readonly minimumRead: number;
  readonly bytesRead: number;
  readonly requests: Record<string, number>;
}

async function child(endpoint: string, files: string, env: Record<string, string>) {
  const { result } = await runNode(['--import', 'tsx', resolve('bench/month-scale/child.ts')], {
    env: {
      ...process.env,
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: TABLE,
      FILES_DIR: files,
      MONTH,
      ...env,
    },
    marker: 'MONTH_RESULT ',
    limitMs: LIMIT_MS,
    what: `month-scale ${JSON.stringify(env)}`,
  });
  const r = JSON.parse(result) as ChildRun;
  process.stderr.write(
    `[bench] ${JSON.stringify(env).slice(0, 120)}: ${(r.wallMs / 1000).toFixed(1)} s, RSS ${(r.peakRss / MB).toFixed(0)} MB, reads ${r.consumedRead.toFixed(0)}/${r.minimumRead.toFixed(0)} ${JSON.stringify(r.requests)}\n`,
  );
  return r;
}

export interface SizeRuns {
  readonly size: number;
  readonly seed: { ms: number; items: number; levelEntries: number; reused: boolean };
  readonly pending2: ChildRun | null;
  readonly day1: ChildRun;
  readonly rest: ChildRun | null;
  readonly recaps: Record<string, ChildRun>;
}

/** Everything for one roster size: seed (or reuse), then each job in its own process. */
export async function runSize(size: number, seededDays: number): Promise<SizeRuns> {
  const pristine = await seededStore(size, seededDays);
  const work = join(CACHE, 'work', String(size));
  const files = join(work, 'files');
  await rm(work, { recursive: true, force: true });
  await mkdir(files, { recursive: true });
  const copied = performance.now();
  const path = await workingCopy(pristine.path, join(work, 'dynamodb'));
  process.stderr.write(
    `[bench] month-scale ${size}: store ${pristine.reused ? 'reused' : 'seeded'}, copied in ${((performance.now() - copied) / 1000).toFixed(1)} s\n`,
  );
  const dynamo = await startDynalite({ path });
  try {
    const days = workdays().slice(0, Math.min(seededDays, PUBLISH_CAP));
    const first = days[0]!;
    // The recap of a month in progress, its first two days not yet published: built live.
    const pending2 = PENDING
      ? await child(dynamo.endpoint, files, {
          MODE: 'recap',
          FORMAT: 'json',
          RECAP_NOW: `${workdays()[1]}T23:00:00.000Z`,
        })
      : null;
    // (a) The daily report as the report function publishes it (its manual run).
    const day1 = await child(dynamo.endpoint, files, { MODE: 'publish', DATES: first });
    // The month's other days, one process for all of them (each day's figures are in it).
    const rest =
      days.length > 1
        ? await child(dynamo.endpoint, files, { MODE: 'publish', DATES: days.slice(1).join(',') })
        : null;
    // (b) The month's recap as GET /v1/recaps/{month} answers it, once the days are published.
    // 23:00 in Jakarta on the last published day: every day counted is published (a full month
    // ends on Friday the 30th; the weekend after counts nothing).
    const now = `${days.at(-1)!}T16:00:00.000Z`;
    const recaps: Record<string, ChildRun> = {};
    const ANSWERS: Record<string, Record<string, string>> = {
      json: { FORMAT: 'json' },
      csv: { FORMAT: 'csv' },
      xlsx: { FORMAT: 'xlsx' },
      unit: { FORMAT: 'json', UNIT: 'Dinas Pendidikan' },
    };
    for (const name of FORMATS) {
      if (name === 'xlsx' && size > XLSX_MAX) continue;
      const env = ANSWERS[name];
      if (!env)
        throw new Error(`unknown recap answer ${name}; choose from ${Object.keys(ANSWERS)}`);
      recaps[name === 'unit' ? 'json, one unit' : name] = await child(dynamo.endpoint, files, {
        MODE: 'recap',
        RECAP_NOW: now,
        ...env,
      });
    }
    // The same recap over the first published day alone: with the full one, what a day adds
    // (to extrapolate a month from fewer days). With BENCH_MONTH_SLOPE=1.
    if (SLOPE && days.length > 1) {
      recaps['json, first day only'] = await child(dynamo.endpoint, files, {
        MODE: 'recap',
        RECAP_NOW: `${first}T16:00:00.000Z`,
        FORMAT: 'json',
      });
    }
    return {
      size,
      seed: {
        ms: pristine.seeded.ms,
        items: pristine.seeded.items,
        levelEntries: pristine.seeded.levelEntries,
        reused: pristine.reused,
      },
      pending2,
      day1,
      rest,
      recaps,
    };
  } finally {
    await dynamo.close();
    await rm(work, { recursive: true, force: true });
  }
}

export async function monthScaleBench(): Promise<Section[]> {
  const runs: SizeRuns[] = [];
  for (const { size, days } of SIZES) runs.push(await runSize(size, days));
  return sections(runs);
}
