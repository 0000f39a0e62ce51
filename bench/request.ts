import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import * as v from 'valibot';
import { createVerifier } from '../functions/adapters/jwt';
import { createLogger, silentLogger } from '../functions/adapters/logger';
import { localTime } from '../functions/core/calendar';
import { checkIn } from '../functions/core/checkin';
import { OutsideGeofence } from '../functions/core/checkin-errors';
import { createApp } from '../functions/http/app';
import type { AppEnv, AppLogger } from '../functions/http/env';
import { errorHandler } from '../functions/http/errors';
import { CheckinBody } from '../functions/http/schemas';
import { DEMO_POINT } from '../functions/local/demo';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  localIssuer,
  localVerifier,
} from '../functions/local/issuer';
import { httpApiEvent, lambdaContext } from '../test/support/lambda';
import { FakeClock } from '../test/support/memory-store';
import { offset } from '../test/support/shapes';
import { benchStores } from './bench-stores';
import { measure } from './harness';
import { measured } from './measured';
import { duration, type Section, verdict } from './output';

const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';
const GOAL_NS = 150_000;

/** Powertools' logger writing to a sink that counts and drops the bytes: the cost of logging, not of I/O. */
function nullPowertoolsLogger(): AppLogger & { bytes(): number } {
  const logger = createLogger('apel-bench');
  const counted = { bytes: 0 };
  const sink = new Writable({
    write: (chunk: Buffer, _e, done) => {
      counted.bytes += chunk.length;
      done();
    },
  });
  const { Console } = globalThis.console;
  // Powertools writes through its private Console; pointing it at the sink keeps the JSON work.
  (logger.powertools as unknown as { console: Console }).console = new Console(sink, sink);
  return Object.assign(logger, { bytes: () => counted.bytes });
}

/** A verifier over a fresh ES256 key, and a token it accepts, as some other OIDC issuers sign. */
async function es256Issuer() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'es', alg: 'ES256', use: 'sig' };
  const token = await new SignJWT({ 'cognito:groups': [], token_use: 'access' })
    .setProtectedHeader({ alg: 'ES256', kid: 'es' })
    .setSubject('demo-001')
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1d')
    .sign(privateKey);
  const verify = createVerifier({
    issuer: LOCAL_ISSUER,
    audience: [LOCAL_AUDIENCE],
    jwks: { keys: [jwk] },
    algorithms: ['ES256'],
    employeeClaim: 'sub',
    groupsClaim: 'cognito:groups',
    adminGroup: 'admin',
  });
  return { token, verify };
}

