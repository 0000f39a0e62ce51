import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type autocannon from 'autocannon';
import { DEMO_POINT, demoEmployeeId } from '../../functions/local/demo';
import { localIssuer } from '../../functions/local/issuer';
import { offset, prng } from '../../test/support/shapes';
import { median, SMOKE } from '../harness';
import { measured } from '../measured';
import { int, ms, type Section, verdict } from '../output';
import { type Burst, burst } from './load';
import type { FromServer, ToServer } from './protocol';
import { rawPutRequests } from './raw-dynamo';
import { roundTrips } from './round-trips';

type RoundTrips = ReturnType<typeof roundTrips>;

const MEMBERS = SMOKE ? 10 : 200;
const ROUNDS = SMOKE ? 1 : 5;
const BURST_LIMIT_MS = 60_000;
const START_LIMIT_MS = 60_000;
const DAY_MS = 86_400_000;
const GOAL_RATIO = 0.8;
/** Lone check-ins timed for their round trips, with a device id and without (the count is exact). */
const LONE = SMOKE ? 1 : 3;

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

/** Member i's fix: a few metres from the demo point, inside the ground, the same every day. */
function fixOf(i: number): [number, number] {
  const rnd = prng(i);
  return offset(DEMO_POINT.lon, DEMO_POINT.lat, (rnd() - 0.5) * 30, (rnd() - 0.5) * 30);
}

