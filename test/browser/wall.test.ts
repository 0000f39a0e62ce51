import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkin, Excuse } from '../../functions/core/model';
import type { Stores } from '../../functions/core/ports';
import { publishReport } from '../../functions/core/publish';
import type { Report } from '../../functions/core/report';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { demoEmployeeId, demoRoster } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { launchChromium, noChromium, PHONE, pageErrors } from '../support/browser';
import { FakeClock } from '../support/memory-store';
import { pdfPages } from '../support/pdf';
import { demoCheckin } from '../support/scenario';

/**
 * The information wall in a real browser, with 685 absentees over 10 units (a day on which
 * nearly nobody checked in): on a lobby TV at 1920×1080 (columns across the width, one screen at
 * a time, each headed by the date, the totals and the units of its names), on a phone, and
 * printed on A4 (title, date and page on every sheet, each unit's heading on every page it runs
 * onto). Screenshots and the PDF land in test-output/wall/.
 */

const OUT = join(process.cwd(), 'test-output', 'wall');
const DATE = '2026-11-27';
const TITLE = 'Daftar Pegawai Tidak Hadir Apel Pagi';
const LONG_DATE = 'Jumat, 27 November 2026';
const clock = new FakeClock(new Date('2026-11-27T01:30:00Z')); // 08:30 WIB, after the apel
let browser: Browser;
let rt: Awaited<ReturnType<typeof testRuntime>>;
let base: string;
let close: () => Promise<void>;
let report: Report;

/** Degrees as rosters write them: a third of the names carry one or two, some a title too. */
const DEGREES = [', S.E.', ', S.Sos.', ', S.Kom.', ', S.H., M.H.', ', S.Pd.', ', S.Sos., M.Si.'];
const TITLES = ['Dr. ', 'Ir. ', 'Hj. ', 'Drs. '];
function titled(i: number, name: string): string {
  const degree = i % 3 === 1 ? DEGREES[i % DEGREES.length] : '';
  return `${i % 17 === 5 ? TITLES[i % TITLES.length] : ''}${name}${degree}`;
}

/** 700 on the roster: 5 on time, 5 late, 5 excused, 685 absent. */
async function seedNearlyEmptyDay(stores: Stores) {
  await stores.roster.putMany(demoRoster(700).map((e, i) => ({ ...e, name: titled(i, e.name) })));
  const checkins: Checkin[] = Array.from({ length: 10 }, (_, i) => {
    const receivedAt = `${DATE}T00:${i < 5 ? '1' : '4'}${i}:00.000Z`;
    return demoCheckin(i + 1, DATE, i >= 5, receivedAt);
  });
  await Promise.all(checkins.map((c) => stores.checkins.putFirstCheckin(c)));
  const kinds = ['leave', 'sick', 'duty', 'permit', 'other'] as const;
  for (const [i, kind] of kinds.entries()) {
    const excuse: Excuse = {
      excuseId: `seed${String(i).padStart(16, '0')}`,
      employeeId: demoEmployeeId(11 + i),
      from: DATE,
      to: DATE,
      kind,
      createdAt: '2026-11-24T02:00:00.000Z',
      createdBy: 'bkd',
    };
    await stores.excuses.put(excuse);
  }
}

/** What one screen of the lobby TV shows, read from the page's layout. */
function readScreen() {
  const flow = document.querySelector('.flow') as HTMLElement;
  const box = flow.getBoundingClientRect();
  const inView = (sel: string) => {
    const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  const problems: string[] = [];
  const columns = new Map<number, Element[]>();
  for (const e of flow.querySelectorAll('h3, li')) {
    const r = e.getBoundingClientRect();
    if (r.height === 0 || r.right <= box.left + 1 || r.left >= box.right - 1) continue;
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
      problems.push(`cut off: ${e.textContent}`);
    }
    // Headings start at their column's edge, names behind the list's numbers.
    const name = e.tagName === 'LI' && !e.classList.contains('cont');
    const pad = name
      ? Number.parseFloat(getComputedStyle(e.parentElement as Element).paddingLeft)
      : 0;
    const key = Math.round((r.left - pad) / 8);
    columns.set(key, [...(columns.get(key) ?? []), e]);
  }
  const names: string[] = [];
  for (const [, items] of [...columns].sort((a, b) => a[0] - b[0])) {
    items.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    let unit: Element | null = null;
    for (const e of items) {
      if (e.tagName === 'H3' || e.classList.contains('cont')) {
        unit = e.closest('table.unit');
        const title = unit?.querySelector('ol')?.dataset.cont ?? '';
        if (!(e.textContent ?? '').startsWith(title.replace(/ \([^)]*\)$/, ''))) {
          problems.push(`heading ${e.textContent} is not its unit's`);
        }
      } else if (unit === null) {
        problems.push(`a column starts without its unit: ${e.textContent}`);
      } else if (e.closest('table.unit') !== unit) {
        problems.push(`${e.textContent} under another unit's heading`);
      }
      if (e.tagName === 'LI' && !e.classList.contains('cont')) names.push(e.textContent ?? '');
    }
  }
  return {
    label: document.querySelector('.screen')?.textContent ?? '',
    columns: columns.size,
    names,
    problems,
    header: inView('h1') && inView('.date') && inView('.totals'),
    totals: document.querySelector('.totals')?.textContent ?? '',
  };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

