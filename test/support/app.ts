import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../functions/adapters/logger';
import type { Clock } from '../../functions/core/ports';
import type { AppLogger } from '../../functions/core/ports/logger';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_POINT, DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { type LocalRuntime, startLocalRuntime } from '../../functions/local/runtime';
import { answerOf } from './answer';

let tables = 0;

/**
 * The local deployment in memory (dynalite in process, demo seeded, local issuer keys in a temp
 * folder), for route tests with app.request(). `roster` seeds only the first n demo employees:
 * suites that send thousands of requests keep each day's report cheap to build that way.
 * `endpoint` puts the store on a server already running (DynamoDB Local), in a table of its own.
 * `deployedAt`: the deployment's start (default a year before the clock).
 */
export async function testRuntime(
  clock: Clock,
  opts: { roster?: number; endpoint?: string; logger?: AppLogger; deployedAt?: Date } = {},
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'apel-test-'));
  const rt: LocalRuntime = await startLocalRuntime({
    dataDir,
    persist: false,
    clock,
    logger: opts.logger ?? silentLogger,
    seedDemo: opts.roster === undefined,
    // A year before the clock, unless a test is about the first day: suites report past dates.
    deployedAt: opts.deployedAt ?? new Date(clock.now().getTime() - 366 * 86_400_000),
    ...(opts.endpoint === undefined
      ? {}
      : { endpoint: opts.endpoint, tableName: `apel-rt-${process.pid}-${tables++}` }),
  });
  if (opts.roster !== undefined) {
    await rt.stores.settings.putSettings(DEFAULT_SETTINGS);
    await rt.stores.sites.put(DEMO_SITE);
    await rt.stores.roster.putMany(demoRoster(opts.roster));
  }
  const tokens = new Map<string, string>();
  async function token(employeeId: string, admin = false) {
    const key = `${employeeId}|${admin}`;
    if (!tokens.has(key))
      tokens.set(key, await rt.issuer.sign({ employeeId, admin, ttlS: 86_400 }));
    return tokens.get(key) as string;
  }
  async function call(
    method: string,
    path: string,
    opts: { as?: string; admin?: boolean; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.as) headers.authorization = `Bearer ${await token(opts.as, opts.admin)}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await rt.app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    return answerOf(res);
  }
  return {
    ...rt,
    dataDir,
    token,
    call,
    async close() {
      await rt.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A check-in body at the demo point, captured now by `clock`. */
export function demoFix(clock: Clock, over: Record<string, unknown> = {}) {
  return {
    lat: DEMO_POINT.lat,
    lon: DEMO_POINT.lon,
    accuracy: 8,
    capturedAt: clock.now().toISOString(),
    ...over,
  };
}
