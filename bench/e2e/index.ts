import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type autocannon from 'autocannon';
import { DEMO_POINT, demoEmployeeId } from '../../functions/local/demo';
import { localIssuer } from '../../functions/local/issuer';
import { median, SMOKE } from '../harness';
import { int, ms, type Section, verdict } from '../output';
import { type Burst, burst } from './load';
import type { FromServer, ToServer } from './protocol';
import { rawCheckinMixRequests, rawPutRequests } from './raw-dynamo';

const MEMBERS = SMOKE ? 10 : 200;
const ROUNDS = SMOKE ? 1 : 5;
const BURST_LIMIT_MS = 60_000;
const START_LIMIT_MS = 60_000;
const DAY_MS = 86_400_000;
const GOAL_RATIO = 0.8;

/** The local server in its own process, driven over IPC; it dies with this process. */
async function startServer(dataDir: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('bench/e2e/server.ts')],
    {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const next = () =>
    new Promise<FromServer>((done, fail) => {
      const settle = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (m: unknown) => {
        settle();
        done(m as FromServer);
      };
      const onExit = (code: number | null) => {
        settle();
        fail(new Error(`bench server exited ${code}`));
      };
      const timer = setTimeout(() => {
        settle();
        fail(new Error('bench server did not answer'));
      }, START_LIMIT_MS);
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error(`bench server said ${ready.kind}`);
  return {
    ...ready,
    ask: (m: ToServer) => {
      const answer = next();
      child.send(m);
      return answer;
    },
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.disconnect();
      }),
  };
}

/** Check-ins of members first … first + MEMBERS − 1, each with its own token, on a given day. */
function checkinRequests(tokens: string[], first: number, dayOffset: number): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/v1/checkins',
      setupRequest: (req) => {
        const i = first + (n++ % MEMBERS);
        const body = JSON.stringify({
          lat: DEMO_POINT.lat,
          lon: DEMO_POINT.lon,
          accuracy: 8,
          capturedAt: new Date(Date.now() + dayOffset * DAY_MS).toISOString(),
        });
        return {
          ...req,
          headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
          body,
        };
      },
    },
  ];
}

interface Counted extends Burst {
  readonly cpuMs: number;
  readonly ops: Record<string, number>;
}

function summary(bursts: Counted[]) {
  return {
    cpuMsPerRequest: median(bursts.map((b) => b.cpuMs / Math.max(1, b.requests))),
    perSecond: median(bursts.map((b) => b.perSecond)),
    p50: median(bursts.map((b) => b.p50Ms)),
    p99: median(bursts.map((b) => b.p99Ms)),
    errors: bursts.reduce((a, b) => a + b.errors, 0),
    requests: bursts.reduce((a, b) => a + b.requests, 0),
  };
}

