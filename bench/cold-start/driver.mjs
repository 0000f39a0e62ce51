// A cold start in a fresh `node` process: import a Lambda bundle, hand it one event, report the
// times. Plain JavaScript so that no loader stands between node and the bundle.
// Usage: node driver.mjs BUNDLE.mjs EVENT.json
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const booted = performance.now(); // since the process started: node's own start-up
let dynamoRequests = 0;
subscribe('http.client.request.start', ({ request }) => {
  if (request.getHeader('x-amz-target')) dynamoRequests++;
});
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
// A CommonJS bundle is required, as the Lambda runtime loads one; an ES module is imported.
const { handler } = bundle.endsWith('.cjs')
  ? createRequire(import.meta.url)(bundle)
  : await import(bundle);
const t1 = performance.now();
const result = await handler(event, context);
const t2 = performance.now();
process.stdout.write(
  `\nBENCH_RESULT ${JSON.stringify({ booted, loadMs: t1 - t0, firstMs: t2 - t1, answeredAt: t2, status: result.statusCode, dynamoRequests })}\n`,
);
