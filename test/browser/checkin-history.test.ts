import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekdayOf, localTime } from '../../functions/core/calendar';
import { DEMO_POINT, demoRoster } from '../../functions/local/demo';
import { noChromium, PHONE, screenshot } from '../support/browser';
import { axe, DESK } from '../support/console-page';
import { type SeededMonth, seedLastMonth } from '../support/history-month';
import { pageSuite } from '../support/page-suite';

/**
 * Riwayat on the check-in page in Chromium, on a 390×844 phone and at a desk: last month seeded
 * with a check-in on time, one late, a sick excuse, an absence and an officer's mark (five days
 * published, the rest not); the most recent workday published with the employee absent, so it
 * may still be appealed. The employee opens Riwayat on this month (the appeal link there or in
 * last month), steps back a month and sees each day as GET /v1/me/history says, the totals,
 * and the appeal link opening the Sanggahan form.
 */

const WHO = demoRoster()[4]!; // demo-005
const admin = { as: 'bkd-admin', admin: true };
const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } };

interface Entry {
  rollCallId: string;
  status: string;
  method?: string;
  at?: string;
  kind?: string;
}
interface Day {
  date: string;
  workday: boolean;
  holiday?: string;
  rollCalls: Entry[];
}

/**
 * The guides' small pictures (docs/img) when DOCS_SHOTS is set: the section's top (the picker,
 * the totals, the first days), at most a phone's screen tall, in CSS pixels.
 */
async function docShot(page: Page, name: string) {
  const docs = process.env.DOCS_SHOTS;
  if (!docs) return;
  await mkdir(docs, { recursive: true });
  await page.locator('#history').scrollIntoViewIfNeeded();
  const box = await page.locator('#history').boundingBox();
  if (!box) throw new Error('#history is not shown');
  const scrollY = await page.evaluate(() => window.scrollY);
  const clip = {
    x: box.x,
    y: box.y + scrollY,
    width: box.width,
    height: Math.min(box.height, 760),
  };
  await page.screenshot({ path: join(docs, `${name}.png`), scale: 'css', clip, fullPage: true });
}