export async function e2eBench(): Promise<Section[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'apel-bench-e2e-'));
  // Keys first: the server finds them under DATA_DIR and signs nothing itself.
  const issuer = await localIssuer(dataDir);
  const tokens = await Promise.all(
    Array.from({ length: 2 * MEMBERS + 1 }, (_, i) =>
      i === 0 ? '' : issuer.sign({ employeeId: demoEmployeeId(i) }),
    ),
  );
  const server = await startServer(dataDir);
  try {
    const base = { connections: MEMBERS, timeLimitMs: BURST_LIMIT_MS };
    const checkins = (day: number, first: number) =>
      burst({
        ...base,
        url: server.url,
        amount: MEMBERS,
        requests: checkinRequests(tokens, first, day),
        expectStatus: 201,
      });
    let floorMember = 0;
    const sdkFloor = () =>
      burst({
        ...base,
        url: server.url,
        amount: MEMBERS,
        requests: [
          {
            method: 'POST',
            path: '/floor/checkins',
            setupRequest: (req) => ({
              ...req,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ employeeId: demoEmployeeId(1 + (floorMember++ % MEMBERS)) }),
            }),
          },
        ],
        expectStatus: 201,
      });
    const raw = (tag: string) =>
      burst({
        ...base,
        url: server.dynamoEndpoint,
        amount: MEMBERS,
        requests: rawPutRequests(server.tableName, tag),
        expectStatus: 200,
      });
    const mix = (tag: string) =>
      burst({
        ...base,
        url: server.dynamoEndpoint,
        amount: 3 * MEMBERS,
        requests: rawCheckinMixRequests(server.tableName, tag, (i) =>
          demoEmployeeId(1 + (i % MEMBERS)),
        ),
        expectStatus: 200,
      });

    // Warm-up: other members on day 0, and each floor once, so that JIT and caches are warm.
    await checkins(0, MEMBERS + 1);
    await sdkFloor();
    await raw('warm');
    await mix('warm');
    await server.ask({ kind: 'counts' });

    // Each burst between two counts: the server's CPU and DynamoDB requests belong to it alone.
    const counted = async (run: () => Promise<Burst>): Promise<Counted> => {
      await server.ask({ kind: 'counts' });
      const b = await run();
      const counts = await server.ask({ kind: 'counts' });
      if (counts.kind !== 'counts') throw new Error(`bench server said ${counts.kind}`);
      return { ...b, cpuMs: counts.cpuMs, ops: counts.ops };
    };
    const c: Counted[] = [];
    const p: Counted[] = [];
    const m: Counted[] = [];
    const f: Counted[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      process.stderr.write(`[bench] e2e round ${r}/${ROUNDS}\n`);
      await server.ask({ kind: 'day', offset: r });
      // Alternate the order, so that neither side always runs on a machine warmed by the other.
      const order = r % 2 ? ['checkin', 'floor', 'mix', 'raw'] : ['raw', 'mix', 'floor', 'checkin'];
      for (const what of order) {
        if (what === 'checkin') c.push(await counted(() => checkins(r, 1)));
        else if (what === 'floor') f.push(await counted(sdkFloor));
        else if (what === 'raw') p.push(await counted(() => raw(`r${r}`)));
        else m.push(await counted(() => mix(`r${r}`)));
      }
    }
    const cs = summary(c);
    const ps = summary(p);
    const ms_ = summary(m);
    const fs = summary(f);
    const vsFloor = cs.perSecond / fs.perSecond;
    const opNames = [...new Set(c.flatMap((b) => Object.keys(b.ops)))].sort();
    const opsPer = Object.fromEntries(
      opNames.map((op) => [op, median(c.map((b) => (b.ops[op] ?? 0) / Math.max(1, b.requests)))]),
    );
    const opsTotal = Object.values(opsPer).reduce((a, b) => a + b, 0);
    const mixUnits = ms_.perSecond / 3;
    const vsMix = cs.perSecond / mixUnits;
    const perOp = (cs.perSecond * opsTotal) / ps.perSecond;
    const opsText = opNames.map((op) => `${op} ${opsPer[op]!.toFixed(2)}`).join(' + ');
    return [
      {
        title: `End to end on loopback: ${MEMBERS} members check in at once`,
        columns: [
          'load',
          'per round',
          'throughput (median)',
          'p50',
          'p99',
          'errors',
          'ratio',
          'goal',
        ],
        rows: [
          [
            '**check-ins**: POST /v1/checkins through the local server (autocannon)',
            `${MEMBERS} requests, ${MEMBERS} connections`,
            `${int(cs.perSecond)} check-ins/s`,
            ms(cs.p50),
            ms(cs.p99),
            ms(cs.cpuMsPerRequest),
            String(cs.errors),
            '',
            `zero errors: ${verdict(cs.errors === 0)}`,
          ],
          [
            'floor: a bare Hono route in the same server making the same DynamoDB requests through the same SDK',
            `${MEMBERS} requests, ${MEMBERS} connections`,
            `${int(fs.perSecond)} sets/s`,
            ms(fs.p50),
            ms(fs.p99),
            ms(fs.cpuMsPerRequest),
            String(fs.errors),
            `check-ins ÷ floor: ${vsFloor.toFixed(2)}`,
            `≥ ${GOAL_RATIO}: ${verdict(vsFloor >= GOAL_RATIO)}`,
          ],
          [
            'floor: the same DynamoDB requests straight to dynalite (BatchGetItem + 2 PutItem per member, in order)',
            `${3 * MEMBERS} requests, ${MEMBERS} connections`,
            `${int(mixUnits)} sets/s (${int(ms_.perSecond)} requests/s)`,
            ms(ms_.p50),
            ms(ms_.p99),
            ms(ms_.cpuMsPerRequest),
            String(ms_.errors),
            `check-ins ÷ sets: ${vsMix.toFixed(2)}`,
            `≥ ${GOAL_RATIO}: ${verdict(vsMix >= GOAL_RATIO)}`,
          ],
          [
            'floor: raw conditional PutItem of a check-in item straight to dynalite',
            `${MEMBERS} requests, ${MEMBERS} connections`,
            `${int(ps.perSecond)} PutItems/s`,
            ms(ps.p50),
            ms(ps.p99),
            ms(ps.cpuMsPerRequest),
            String(ps.errors),
            `per operation: ${perOp.toFixed(2)}`,
            `≥ ${GOAL_RATIO}: ${verdict(perOp >= GOAL_RATIO)}`,
          ],
        ],
        notes: [
          `Median of ${ROUNDS} rounds after a warm-up round; each round is a new apel date (the server's clock moves a day), so every check-in is a member's first. Members demo-001…demo-${String(MEMBERS).padStart(3, '0')}, each with its own ES256 token.`,
          `DynamoDB requests per check-in, counted where they leave the server's SDK: ${opsText} = ${opsTotal.toFixed(2)}. "Per operation" = check-ins/s × ${opsTotal.toFixed(2)} ÷ raw PutItems/s.`,
          "One server process holds the app and dynalite (as `npm start` does); autocannon runs in the bench process. The floors hit the same dynalite in the same process, so the gap is the app's own CPU: Hono, JWT verification, the SDK (marshalling, signing, HTTP) and the logs.",
          'Throughput = answered requests ÷ (last answer − first connection); latencies from autocannon (ms, per request; for the op-mix floor per DynamoDB request).',
        ],
      },
    ];
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