describe.skipIf(noChromium)('the wall in Chromium', () => {
  beforeAll(async () => {
    [browser, rt] = await Promise.all([launchChromium(), testRuntime(clock)]);
    await rt.stores.settings.putSettings({ ...DEFAULT_SETTINGS, wallAccess: 'public' });
    await seedNearlyEmptyDay(rt.stores);
    report = (await publishReport(rt, DATE)).report;
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

  it('fills a 1920×1080 lobby TV with columns, one screen at a time, each headed by date, totals and units', async () => {
    expect(report.totals).toMatchObject({ expected: 700, absent: 685, late: 5, excused: 5 });
    expect(new Set(report.absent.map((p) => p.unit)).size).toBe(10);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors = pageErrors(page);
    await page.clock.install();
    await page.goto(`${base}/wall`);
    await expect.poll(() => page.locator('html.paged').count()).toBe(1);
    const px = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.body).fontSize),
    );
    // Readable across a lobby: at least 28 px on a 1080p screen.
    expect(px).toBeGreaterThanOrEqual(28);
    // The page itself never scrolls: the screens change under a title that stands still.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(1080);

    const first = await page.evaluate(readScreen);
    const screens = Number(/^Layar 1 dari (\d+)$/.exec(first.label)?.[1]);
    expect(screens).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let i = 0; i < screens; i++) {
      const s = await page.evaluate(readScreen);
      expect(s.label).toBe(`Layar ${i + 1} dari ${screens}`);
      expect(s.problems, `screen ${i + 1}`).toEqual([]);
      expect(s.header, `screen ${i + 1}: title, date and totals in view`).toBe(true);
      expect(s.totals).toContain('Tidak hadir: 685');
      // The width is used: 4 or 5 columns on every full screen.
      if (i < screens - 1) expect(s.columns, `screen ${i + 1}`).toBeGreaterThanOrEqual(4);
      seen.push(...s.names);
      if (i === 0) await shot(page, 'lobby-tv-1');
      if (i === 2) await shot(page, 'lobby-tv-3');
      await page.clock.runFor(12_000);
    }
    // One cycle shows every name once, then starts again.
    expect(seen.sort()).toEqual(report.absent.map((p) => p.name).sort());
    expect((await page.evaluate(readScreen)).label).toBe(`Layar 1 dari ${screens}`);
    // At least 70 names a screen, so 685 take at most 10 screens (2 minutes at 12 s each).
    expect(685 / screens).toBeGreaterThanOrEqual(70);
    process.stdout.write(`[wall] 1920×1080: ${first.columns} columns, ${screens} screens\n`);
    // The pager runs under the page's CSP (allowed by its hash).
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reloads for the newest report after whole cycles only, so no screen is skipped', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.clock.install();
    await page.goto(`${base}/wall`);
    await expect.poll(() => page.locator('html.paged').count()).toBe(1);
    const screens = Number(/dari (\d+)$/.exec((await page.evaluate(readScreen)).label)?.[1]);
    await page.evaluate(() => {
      (window as { before?: boolean }).before = true;
    });
    const still = () =>
      page.evaluate(() => (window as { before?: boolean }).before === true).catch(() => false);
    // The screens shown until the reload; a page that called reload() stops paging.
    const labels: string[] = [];
    for (let i = 0; i < 100; i++) {
      const s = await page.evaluate(readScreen).catch(() => null);
      if (!s || !(await still()) || labels.at(-1) === s.label) break;
      labels.push(s.label);
      await page.clock.runFor(12_000);
    }
    await expect.poll(still).toBe(false);
    // Reloaded at the first end of a cycle after 300 s, from the last screen.
    expect(labels.at(-1)).toBe(`Layar ${screens} dari ${screens}`);
    expect(labels.length % screens).toBe(0);
    expect(labels.length * 12).toBeGreaterThanOrEqual(300);
    expect((labels.length - screens) * 12).toBeLessThan(300);
    await page.close();
  });

  it('scrolls on a phone, one column, each unit’s heading held at the top over its names', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.clock.install();
    await page.goto(`${base}/wall`);
    expect(await page.locator('html.paged').count()).toBe(0);
    await shot(page, 'phone-top');
    const lefts = await page.evaluate(
      () =>
        new Set([...document.querySelectorAll('li')].map((l) => l.getBoundingClientRect().left))
          .size,
    );
    expect(lefts).toBe(1);
    // Deep inside the third unit: its heading stands at the top of the screen.
    const held = await page.evaluate(() => {
      const unit = document.querySelectorAll('table.unit')[2] as HTMLElement;
      (unit.querySelectorAll('li')[30] as HTMLElement).scrollIntoView({ block: 'center' });
      const top = document.elementFromPoint(20, 8)?.closest('h3');
      return { held: top?.closest('table.unit') === unit, y: scrollY, text: top?.textContent };
    });
    expect(held.held, held.text).toBe(true);
    await shot(page, 'phone-unit-3');
    // Nobody pages a phone but its reader.
    await page.clock.runFor(24_000);
    expect(await page.evaluate(() => scrollY)).toBe(held.y);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints on A4 with the title, date and page on every sheet, and each unit’s heading on every page it runs onto', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/wall/${DATE}`);
    const file = join(OUT, 'wall-a4.pdf');
    await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    const pages = pdfPages(file);
    process.stdout.write(`[wall] A4: ${pages.length} pages\n`);
    // About 40 names a side in 16 pt, less the headings.
    expect(685 / pages.length).toBeGreaterThanOrEqual(30);
    expect(685 / pages.length).toBeLessThanOrEqual(45);

    // "3. Ahmad Rangkuti" → its unit; a long name's first line is a prefix of its entry.
    const entries = [...groupByUnit(report.absent)].flatMap(([unit, names]) =>
      names.map((name, i) => ({
        unit,
        text: `${i + 1}. ${name}`,
        first: i === 0,
        count: names.length,
      })),
    );
    let numbered = 0;
    for (const [n, p] of pages.entries()) {
      expect(p.text, `page ${n + 1}`).toContain(TITLE);
      expect(p.text, `page ${n + 1}`).toContain(LONG_DATE);
      expect(p.text, `page ${n + 1}`).toContain(`Halaman ${n + 1} dari ${pages.length}`);
      const dateLine = p.lines.find((l) => l.text === LONG_DATE);
      const below = p.lines.filter((l) => l.y > (dateLine?.bottom ?? 0));
      for (const column of [0, 1]) {
        const lines = below.filter((l) => (l.x < p.width / 2 ? 0 : 1) === column);
        const at = lines.findIndex((l) => /^\d+\. /.test(l.text));
        if (at < 0) continue; // the last page's second column may be empty
        const firstLine = lines[at]?.text ?? '';
        const entry = entries.find((e) => e.text.startsWith(firstLine));
        expect(entry, `page ${n + 1} column ${column + 1}: ${firstLine}`).toBeDefined();
        const heading = lines
          .slice(0, at)
          .map((l) => l.text)
          .join(' ');
        const want = entry?.first ? `${entry.unit} (${entry.count})` : `${entry?.unit} (lanjutan)`;
        expect(heading, `page ${n + 1} column ${column + 1}`).toContain(want);
      }
      numbered += p.lines.filter((l) => /^\d+\. /.test(l.text)).length;
    }
    // Every name is printed, once.
    expect(numbered).toBe(685);
    await page.close();
  });
});

function groupByUnit(people: readonly { name: string; unit: string }[]) {
  const units = new Map<string, string[]>();
  for (const p of people) units.set(p.unit, [...(units.get(p.unit) ?? []), p.name]);
  return units;
}
