// The local server as `npm start` runs it (dynalite in process, Powertools logs on stdout), for
// the load test. Run as `node --import tsx bench/e2e/server.ts` with an IPC channel; it stops
// when the channel closes, or after a time limit, whichever comes first.
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { createLogger } from '../../functions/adapters/logger';
import type { Clock } from '../../functions/core/ports';
import { startLocalRuntime } from '../../functions/local/runtime';
import { settingsOpenNow } from '../../test/support/lambda';
import { meter } from '../report-scale/capacity';
import { checkinItem } from './items';
import type { FromServer, ToServer } from './protocol';

const LIFETIME_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

if (!process.send) throw new Error('bench/e2e/server.ts needs an IPC channel');
const send = (m: FromServer) => process.send?.(m);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Each round of the load test is a new apel date, so that every check-in is a first one.
let dayOffset = 0;
const clock: Clock = { now: () => new Date(Date.now() + dayOffset * DAY_MS) };

// DynamoDB requests the app makes, by operation, counted where they leave the SDK.
const ops = new Map<string, number>();
let lastCpu = process.cpuUsage();
let lastWall = performance.now();
// And when each went out and its answer came back, for the round trips of a lone check-in.
const timed = new Map<ClientRequest, { op: string; startMs: number; endMs?: number }>();
subscribe('http.client.request.start', (m) => {
  const request = (m as { request: ClientRequest }).request;
  const target = request.getHeader('x-amz-target');
  if (typeof target !== 'string') return;
  const op = target.split('.').pop() ?? target;
  ops.set(op, (ops.get(op) ?? 0) + 1);
  timed.set(request, { op, startMs: performance.now() });
});
subscribe('http.client.response.finish', (m) => {
  const t = timed.get((m as { request: ClientRequest }).request);
  if (t) t.endMs = performance.now();
});

const runtime = await startLocalRuntime({
  dataDir: process.env.DATA_DIR ?? '.data',
  persist: false,
  clock,
  logger: createLogger('apel-local'),
});
// The app's requests ask for their consumed capacity, as the cost model needs it.
const capacity = meter(runtime.stores.table.doc);
let lastUnits = { read: 0, write: 0 };
await runtime.stores.settings.putSettings(settingsOpenNow());
// The floor beside the app: a bare Hono route making one conditional PutItem of a check-in item
// through the same SDK setup, without the app (no JWT, no validation, no rules, no logs).
const doc = createDocumentClient({ endpoint: runtime.endpoint, timeouts: null });
let floorN = 0;
const floor = new Hono().post('/floor/put', async (c) => {
  await c.req.json();
  await doc.send(
    new PutCommand({
      TableName: runtime.tableName,
      Item: checkinItem(`floor-${floorN++}`, '2026-11-27'),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return c.json({ ok: true }, 201);
});
const fetch = (req: Request) =>
  new URL(req.url).pathname === '/floor/put' ? floor.fetch(req) : runtime.app.fetch(req);

const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  ops.clear();
  send({
    kind: 'ready',
    url: `http://127.0.0.1:${(info as AddressInfo).port}`,
    dynamoEndpoint: runtime.endpoint,
    tableName: runtime.tableName,
  });
});

process.on('message', (m: ToServer) => {
  if (m.kind === 'day') {
    dayOffset = m.offset;
    send({ kind: 'ok' });
  } else if (m.kind === 'timings') {
    send({ kind: 'timings', requests: [...timed.values()] });
    timed.clear();
  } else if (m.kind === 'counts') {
    const cpu = process.cpuUsage(lastCpu);
    const now = performance.now();
    send({
      kind: 'counts',
      ops: Object.fromEntries(ops),
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: now - lastWall,
      readUnits: capacity.consumedRead - lastUnits.read,
      writeUnits: capacity.consumedWrite - lastUnits.write,
    });
    lastUnits = { read: capacity.consumedRead, write: capacity.consumedWrite };
    ops.clear();
    timed.clear();
    lastCpu = process.cpuUsage();
    lastWall = now;
  }
});

async function stop() {
  server.close();
  doc.destroy();
  await runtime.close();
  process.exit(0);
}
process.on('disconnect', stop);
setTimeout(stop, LIFETIME_MS).unref();
