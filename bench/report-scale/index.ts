import { resolve } from 'node:path';
import { startDynalite } from '../../functions/local/dynalite';
import { runNode } from '../child';
import { SMOKE } from '../harness';
import { localTable } from '../local-table';
import { measured } from '../measured';
import { int, kb, ms, ratio, type Section, verdict } from '../output';
import { REPORT_DATE, seed } from './seed';

const SIZES = SMOKE ? [300] : [10_000, 100_000];
const TABLE = 'apel-report';
const CHILD_LIMIT_MS = 10 * 60_000;
const GOAL_RATIO = 1.2;
const MB = 1024 * 1024;

export interface ReportRun {
  readonly wallMs: number;
  readonly baseRss: number;
  readonly peakRss: number;
  readonly baseHeap: number;
  readonly peakHeap: number;
  readonly totals: {
    expected: number;
    present: number;
    late: number;
    excused: number;
    absent: number;
  };
  readonly requests: Record<string, number>;
  readonly consumedRead: number;
  readonly consumedWrite: number;
  readonly bytesRead: number;
  readonly minimumRead: number;
  readonly files: { key: string; bytes: number }[];
}

/** The daily report in a process of its own (report-child.ts), against the seeded dynalite. */
async function reportRun(endpoint: string): Promise<ReportRun> {
  const { result } = await runNode(
    ['--import', 'tsx', resolve('bench/report-scale/report-child.ts')],
    {
      env: {
        ...process.env,
        DYNAMODB_ENDPOINT: endpoint,
        TABLE_NAME: TABLE,
        REPORT_DATE,
        // The morning after: the day's window has closed, so the report may be published.
        REPORT_NOW: `${REPORT_DATE}T23:00:00.000Z`,
      },
      marker: 'REPORT_RESULT ',
      limitMs: CHILD_LIMIT_MS,
      what: 'report run',
    },
  );
  return JSON.parse(result);
}

export async function reportScaleBench(): Promise<Section[]> {
  const rows: string[][] = [];
  const runs: { size: number; run: ReportRun }[] = [];
  for (const size of SIZES) {
    const dynamo = await startDynalite();
    try {
      const { client, stores } = await localTable(dynamo.endpoint, TABLE);
      const seeded = await seed(stores, size);
      client.destroy();
      process.stderr.write(`[bench] report at ${size.toLocaleString('en-US')}: running\n`);
      const run = await reportRun(dynamo.endpoint);
      runs.push({ size, run });
      measured.reports = [
        ...(measured.reports ?? []),
        {
          employees: size,
          wallMs: run.wallMs,
          readUnits: run.consumedRead,
          writeUnits: run.consumedWrite,
          files: run.files.length,
          fileBytes: run.files.reduce((a, f) => a + f.bytes, 0),
          peakRssMb: run.peakRss / MB,
        },
      ];
      const t = run.totals;
      if (t.expected !== size || t.present + t.late !== seeded.present) {
        throw new Error(`report totals ${JSON.stringify(t)} do not match the seeded day`);
      }
      const reqs = Object.entries(run.requests)
        .sort()
        .map(([op, n]) => `${op} ${n}`)
        .join(', ');
      const scans = run.requests.Scan ?? 0;
      const r = run.consumedRead / run.minimumRead;
      rows.push([
        size.toLocaleString('en-US'),
        `${int(seeded.items)} items in ${ms(seeded.ms)}`,
        ms(run.wallMs),
        `${((run.peakRss - run.baseRss) / MB).toFixed(0)} MB (RSS ${(run.peakRss / MB).toFixed(0)} MB)`,
        `${(run.peakHeap / MB).toFixed(0)} MB`,
        `${reqs}; Scan ${scans}`,
        run.consumedRead.toFixed(1),
        run.minimumRead.toFixed(1),
        ratio(r),
        `≤ ${GOAL_RATIO}× and no Scan: ${verdict(r <= GOAL_RATIO && scans === 0)}`,
        run.consumedWrite.toFixed(0),
        kb(run.files.reduce((a, f) => a + f.bytes, 0)),
      ]);
    } finally {
      await dynamo.close();
    }
  }
  return [
    {
      title: 'The daily report at scale: one run against a seeded table',
      columns: [
        'roster',
        'seeded (BatchWriteItem)',
        'report wall time',
        'peak memory above start',
        'peak JS heap',
        'DynamoDB requests',
        'read units consumed',
        'read units implied by item sizes',
        'consumed ÷ implied',
        'goal',
        'write units consumed',
        'files written',
      ],
      rows,
      notes: [
        `Each roster over the ten demo units, all on the demo ground; 70 % checked in on ${REPORT_DATE} (15 % of those late), a tenth of the rest excused. A fresh dynalite per size, in the bench process; the report runs in a process of its own (bench/report-scale/report-child.ts), as the daily-report function does: publishReport — read, build, render JSON/CSV/HTML, record the publication — with the files counted, not stored.`,
        'Every request carries ReturnConsumedCapacity: TOTAL (SDK middleware on the client); "implied by item sizes" = Σ size of every item read ÷ 4 KB × ½ (eventually consistent) or × 1 (consistent), without any rounding: the least any read plan could pay. dynalite computes capacity as DynamoDB does (4 KB units, per item for GetItem, per 1 MB page for Query).',
        'Memory: process.memoryUsage() sampled every 5 ms in the report process; the start is after its modules are loaded. The report function is configured with 1,024 MB (infra/constructs/report.ts).',
      ],
    },
  ];
}
