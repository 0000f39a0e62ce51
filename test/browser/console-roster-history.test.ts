import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot } from '../support/console-page';
import { seedLastMonth } from '../support/history-month';

/**
 * The roster's Riwayat in Chromium: an admin finds an employee, opens their month from the row
 * (GET /v1/employees/{id}/history), picks last month (seeded: on time, late, sick, absent, an
 * officer's mark) and sees each day as the API says, with the totals; at a desk and on a phone.
 */

const WHO = demoRoster()[5]!; // demo-006
const admin = { as: 'bkd-admin', admin: true };

describe.skipIf(noChromium)('console: an employee’s history from the roster', () => {
  const suite = consoleSuite();
  const pages = suite.pages;
  let seeded: Awaited<ReturnType<typeof seedLastMonth>> | undefined;

  async function openHistory(viewport = DESK): Promise<Page> {
    seeded ??= await seedLastMonth(pages.srv, WHO.employeeId);
    const page = await suite.open(viewport);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Pegawai' }).click();
    await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
    await page.getByLabel('Cari nama atau NIP').fill(WHO.employeeId);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = page.locator(`#roster tr[data-id="${WHO.employeeId}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: `Riwayat ${WHO.name}` }).click();
    await page.getByRole('heading', { name: `Riwayat ${WHO.name}` }).waitFor();
    await page.locator('#history-days').waitFor({ timeout: 30_000 });
    return page;
  }

  it('opens an employee’s month from their row and switches to last month', async () => {
    const page = await openHistory();
    const s = seeded!;
    await page.locator('#history-month').selectOption(s.month);
    const row = (date: string) => page.locator(`#history-days tr[data-date="${date}"]`);
    await expect.poll(() => row(s.onTime).count(), { timeout: 30_000 }).toBe(1);
    const api = await pages.srv.rt.call(
      'GET',
      `/v1/employees/${WHO.employeeId}/history?month=${s.month}`,
      admin,
    );
    expect(api.status, api.text).toBe(200);
    for (const d of api.json.days as { date: string; rollCalls: { status: string }[] }[]) {
      const statuses = await row(d.date).evaluateAll((trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.status ?? null),
      );
      expect(statuses, d.date).toEqual(
        d.rollCalls.length ? d.rollCalls.map((e) => e.status) : [null],
      );
    }
    const cells = (date: string) => row(date).locator('td').allTextContents();
    expect(await cells(s.onTime)).toEqual(['Hadir tepat waktu', 'GPS']);
    expect(await cells(s.late)).toEqual([
      `Terlambat 15 menit, tiba ${s.lateAt.replace(':', '.')}`,
      'GPS',
    ]);
    expect(await cells(s.sick)).toEqual(['Sakit', '']);
    expect(await cells(s.absent)).toEqual(['Tidak hadir', '']);
    expect(await cells(s.marked)).toEqual(['Hadir tepat waktu', 'Ditandai petugas']);
    for (const d of s.pending) expect(await cells(d), d).toEqual(['Belum diterbitkan', '']);
    const count = (k: string) =>
      page.locator(`#history-totals [data-count="${k}"] .num`).textContent();
    expect(await count('on_time')).toBe('2');
    expect(await count('late')).toBe('1');
    expect(await count('excused')).toBe('1');
    expect(await count('absent')).toBe('1');
    expect(await count('pending')).toBe(String(s.pending.length));
    expect(await axe(page)).toEqual([]);
    await shot(page, 'roster-history-desk');
    const docs = process.env.DOCS_SHOTS;
    if (docs) {
      await mkdir(docs, { recursive: true });
      const box = await page.locator('#roster-history').boundingBox();
      if (!box) throw new Error('#roster-history is not shown');
      const scrollY = await page.evaluate(() => window.scrollY);
      await page.screenshot({
        path: join(docs, 'console-roster-history.png'),
        scale: 'css',
        fullPage: true,
        clip: { x: box.x, y: box.y + scrollY, width: box.width, height: Math.min(box.height, 620) },
      });
    }
    await page.getByRole('button', { name: 'Tutup riwayat' }).click();
    expect(await page.locator('#roster-history').count()).toBe(0);
  }, 120_000);

  it('on a phone: the same month view', async () => {
    const page = await openHistory(PHONE);
    await page.locator('#history-month').selectOption(seeded!.month);
    await expect
      .poll(() => page.locator(`#history-days tr[data-date="${seeded!.late}"]`).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'roster-history-phone');
  }, 120_000);
});