export async function requestBench(): Promise<Section[]> {
  const keysDir = await mkdtemp(join(tmpdir(), 'apel-bench-keys-'));
  try {
    const issuer = await localIssuer(keysDir);
    const token = await issuer.sign({ employeeId: 'demo-001', ttlS: 86_400 });
    const verify = localVerifier(issuer.jwks);
    const clock = new FakeClock(new Date(FRIDAY_0712));
    const appDeps = { ...benchStores(), clock, verify };
    const deps = { stores: appDeps.stores, clock };
    const full = createApp({ ...appDeps, logger: silentLogger });
    // The local issuer signs RS256, as Cognito does; other issuers may sign ES256.
    const rs = await es256Issuer();
    const rsApp = createApp({ ...appDeps, verify: rs.verify, logger: silentLogger });
    const loggedLogger = nullPowertoolsLogger();
    const logged = createApp({ ...appDeps, logger: loggedLogger });
    const lambda = handle(full);

    const fix = { lat: DEMO_POINT.lat, lon: DEMO_POINT.lon, accuracy: 8, capturedAt: FRIDAY_0712 };
    const body = JSON.stringify(fix);
    const [, farLat] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 0, 300);
    const refusedBody = JSON.stringify({ ...fix, lat: farLat });
    // As on Lambda and on the node server, the body comes with its length (bodyLimit trusts it).
    const headersFor = (b: string, t = token) => ({
      authorization: `Bearer ${t}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(b)),
    });
    const headers = headersFor(body);
    const refusedHeaders = headersFor(refusedBody);
    const rsHeaders = headersFor(body, rs.token);
    const post = (app: { request: Hono['request'] }, b = body, h = headers) =>
      app.request('/v1/checkins', { method: 'POST', headers: h, body: b });

    // The floor: a bare Hono route that parses the same JSON and answers it.
    const bare = new Hono().post('/v1/checkins', async (c) => c.json(await c.req.json(), 201));
    // The error mapper alone: a route that throws the refusal, mapped by our onError.
    const throwing = new Hono<AppEnv>()
      .post('/v1/checkins', async (c) => {
        await c.req.json();
        throw new OutsideGeofence(246.9, 'balai-kota-medan', 10);
      })
      .onError(errorHandler(silentLogger));
    const log = nullPowertoolsLogger();
    const event = httpApiEvent('POST', '/v1/checkins', { body: fix, token });
    const ctx = lambdaContext('api');

    // Each case checks its own answer once, so that a broken setup cannot pass as fast.
    const expectStatus = async (what: string, res: Response | Promise<Response>, want: number) => {
      const got = (await res).status;
      if (got !== want) throw new Error(`${what}: status ${got}, expected ${want}`);
    };
    await expectStatus('full', post(full), 201);
    await expectStatus('refused', post(full, refusedBody, refusedHeaders), 422);
    await expectStatus('bare', post(bare), 201);
    await expectStatus('throwing', post(throwing), 422);
    await expectStatus('es256', post(rsApp, body, rsHeaders), 201);
    const before = loggedLogger.bytes();
    await expectStatus('logged', post(logged), 201);
    measured.logBytesPerCheckin = loggedLogger.bytes() - before;
    const viaLambda = await lambda(event, ctx);
    if (viaLambda.statusCode !== 201) throw new Error(`lambda: status ${viaLambda.statusCode}`);

    const r = await measure({
      bare: () => post(bare),
      full: () => post(full),
      logged: () => post(logged),
      refused: () => post(full, refusedBody, refusedHeaders),
      lambda: () => lambda(event, ctx),
      es256: () => post(rsApp, body, rsHeaders),
      jwt: () => verify(token),
      jwtEs256: () => rs.verify(rs.token),
      valibot: () => v.safeParse(CheckinBody, JSON.parse(body)),
      core: () => checkIn(deps, 'demo-001', fix),
      localTime: () => localTime(clock.now(), 'Asia/Jakarta'),
      mapper: () => post(throwing),
      logging: () => {
        log.info('check-in', {
          requestId: 'c0ffee00-0000-4000-8000-000000000000',
          employeeId: 'demo-001',
          date: '2026-11-27',
          status: 'on_time',
          duplicate: false,
        });
        log.info('request', {
          requestId: 'c0ffee00-0000-4000-8000-000000000000',
          method: 'POST',
          route: '/v1/checkins/',
          status: 201,
          ms: 0.1,
        });
      },
    });
    const ns = Object.fromEntries(r.map((x) => [x.name, x.ns])) as Record<string, number>;
    const byName = new Map(r.map((x) => [x.name, x]));
    const spread = (name: string) => {
      const x = byName.get(name)!;
      return `${duration(x.minNs)} – ${duration(x.maxNs)}`;
    };
    const f = ns.full!;
    measured.appNsPerCheckin = f;
    const share = (x: number) => `${Math.round((x / f) * 100)} %`;
    const rest = f - ns.bare! - ns.jwt! - ns.valibot! - ns.core!;
    const row = (what: string, name: string, goal = '') => [
      what,
      duration(ns[name]!),
      spread(name),
      share(ns[name]!),
      goal,
    ];
    return [
      {
        title: 'Request overhead in process: POST /v1/checkins',
        columns: [
          'what',
          'median per request',
          'fastest – slowest round',
          'share of the full check-in',
          'goal',
        ],
        rows: [
          row(
            '**full check-in** (`app.request`, RS256 JWT as Cognito signs, store in memory, logs off)',
            'full',
            `≤ 150 µs: ${verdict(f <= GOAL_NS)}`,
          ),
          row('full check-in, Powertools logs on (to a null sink)', 'logged'),
          row(
            'full check-in through `hono/aws-lambda` (HTTP API v2 event in, result out)',
            'lambda',
          ),
          row(
            'full check-in with an ES256 token (some other OIDC issuers)',
            'es256',
            `≤ 150 µs: ${verdict(ns.es256! <= GOAL_NS)}`,
          ),
          row('refused check-in (422 OUTSIDE_GEOFENCE), logs off', 'refused'),
          row('floor: bare Hono route parsing the same JSON', 'bare'),
          ['full ÷ floor', `${(f / ns.bare!).toFixed(1)}×`, '', '', ''],
          row('— JWT verification alone (jose, RS256 2048-bit, local JWKS)', 'jwt'),
          row('— JWT verification alone, ES256 (P-256)', 'jwtEs256'),
          row('— `JSON.parse` + valibot `CheckinBody` alone', 'valibot'),
          row('— `checkIn` core alone (rules, geofence, attempt)', 'core'),
          row('— — of which one `localTime` (zone offset cached per quarter hour)', 'localTime'),
          [
            '— the rest: middleware, routing, validator glue, response (full − floor − JWT − valibot − core)',
            duration(rest),
            '',
            share(rest),
            '',
          ],
          [
            'error mapping: a route throwing OUTSIDE_GEOFENCE through our `onError`, minus the floor',
            duration(ns.mapper! - ns.bare!),
            '',
            share(ns.mapper! - ns.bare!),
            '',
          ],
          row('logging: the two Powertools `info` lines of a check-in (to a null sink)', 'logging'),
        ],
        notes: [
          "One process, `app.request()` (no sockets). The store is the tests' memory fake kept steady (fence compiled once, as the DynamoDB store caches it; every check-in a first one); so this is the app's own CPU per request, without DynamoDB.",
          'Pieces are measured alone, in the same interleaved rounds, so they add up only roughly; "the rest" is what is left when they are taken away.',
        ],
      },
    ];
  } finally {
    await rm(keysDir, { recursive: true, force: true });
  }
}