describe.skipIf(noChromium)('check-in page: Riwayat', () => {
  const pages = pageSuite();
  let seeded: (SeededMonth & { appealable: string }) | undefined;

  /** Once per file: last month, and the latest workday published with WHO absent. */
  async function seed() {
    if (seeded) return seeded;
    const srv = pages.srv;
    const month = await seedLastMonth(srv, WHO.employeeId);
    const tz = (await srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
    let day = localTime(srv.clock.now(), tz).date;
    for (;;) {
      day = addDays(day, -1);
      const on = await srv.rt.stores.settings.settingsOn(day);
      if (on.settings?.workdays.includes(isoWeekdayOf(day))) break;
    }
    const p = await srv.rt.call('POST', `/v1/reports/${day}/publish`, admin);
    expect(p.status, p.text).toBe(200);
    seeded = { ...month, pending: month.pending.filter((d) => d !== day), appealable: day };
    return seeded;
  }

  async function history(month: string): Promise<Day[]> {
    const r = await pages.srv.rt.call('GET', `/v1/me/history?month=${month}`, {
      as: WHO.employeeId,
    });
    expect(r.status, r.text).toBe(200);
    return r.json.days;
  }

  async function openRiwayat(options: object): Promise<Page> {
    const page = await pages.open({
      ...options,
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    await page.goto(pages.srv.base);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: new RegExp(WHO.employeeId) }).click();
    await page.getByRole('heading', { name: 'Riwayat', exact: true }).waitFor();
    // Sanggahan has been read (the appeal link depends on it).
    await page.getByRole('heading', { name: 'Sanggahan', exact: true }).waitFor();
    const toggle = page.getByRole('button', { name: 'Lihat riwayat' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(
      await page.getByRole('button', { name: 'Tutup riwayat' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await page.locator('#history-days').waitFor({ timeout: 30_000 });
    return page;
  }

  const entry = (page: Page, date: string) => page.locator(`#history-days li[data-date="${date}"]`);

  /** Every day the page lists says what the API says of it, in the order the API gives. */
  async function expectAsTheApiSays(page: Page, month: string) {
    const days = await history(month);
    const listed = await page
      .locator('#history-days > li')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.date));
    expect(listed).toEqual(days.map((d) => d.date));
    for (const d of days) {
      const statuses = await entry(page, d.date)
        .locator('[data-status]')
        .evaluateAll((ps) => ps.map((p) => (p as HTMLElement).dataset.status));
      expect(statuses, d.date).toEqual(d.rollCalls.map((e) => e.status));
    }
    return days;
  }

  const count = (page: Page, key: string) =>
    page.locator(`#history-totals [data-count="${key}"] .num`).textContent();

  it('opens on this month, steps back to last month: each day, method and total as the data says', async () => {
    const s = await seed();
    const page = await openRiwayat(PHONE_390);
    const tz = (await pages.srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
    const thisMonth = localTime(pages.srv.clock.now(), tz).date.slice(0, 7);
    expect(await page.locator('#history-month').inputValue()).toBe(thisMonth);
    expect(await page.locator('#history-next').isDisabled()).toBe(true);
    await expectAsTheApiSays(page, thisMonth);
    expect(await axe(page)).toEqual([]);
    await page.locator('#history').scrollIntoViewIfNeeded();
    await screenshot(page, '50-history-this-month');

    await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    await expect.poll(() => page.locator('#history-month').inputValue()).toBe(s.month);
    await expect.poll(() => entry(page, s.onTime).count(), { timeout: 30_000 }).toBe(1);
    const days = await expectAsTheApiSays(page, s.month);
    const text = (date: string) => entry(page, date).locator('.hday-body').textContent();
    expect(await text(s.onTime)).toBe('Hadir tepat waktu · GPS');
    expect(await text(s.late)).toBe(`Terlambat 15 menit, tiba ${s.lateAt.replace(':', '.')} · GPS`);
    expect(await text(s.sick)).toBe('Sakit');
    expect(await text(s.marked)).toBe('Hadir tepat waktu · Ditandai petugas');
    expect(await text(s.absent)).toMatch(/^Tidak hadir/);
    // The first absence is out of its appeal window by now: no link.
    expect(await entry(page, s.absent).getByRole('button').count()).toBe(0);
    for (const d of s.pending) expect(await text(d), d).toBe('Belum diterbitkan');
    const off = days.find((d) => !d.workday && d.rollCalls.length === 0);
    if (off) expect(await text(off.date)).toMatch(/^Libur/);

    const absent = s.month === s.appealable.slice(0, 7) ? 2 : 1;
    expect(await count(page, 'on_time')).toBe('2');
    expect(await count(page, 'late')).toBe('1');
    expect(await count(page, 'excused')).toBe('1');
    expect(await count(page, 'absent')).toBe(String(absent));
    expect(await count(page, 'pending')).toBe(String(s.pending.length));
    expect(await page.locator('#history-of').textContent()).toBe(
      `dari ${5 + s.pending.length + absent - 1} apel; 1 ditandai petugas, 0 lewat sanggahan`,
    );
    expect(await axe(page)).toEqual([]);
    await entry(page, s.onTime).scrollIntoViewIfNeeded();
    await screenshot(page, '51-history-last-month');
    await docShot(page, 'checkin-history');

    // The same month in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
    expect(await text(s.marked)).toBe('On time · Marked by an officer');
    expect(await text(s.sick)).toBe('Sick');
  }, 120_000);

  it('an absence still open to appeal links to its Sanggahan form', async () => {
    const s = await seed();
    const page = await openRiwayat(PHONE_390);
    const month = s.appealable.slice(0, 7);
    if ((await page.locator('#history-month').inputValue()) !== month) {
      await page.locator('#history-month').selectOption(month);
    }
    const day = entry(page, s.appealable);
    await expect
      .poll(() => day.locator('[data-status]').getAttribute('data-status'))
      .toBe('absent');
    const link = day.getByRole('button', { name: 'Ajukan sanggahan' });
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, '52-history-appeal-link');
    await link.click();
    const present = page.getByLabel('Saya hadir, GPS bermasalah');
    await expect.poll(() => present.evaluate((n) => n === document.activeElement)).toBe(true);
    await page.getByLabel(/^Alasan/).fill('GPS tidak mengunci, saya di lapangan');
    await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
    await expect
      .poll(() => page.locator('#appeals-notice').textContent())
      .toMatch(/Sanggahan terkirim/);
    // The day now says its appeal waits for a decision, and offers no second one.
    await expect.poll(() => day.textContent()).toMatch(/Sanggahan menunggu keputusan/);
    expect(await day.getByRole('button').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
  }, 120_000);

  it('at a desk: the same month, wider', async () => {
    const s = await seed();
    const page = await openRiwayat({ viewport: DESK, locale: 'id-ID' });
    await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    await expect.poll(() => entry(page, s.late).count(), { timeout: 30_000 }).toBe(1);
    await expectAsTheApiSays(page, s.month);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '53-history-desk');
  }, 120_000);
});
