import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT } from '../../functions/local/demo';
import { localIssuer } from '../../functions/local/issuer';
import { freePort } from '../support/net';

// Issue 12, item 14: under load the local server was seen to drop a POST ("other side closed");
// fetch sends a GET again on another connection, never a POST. One suspect is the keep-alive
// race: Node closes a connection 5 s after its last answer, and a server too busy to read a
// request sent in time could close the connection with the request in it. This checks that case
// on the real server on a real port: the server process is paused (SIGSTOP) past the keep-alive
// time while a second POST waits on the idle connection, as a loaded machine pauses it; the POST
// must still be answered. (It is, with Node's defaults: RELIABILITY.md, history branch.)

let dataDir: string;
let base: string;
let server: ChildProcess | null = null;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'apel-keepalive-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // node itself, not the tsx wrapper: the signals below must reach the server's own process.
  server = spawn(process.execPath, ['--import', 'tsx', 'functions/local/server.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/v1/health`, { headers: { connection: 'close' } })).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error('the local server did not start');
}, 90_000);

afterAll(async () => {
  const child = server;
  if (child && child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local server under a stall keeps the POST a client sent on an idle connection', () => {
  it('answers it when the server was paused for 7 s after its last answer', async () => {
    const issuer = await localIssuer(dataDir);
    const token = await issuer.sign({ employeeId: 'demo-001', admin: false, ttlS: 600 });
    const post = async () => {
      const res = await fetch(`${base}/v1/checkins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          lat: DEMO_POINT.lat,
          lon: DEMO_POINT.lon,
          accuracy: 8,
          capturedAt: new Date().toISOString(),
        }),
      });
      await res.arrayBuffer();
      return res;
    };
    const first = await post();
    // Whatever the window says (201, or 422 outside it): an answer on a kept-alive connection.
    expect(first.status).toBeLessThan(500);
    const answeredAt = Date.now();
    const child = server as ChildProcess;
    child.kill('SIGSTOP');
    try {
      await sleep(300);
      // Sent 0.3 s after the last answer: every client would reuse the connection.
      const second = post().then(
        (r) => r.status,
        (err: Error) => `${err.message}: ${(err.cause as Error | undefined)?.message}`,
      );
      await sleep(7_000 - (Date.now() - answeredAt));
      child.kill('SIGCONT');
      expect(await second).toBeLessThan(500);
    } finally {
      child.kill('SIGCONT');
    }
  }, 30_000);
});
