import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishReport } from '../../functions/core/publish';
import type { Report } from '../../functions/core/report';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { testRuntime } from '../support/app';
import { launchChromium, noChromium, pageErrors } from '../support/browser';
import { FakeClock } from '../support/memory-store';
import { seedApelDay } from '../support/scenario';

/**
 * The information wall in a real browser: on a lobby TV (large type, reloading itself) and on
 * paper (A4, about 40 names a side), for the acceptance day of 480 absentees.
 */

const OUT = join(process.cwd(), 'test-output', 'wall');
const clock = new FakeClock(new Date('2026-11-27T01:30:00Z')); // 08:30 WIB, after the apel
let browser: Browser;
let rt: Awaited<ReturnType<typeof testRuntime>>;
let base: string;
let close: () => Promise<void>;
let report: Report;

describe.skipIf(noChromium)('the wall in Chromium', () => {
  beforeAll(async () => {
    [browser, rt] = await Promise.all([launchChromium(), testRuntime(clock)]);
    await rt.stores.settings.putSettings({ ...DEFAULT_SETTINGS, wallAccess: 'public' });
    await seedApelDay(rt.stores);
    report = (await publishReport(rt, '2026-11-27')).report;
    const server = serve({ hostname: '127.0.0.1', port: 0, fetch: rt.app.fetch });
    if (!server.listening) await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => server.close(() => r()));
    await mkdir(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
    await rt?.close();
  });

  it('shows every absentee on a lobby TV, in large type, and reloads itself', async () => {
    expect(report.totals.absent).toBe(480);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = pageErrors(page);
    // Reduced motion: the pager jumps instead of gliding, so a position can be read at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await page.goto(`${base}/wall`);
    await expect.poll(() => page.locator('li').count()).toBe(480);
    const shown = await page.locator('li').allTextContents();
    expect(shown.sort()).toEqual(report.absent.map((p) => p.name).sort());
    expect(await page.locator('h1').textContent()).toBe('Daftar Pegawai Tidak Hadir Apel Pagi');
    expect(await page.locator('.date').textContent()).toBe('Jumat, 27 November 2026');
    const px = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.body).fontSize),
    );
    // Readable across a lobby: at least 28 px on a 1080p screen.
    expect(px).toBeGreaterThanOrEqual(28);
    expect(await page.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe('300');
    await page.screenshot({ path: join(OUT, 'lobby-tv.png') });
    // Nobody scrolls a lobby TV: it pages down by itself, and comes back to the top at the end.
    const y = () => page.evaluate(() => Math.round(scrollY));
    const bottom = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    expect(await y()).toBe(0);
    const seen: number[] = [];
    for (let i = 0; i < 40 && (seen.length === 0 || seen.at(-1) !== 0); i++) {
      await page.clock.runFor(12_500);
      seen.push(await y());
      if (seen.length === 1) await page.screenshot({ path: join(OUT, 'lobby-tv-paged.png') });
    }
    // Down a screen at a time, to the bottom, then back to the top.
    const down = seen.slice(0, -1);
    expect(down.length).toBeGreaterThan(3);
    for (let i = 1; i < down.length; i++) expect(down[i]).toBeGreaterThan(down[i - 1] as number);
    expect(Math.abs((down.at(-1) as number) - bottom)).toBeLessThanOrEqual(2);
    expect(seen.at(-1)).toBe(0);
    // The pager runs under the page's CSP (allowed by its hash).
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints on A4 at about 40 names a side', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/wall/2026-11-27`);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await writeFile(join(OUT, 'wall-a4.pdf'), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // 480 names and 20 excused in their table: 40 a side is 12 pages of names, plus headings.
    const perSide = 480 / pages;
    expect(pages).toBeGreaterThanOrEqual(11);
    expect(perSide).toBeGreaterThanOrEqual(32);
    expect(perSide).toBeLessThanOrEqual(45);
    await page.close();
  });
});
