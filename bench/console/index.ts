import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser';
import { freePort } from '../../test/support/net';
import { median, SMOKE } from '../harness';
import { kb, ms, type Section, verdict } from '../output';

/**
 * The console as a BKD admin's browser meets it on `npm start`: the local server in its own
 * process with its store on disk, Chromium with its cache off, so every load fetches every byte.
 * Two figures per round: the signed-out screen's "Masuk" button clickable, and — signed in —
 * today's board with its numbers in. Plus what the console's first screen downloads, gzipped.
 */

const ROUNDS = SMOKE ? 1 : 9;
const GOAL_MS = 1_500;
const JS_BUDGET_BYTES = 150_000;
const START_LIMIT_MS = 60_000;

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('functions/local/server.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + START_LIMIT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start's server exited ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > until) throw new Error('the local server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Injected before the page's own scripts (through the DevTools protocol, which the page's CSP does
 * not govern): each frame, the first moment each state holds is noted in `window.__apelReady`.
 */
const WATCH = `(() => {
  const seen = {};
  window.__apelReady = seen;
  const states = {
    signedOut: () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Masuk' && !b.disabled),
    board: () => { const n = document.querySelector('[data-total="expected"] .num'); return !!n && /\\d/.test(n.textContent || ''); },
  };
  const tick = () => {
    for (const [k, ok] of Object.entries(states)) if (!(k in seen) && ok()) seen[k] = performance.now();
    if (Object.keys(seen).length < 2) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Milliseconds from the navigation's start until `state` first held in the page. */
async function timeTo(page: Page, state: 'signedOut' | 'board'): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const t = await page.evaluate(
      (k) => (window as any).__apelReady?.[k] as number | undefined,
      state,
    );
    if (t !== undefined) return t;
    if (Date.now() > until) {
      const text = await page.evaluate(() => (document.body.textContent ?? '').slice(0, 400));
      throw new Error(`the console never reached ${state}: ${text}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function consoleBench(): Promise<Section[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'apel-bench-console-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(dataDir, port);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(WATCH);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // What the first screen downloads: every script and stylesheet the signed-out /admin asks for.
    const assets = new Map<string, { type: string; bytes: number; gzip: number }>();
    let recording = true;
    page.on('response', async (r) => {
      if (!recording) return;
      const type = r.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet' && type !== 'document') return;
      const body = await r.body().catch(() => null);
      if (!body) return;
      assets.set(new URL(r.url()).pathname, {
        type,
        bytes: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
      });
    });
    const signedOut: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.goto(`${base}/admin`);
      signedOut.push(await timeTo(page, 'signedOut'));
    }
    recording = false;
    // Signed in through the demo issuer once; the session lives in the tab, so reloads keep it.
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: /Admin BKD/ }).click();
    await page.waitForURL(`${base}/admin`);
    await page.getByRole('heading', { name: 'Apel pagi hari ini' }).waitFor();
    const board: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.reload();
      board.push(await timeTo(page, 'board'));
    }
    await context.close();
    const js = [...assets.values()].filter((a) => a.type === 'script');
    const jsGzip = js.reduce((s, a) => s + a.gzip, 0);
    const first = median(signedOut);
    const filled = median(board);
    return [
      {
        title: 'Console: first screen on the local server (Chromium, cache off)',
        columns: ['what', `median of ${ROUNDS}`, 'slowest', 'goal', 'verdict'],
        rows: [
          [
            'signed out: "Masuk" clickable',
            ms(first),
            ms(Math.max(...signedOut)),
            `≤ ${ms(GOAL_MS)}`,
            verdict(first <= GOAL_MS),
          ],
          [
            'signed in: today’s board with its numbers',
            ms(filled),
            ms(Math.max(...board)),
            `≤ ${ms(GOAL_MS)}`,
            verdict(filled <= GOAL_MS),
          ],
        ],
        notes: [
          'From the navigation’s start (performance.now() in the page) to the state, polled each frame; `npm start`’s server in its own process with its store on disk under a temporary DATA_DIR.',
          'Signed in: the session is kept in the tab, so a reload goes straight to GET /v1/me and the board’s requests.',
        ],
      },
      {
        title: 'Console: what the first screen downloads',
        columns: ['path', 'kind', 'bytes', 'gzip -9'],
        rows: [
          ...[...assets.entries()].map(([path, a]) => [path, a.type, kb(a.bytes), kb(a.gzip)]),
          [
            'all scripts',
            'script',
            '',
            `${kb(jsGzip)} (budget ≤ ${kb(JS_BUDGET_BYTES)}: ${verdict(jsGzip <= JS_BUDGET_BYTES)})`,
          ],
        ],
      },
    ];
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  }
}
