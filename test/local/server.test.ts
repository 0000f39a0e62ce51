import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT } from '../../functions/local/demo';
import { settingsOpenNow } from '../support/lambda';
import { freePort } from '../support/net';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const run = promisify(execFile);
let dataDir: string;
let port: number;
let server: ChildProcess | null = null;

async function startServer(): Promise<string> {
  const child = spawn(TSX, ['functions/local/server.ts'], {
    // Deployed before the day the report test publishes.
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'WARN',
      APEL_FIRST_DAY: '2026-11-02',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/health`)).ok) return out;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server did not start:\n${out}`);
}

async function stopServer() {
  const child = server;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  server = null;
}

/** `npm run token -- …`: the token is the last line of stdout. */
async function token(...args: string[]): Promise<string> {
  const { stdout } = await run(TSX, ['functions/local/token.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
  });
  return stdout.trim().split('\n').at(-1) as string;
}

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as any };
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'apel-local-'));
  // A folder that does not exist yet, like .data/ in a fresh clone.
  dataDir = join(scratch, 'data');
  port = await freePort();
});
afterAll(async () => {
  await stopServer();
  await rm(scratch, { recursive: true, force: true });
});

describe('npm start: the README walk (a token, the window, a check-in, a refusal)', () => {
  it('starts, seeds the demo, and takes a check-in from a local token', async () => {
    const banner = await startServer();
    expect(banner).toContain('demo seeded');
    // Tokens signed under another DATA_DIR are refused (401; the log says "signing key unknown"): say which.
    expect(banner).toContain(`DATA_DIR=${dataDir} npm run token -- --employee demo-001`);
    expect(banner).toContain(`DATA_DIR=${dataDir} npm run token -- --employee bkd-admin --admin`);
    expect(banner).toContain(`DATA_DIR=${dataDir} npm run report -- --date YYYY-MM-DD`);
    expect(banner).toContain(`Halaman absen / check-in page:          http://localhost:${port}`);
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Absen Apel</title>');
    const signIn = await fetch(`http://127.0.0.1:${port}/local-issuer/authorize`);
    expect(signIn.status).toBe(400); // mounted, and refusing a request without PKCE

    const admin = await token('--employee', 'bkd-admin', '--admin');
    const settings = settingsOpenNow();
    expect(
      (await api('/v1/settings', { method: 'PUT', token: admin, body: settings })).status,
    ).toBe(200);

    const t1 = await token('--employee', 'demo-001');
    const fix = {
      lat: DEMO_POINT.lat,
      lon: DEMO_POINT.lon,
      accuracy: 8,
      capturedAt: new Date().toISOString(),
    };
    const first = await api('/v1/checkins', { method: 'POST', token: t1, body: fix });
    expect(first.status).toBe(201);
    const again = await api('/v1/checkins', { method: 'POST', token: t1, body: fix });
    expect(again).toMatchObject({ status: 200, json: { duplicate: true } });

    const t2 = await token('--employee', 'demo-002');
    const away = await api('/v1/checkins', {
      method: 'POST',
      token: t2,
      body: { ...fix, lat: DEMO_POINT.lat + 0.0027 },
    });
    expect(away.status).toBe(422);
    expect(away.json.error.code).toBe('OUTSIDE_GEOFENCE');
    expect(away.json.error.details.distanceM).toBeGreaterThan(200);

    const garbage = await api('/v1/checkins', { method: 'POST', token: t2, body: { lat: 'here' } });
    expect(garbage).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION_FAILED' } } });
  });

  it('keeps its data under DATA_DIR across a restart, without seeding again', async () => {
    await stopServer();
    expect(await readdir(dataDir)).toEqual(expect.arrayContaining(['dynamodb', 'keys']));
    const banner = await startServer();
    expect(banner).not.toContain('demo seeded');
    const t1 = await token('--employee', 'demo-001');
    const day = await api('/v1/checkins/me', { token: t1 });
    expect(day.json.checkin?.employeeId).toBe('demo-001');
    const fix = {
      lat: DEMO_POINT.lat,
      lon: DEMO_POINT.lon,
      accuracy: 8,
      capturedAt: new Date().toISOString(),
    };
    expect((await api('/v1/checkins', { method: 'POST', token: t1, body: fix })).status).toBe(200);
  });

  it('npm run report publishes a day through the running server, as three files', async () => {
    const { stdout } = await run(TSX, ['functions/local/report.ts', '--date', '2026-11-20'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(stdout).toMatch(/^2026-11-20: version 1 — expected 700/);
    expect((await readdir(join(dataDir, 'reports/2026-11-20'))).sort()).toEqual([
      'report.csv',
      'report.json',
      'v1',
      'wall.html',
    ]);
    const again = await run(TSX, ['functions/local/report.ts', '--date', '2026-11-20'], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(again.stdout).toContain('version 1 (unchanged)');
    // Before the deployment's first day (APEL_FIRST_DAY above) there is no report to publish.
    await expect(
      run(TSX, ['functions/local/report.ts', '--date', '2026-10-30'], {
        env: { ...process.env, DATA_DIR: dataDir },
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining(
        "BEFORE_DEPLOYMENT: 2026-10-30 is before the deployment's first day, 2026-11-02",
      ),
    });
  });

  it('prints usage and fails for a token without an employee', async () => {
    await expect(
      run(TSX, ['functions/local/token.ts'], { env: { ...process.env, DATA_DIR: dataDir } }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run token'),
    });
  });
});
