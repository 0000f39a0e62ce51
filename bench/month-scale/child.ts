// One measured job in a process of its own, against the store on disk (a dynalite server on the
// seeded folder, in the parent) and the local FilePublisher's folder, as `npm start` has them:
//   MODE=publish DATES=2026-10-01,…  publishReport per date, as the report function's manual run
//   MODE=recap FORMAT=json|csv|xlsx  monthRecap and the answer's body, as GET /v1/recaps/{month}
// Prints one MONTH_RESULT line. `node --import tsx bench/month-scale/child.ts`
import { createDynamoClients } from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { silentLogger } from '../../functions/adapters/logger';
import { FilePublisher } from '../../functions/adapters/publish/file-publisher';
import { publishReport } from '../../functions/core/publish';
import { monthRecap } from '../../functions/core/recap-days';
import { renderRecapCsv } from '../../functions/core/render/recap-csv';
import { meter } from '../report-scale/capacity';

const env = process.env;
const mode = env.MODE ?? 'publish';
const rollCallId = env.ROLL_CALL ?? 'pagi';
// The local server's client: no abort on a slow answer (dynalite on disk crashes on an aborted read).
const { client, doc } = createDynamoClients({
  endpoint: env.DYNAMODB_ENDPOINT ?? '',
  timeouts: null,
});
const metered = meter(client);
const stores = createStores(doc, env.TABLE_NAME ?? 'apel');
const publisher = new FilePublisher(env.FILES_DIR ?? '', silentLogger);

let peakHeap = process.memoryUsage().heapUsed;
const baseRss = process.memoryUsage().rss;
const sample = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 5);

const days: { date: string; ms: number; version: number; bytes: Record<string, number> }[] = [];
let body = 0;
let bodyMs = 0;
let recapRows = 0;
let pending: string[] = [];
let published: string[] = [];
const started = performance.now();
if (mode === 'publish') {
  for (const date of (env.DATES ?? '').split(',')) {
    const clock = { now: () => new Date(`${date}T23:00:00.000Z`) };
    const t = performance.now();
    const r = await publishReport({ stores, publisher, clock }, date, rollCallId);
    const bytes: Record<string, number> = {};
    for (const f of ['report.json', 'report.csv', 'wall.html']) {
      const key = `reports/${date}/${rollCallId === 'pagi' ? '' : `${rollCallId}/`}v${r.report.version}/${f}`;
      bytes[f] = Buffer.byteLength((await publisher.read(key)) ?? '');
    }
    days.push({ date, ms: performance.now() - t, version: r.report.version, bytes });
  }
} else {
  const clock = { now: () => new Date(env.RECAP_NOW ?? '') };
  const recap = await monthRecap(
    { stores, publisher, clock },
    env.MONTH ?? '',
    rollCallId,
    env.UNIT || undefined,
  );
  const recapMs = performance.now() - started;
  // The answer's body as the route makes it (c.json, renderRecapCsv, renderRecapXlsx).
  const format = env.FORMAT ?? 'json';
  if (format === 'json') body = Buffer.byteLength(JSON.stringify(recap));
  else if (format === 'csv') body = Buffer.byteLength(renderRecapCsv(recap));
  else {
    const { renderRecapXlsx } = await import('../../functions/core/recap-xlsx');
    body = (await renderRecapXlsx(recap)).byteLength;
  }
  bodyMs = performance.now() - started - recapMs;
  recapRows = recap.rows.length;
  pending = recap.pending;
  published = recap.published;
}
const wallMs = performance.now() - started;
clearInterval(sample);
client.destroy();
process.stdout.write(
  `MONTH_RESULT ${JSON.stringify({
    mode,
    wallMs,
    bodyMs,
    body,
    recapRows,
    pending,
    published,
    days,
    baseRss,
    // The kernel's high-water mark of the process's resident set (bytes): the true peak.
    peakRss: process.resourceUsage().maxRSS * 1024,
    peakHeap,
    consumedRead: metered.consumedRead,
    minimumRead: metered.minimumRead,
    bytesRead: metered.bytesRead,
    requests: metered.requests,
  })}\n`,
);
