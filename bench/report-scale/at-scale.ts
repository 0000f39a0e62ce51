// The daily report at 10,000, 100,000 and 250,000 employees against a store on disk (dynalite
// with a path, as `npm start` has it), the report in a process of its own (at-scale-child.ts).
// `node_modules/.bin/tsx bench/report-scale/at-scale.ts 10000 100000 250000`
// Prints one Markdown row per size (BENCHMARKS.md, "Reports at 250,000").
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDynalite } from '../../functions/local/dynalite';
import { runNode } from '../child';
import { localTable } from '../local-table';
import { REPORT_DATE, seed } from './seed';

const MB = 1024 * 1024;
const LAMBDA_RESPONSE_LIMIT = 6 * MB;
const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
// `--memory`: dynalite in memory (seeding on disk runs at ~25–140 items/s on this machine).
const onDisk = !process.argv.includes('--memory');
for (const size of sizes.length ? sizes : [10_000]) {
  const dir = await mkdtemp(join(tmpdir(), 'apel-scale-'));
  const dynamo = await startDynalite(onDisk ? { path: join(dir, 'dynamo') } : {});
  try {
    const { client, stores } = await localTable(dynamo.endpoint, 'apel-scale');
    const seeded = await seed(stores, size);
    client.destroy();
    const { result } = await runNode(
      ['--import', 'tsx', resolve('bench/report-scale/at-scale-child.ts')],
      {
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: dynamo.endpoint,
          TABLE_NAME: 'apel-scale',
          REPORT_DATE,
          REPORT_NOW: `${REPORT_DATE}T23:00:00.000Z`,
          FILES_DIR: join(dir, 'files'),
        },
        marker: 'SCALE_RESULT ',
        limitMs: 30 * 60_000,
        what: 'report at scale',
      },
    );
    const r = JSON.parse(result);
    if (r.totals.expected !== size || r.totals.present + r.totals.late !== seeded.present) {
      throw new Error(`totals ${JSON.stringify(r.totals)} do not match the seeded day`);
    }
    const files: { key: string; bytes: number }[] = r.files;
    const size_ = (k: string) => files.find((f) => f.key === k)?.bytes ?? 0;
    const v1 = (f: string) => size_(`reports/${REPORT_DATE}/v1/${f}`);
    // What the API answers on AWS: a 302 for JSON and CSV (no body), the wall page itself.
    const apiLargest = Math.max(v1('id/wall.html'), v1('en/wall.html'));
    const row = [
      `${size.toLocaleString('en-US')} (${onDisk ? 'disk' : 'memory'})`,
      `${(seeded.ms / 1000).toFixed(0)} s`,
      `${(r.publishMs / 1000).toFixed(1)} s`,
      `${(r.liveMs / 1000).toFixed(1)} s (${r.liveStatus})`,
      `${(r.publishPeakRss / MB).toFixed(0)} MB / ${(r.peakRss / MB).toFixed(0)} MB`,
      `${(r.peakHeap / MB).toFixed(0)} MB`,
      `${r.consumedRead.toFixed(0)} / ${r.minimumRead.toFixed(0)} (${(r.consumedRead / r.minimumRead).toFixed(2)}×)`,
      `JSON ${(v1('report.json') / MB).toFixed(1)} MB, CSV ${(v1('report.csv') / MB).toFixed(1)} MB, wall ${(v1('wall.html') / MB).toFixed(1)} MB`,
      `${(apiLargest / MB).toFixed(2)} MB (${apiLargest < LAMBDA_RESPONSE_LIMIT ? 'under' : 'OVER'} 6 MB)`,
    ];
    process.stdout.write(`| ${row.join(' | ')} |\n`);
    process.stderr.write(`[bench] requests ${JSON.stringify(r.requests)}\n`);
  } finally {
    await dynamo.close();
    await rm(dir, { recursive: true, force: true });
  }
}