/** Member i's check-in body on a given day; with a device id unless told otherwise. */
function checkinBody(i: number, dayOffset: number, device = true): string {
  const [lon, lat] = fixOf(i);
  return JSON.stringify({
    lat,
    lon,
    accuracy: 8,
    capturedAt: new Date(Date.now() + dayOffset * DAY_MS).toISOString(),
    // As the check-in page sends it: one phone per member, the same every day.
    ...(device ? { deviceId: `bench-phone-${i}` } : {}),
  });
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
        const body = checkinBody(i, dayOffset);
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
  readonly readUnits: number;
  readonly writeUnits: number;
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
    const base = { connections: MEMBERS, timeLimitMs: BURST_LIMIT_MS, amount: MEMBERS };
    const checkins = (day: number, first: number) =>
      burst({
        ...base,
        url: server.url,
        requests: checkinRequests(tokens, first, day),
        expectStatus: 201,
      });
    const sdkFloor = () =>
      burst({
        ...base,
        url: server.url,
        requests: [
          {
            method: 'POST',
            path: '/floor/put',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          },
        ],
        expectStatus: 201,
      });
    const raw = (tag: string) =>
      burst({
        ...base,
        url: server.dynamoEndpoint,
        requests: rawPutRequests(server.tableName, tag),
        expectStatus: 200,
      });

    // Warm-up: other members on day 0, and each floor once, so that JIT and caches are warm.
    await checkins(0, MEMBERS + 1);
    await sdkFloor();
    await raw('warm');

    // Each burst between two counts: the server's CPU and DynamoDB requests belong to it alone.
    const counted = async (run: () => Promise<Burst>): Promise<Counted> => {
      await server.ask({ kind: 'counts' });
      const b = await run();
      const counts = await server.ask({ kind: 'counts' });
      if (counts.kind !== 'counts') throw new Error(`bench server said ${counts.kind}`);
      return {
        ...b,
        cpuMs: counts.cpuMs,
        ops: counts.ops,
        readUnits: counts.readUnits,
        writeUnits: counts.writeUnits,
      };
    };
    const c: Counted[] = [];
    const f: Counted[] = [];
    const p: Counted[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      process.stderr.write(`[bench] e2e round ${r}/${ROUNDS}\n`);
      await server.ask({ kind: 'day', offset: r });
      // Alternate the order, so that neither side always runs on a machine warmed by the other.
      const order = r % 2 ? ['checkin', 'floor', 'raw'] : ['raw', 'floor', 'checkin'];
      for (const what of order) {
        if (what === 'checkin') c.push(await counted(() => checkins(r, 1)));
        else if (what === 'floor') f.push(await counted(sdkFloor));
        else p.push(await counted(() => raw(`r${r}`)));
      }
    }
    // Round trips: check-ins one at a time, each alone on the server, on a day of their own after
    // one that warms that day's caches (its holiday lookup), with and without a device id.
    const loneDay = ROUNDS + 1;
    await server.ask({ kind: 'day', offset: loneDay });
    const lone = async (member: number, device: boolean) => {
      await server.ask({ kind: 'timings' });
      const res = await fetch(`${server.url}/v1/checkins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[member]}`, 'content-type': 'application/json' },
        body: checkinBody(member, loneDay, device),
      });
      if (res.status !== 201) throw new Error(`lone check-in answered ${res.status}`);
      await res.arrayBuffer();
      const t = await server.ask({ kind: 'timings' });
      if (t.kind !== 'timings') throw new Error(`bench server said ${t.kind}`);
      return roundTrips(t.requests);
    };
    const dayFirst = await lone(MEMBERS + 1, true);
    const trips = { device: [] as RoundTrips[], none: [] as RoundTrips[] };
    for (let k = 0; k < LONE; k++) {
      trips.device.push(await lone(MEMBERS + 2 + 2 * k, true));
      trips.none.push(await lone(MEMBERS + 3 + 2 * k, false));
    }
    const tripsOf = (all: RoundTrips[]) => {
      const count = median(all.map((t) => t.count));
      const steps = all.find((t) => t.count === count)?.steps ?? [];
      return { count, spread: [...new Set(all.map((t) => t.count))].sort(), steps };
    };
    const withDevice = tripsOf(trips.device);
    const withoutDevice = tripsOf(trips.none);
    const chain = (steps: string[][]) => steps.map((st) => st.join(' ∥ ')).join(' → ');

    const cs = summary(c);
    const fs = summary(f);
    const ps = summary(p);
    const opNames = [...new Set(c.flatMap((b) => Object.keys(b.ops)))].sort();
    const opsPer = Object.fromEntries(
      opNames.map((op) => [op, median(c.map((b) => (b.ops[op] ?? 0) / Math.max(1, b.requests)))]),
    );
    const opsTotal = Object.values(opsPer).reduce((a, b) => a + b, 0);
    const vsSdk = (cs.perSecond * opsTotal) / fs.perSecond;
    const vsRaw = (cs.perSecond * opsTotal) / ps.perSecond;
    const per = (k: 'readUnits' | 'writeUnits') =>
      median(c.map((b) => b[k] / Math.max(1, b.requests)));
    measured.checkin = {
      requests: opsPer,
      readUnits: per('readUnits'),
      writeUnits: per('writeUnits'),
      roundTrips: withDevice.count,
    };
    const opsText = opNames.map((op) => `${op} ${opsPer[op]!.toFixed(2)}`).join(' + ');
    const row = (
      what: string,
      x: ReturnType<typeof summary>,
      rate: string,
      r: string,
      goal: string,
    ) => [what, rate, ms(x.p50), ms(x.p99), ms(x.cpuMsPerRequest), String(x.errors), r, goal];
    return [
      {
        title: `End to end on loopback: ${MEMBERS} members check in at once`,
        columns: [
          `load (each round: ${MEMBERS} requests on ${MEMBERS} connections)`,
          'throughput (median)',
          'p50',
          'p99',
          'server CPU per request',
          'errors',
          'ratio per DynamoDB request',
          'goal',
        ],
        rows: [
          row(
            '**check-ins**: POST /v1/checkins through the local server (autocannon)',
            cs,
            `${int(cs.perSecond)} check-ins/s = ${int(cs.perSecond * opsTotal)} DynamoDB requests/s`,
            '',
            `zero errors: ${verdict(cs.errors === 0)}`,
          ),
          row(
            'floor: a bare Hono route in the same server, one conditional PutItem of a check-in item through the SDK',
            fs,
            `${int(fs.perSecond)} PutItems/s`,
            `check-ins: ${vsSdk.toFixed(2)}`,
            `≥ ${GOAL_RATIO}: ${verdict(vsSdk >= GOAL_RATIO)}`,
          ),
          row(
            'floor: the same PutItem sent straight to dynalite (no SDK, no HTTP framework)',
            ps,
            `${int(ps.perSecond)} PutItems/s`,
            `check-ins: ${vsRaw.toFixed(2)}`,
            `≥ ${GOAL_RATIO}: ${verdict(vsRaw >= GOAL_RATIO)}`,
          ),
        ],
        notes: [
          `Median of ${ROUNDS} rounds after a warm-up round; each round is a new apel date (the server's clock moves a day), so every check-in is a member's first. Members demo-001…demo-${String(MEMBERS).padStart(3, '0')}, each with their own RS256 token, their own phone (a deviceId, as the check-in page sends it) and their own fix a few metres apart inside the demo ground.`,
          `DynamoDB requests per check-in, counted where they leave the server's SDK: ${opsText} = ${opsTotal.toFixed(2)}; capacity DynamoDB reported (dynalite, base table only): ${per('readUnits').toFixed(2)} read and ${per('writeUnits').toFixed(2)} write units. "Ratio per DynamoDB request" = check-ins/s × ${opsTotal.toFixed(2)} ÷ the floor's PutItems/s.`,
          `DynamoDB round trips per check-in, in a row (each sent after an answer came; requests sent together count once), timed where they leave the server's SDK, ${LONE} first check-in${LONE === 1 ? '' : 's'} of each kind alone on the server: with a device id ${withDevice.count} (${chain(withDevice.steps)}), without ${withoutDevice.count} (${chain(withoutDevice.steps)})${withDevice.spread.length + withoutDevice.spread.length > 2 ? `; counts seen ${withDevice.spread.join('/')} and ${withoutDevice.spread.join('/')}` : ''}; the day's first check-in, which warms the caches, ${dayFirst.count} (${chain(dayFirst.steps)}).`,
          'One server process holds the app and dynalite (as `npm start` does); autocannon runs in the bench process. Both floors hit the same dynalite in the same process at the same concurrency.',
          'Throughput = answered requests ÷ (last answer − start of the burst, connecting included); latencies per request from autocannon; server CPU = process.cpuUsage() of the server over the burst ÷ requests.',
        ],
      },
    ];
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
