// A cold start in a fresh `node` process: import a Lambda bundle, hand it one event, report the
// times. Plain JavaScript so that no loader stands between node and the bundle.
// Usage: node driver.mjs BUNDLE.mjs EVENT.json
import { readFileSync } from 'node:fs';

const booted = performance.now(); // since the process started: node's own start-up
const [bundle, eventFile] = process.argv.slice(2);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'bench',
  awsRequestId: 'cold-start',
  getRemainingTimeInMillis: () => 10_000,
};
const t0 = performance.now();
globalThis.benchImportStarted = t0; // for stages-entry.ts
const { handler } = await import(bundle);
const t1 = performance.now();
const result = await handler(event, context);
const t2 = performance.now();
process.stdout.write(
  `\nBENCH_RESULT ${JSON.stringify({ booted, loadMs: t1 - t0, firstMs: t2 - t1, answeredAt: t2, status: result.statusCode })}\n`,
);
