// One daily-report run in a process of its own, as the daily-report Lambda makes it: build the
// day's report from the table, render it, "publish" it (files counted, not stored), with every
// DynamoDB request metered. Run as `node --import tsx bench/report-scale/report-child.ts`;
// prints one REPORT_RESULT line.
import { createDynamoClients } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import type { ReportFile, ReportPublisher } from '../../functions/core/ports';
import { publishReport } from '../../functions/core/publish';
import { meter } from './capacity';

const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
const tableName = process.env.TABLE_NAME ?? 'apel';
const date = process.env.REPORT_DATE ?? '';
const now = new Date(process.env.REPORT_NOW ?? '');

// As the daily-report Lambda makes it: the same factory, the same timeouts.
const { client, doc } = createDynamoClients({ endpoint });
const metered = meter(client);
const files: { key: string; bytes: number }[] = [];
const publisher: ReportPublisher = {
  write: async (fs: readonly ReportFile[]) => {
    for (const f of fs) files.push({ key: f.key, bytes: Buffer.byteLength(f.body) });
  },
  read: async () => null,
  notify: async () => {},
};

let peakRss = process.memoryUsage().rss;
let peakHeap = process.memoryUsage().heapUsed;
const baseRss = peakRss;
const baseHeap = peakHeap;
const sample = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 5);

const started = performance.now();
const r = await publishReport(
  { stores: createStores(doc, tableName), publisher, clock: { now: () => now } },
  date,
);
const wallMs = performance.now() - started;
clearInterval(sample);
const m = process.memoryUsage();
peakRss = Math.max(peakRss, m.rss);
peakHeap = Math.max(peakHeap, m.heapUsed);
client.destroy();
process.stdout.write(
  `REPORT_RESULT ${JSON.stringify({
    wallMs,
    baseRss,
    peakRss,
    baseHeap,
    peakHeap,
    totals: r.report.totals,
    ...metered,
    files,
  })}\n`,
);
