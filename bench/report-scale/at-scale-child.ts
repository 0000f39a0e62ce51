// One daily report in a process of its own, as the report function makes it, against the store
// on disk (dynalite, as `npm start` has it) and writing its files under a folder (the local
// FilePublisher): publishReport, then the API's job for a live report (core/report-jobs.ts).
// Run as `node --import tsx bench/report-scale/at-scale-child.ts`; prints one SCALE_RESULT line.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { FilePublisher } from '../../functions/adapters/publish/file-publisher';
import { publishReport } from '../../functions/core/publish';
import { runJob } from '../../functions/core/report-jobs';
import { meter } from './capacity';

const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
const tableName = process.env.TABLE_NAME ?? 'apel';
const date = process.env.REPORT_DATE ?? '';
const now = new Date(process.env.REPORT_NOW ?? '');
const filesDir = process.env.FILES_DIR ?? '';

// The local server's client (no abort on a slow answer: dynalite on disk crashes on an aborted read).
const { client, doc } = createDynamoClients({ endpoint, timeouts: null });
const metered = meter(client);
const deps = {
  stores: createStores(doc, tableName),
  publisher: new FilePublisher(filesDir, silentLogger),
  clock: { now: () => now },
};

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const baseRss = peakRss;
const sample = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);

const started = performance.now();
const r = await publishReport(deps, date);
const publishMs = performance.now() - started;
const publishPeakRss = peakRss;
const read = { consumedRead: metered.consumedRead, minimumRead: metered.minimumRead };
const liveStarted = performance.now();
const live = await runJob(deps, { kind: 'live', date, rollCallId: 'pagi' });
const liveMs = performance.now() - liveStarted;
clearInterval(sample);
client.destroy();

async function files(dir: string): Promise<{ key: string; bytes: number }[]> {
  const out: { key: string; bytes: number }[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push({ key: p.slice(filesDir.length + 1), bytes: (await stat(p)).size });
  }
  return out;
}

process.stdout.write(
  `SCALE_RESULT ${JSON.stringify({
    publishMs,
    liveMs,
    liveStatus: live.status,
    baseRss,
    publishPeakRss,
    peakRss,
    peakHeap,
    totals: r.report.totals,
    ...read,
    requests: metered.requests,
    files: await files(join(filesDir, 'reports')),
  })}\n`,
);
