import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../functions/local/demo';
import { demoFix } from '../support/app';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';

/**
 * The staff console in Chromium at a desk's 1366×768 (and a tablet's 768×1024) against the local
 * runtime: the real demo sign-in (code + PKCE, back to /admin), the live board filling as a
 * check-in arrives, the settings form showing the server's own refusals by field, holidays,
 * the no-access page for an employee, and axe-core on every screen.
 */

let suite: ReturnType<typeof consoleSuite>;
const open = (viewport = DESK) => suite.open(viewport);
const signIn = (page: Page, who: RegExp) => suite.signIn(page, who);

const tile = (page: Page, key: string) => page.locator(`[data-total="${key}"] .num`).textContent();

describe.skipIf(noChromium)('staff console in Chromium', () => {
  suite = consoleSuite();
  const pages = suite.pages;

  it('signed out: a sign-in screen in Indonesian, accessible', async () => {
    const page = await open();
    await page.goto(`${pages.srv.base}/admin/settings`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Konsol BKD');
    expect(await axe(page)).toEqual([]);
    await shot(page, '01-signed-out');
  });

  it('an admin signs in and sees today’s board fill as a check-in arrives, without a reload', async () => {
    const page = await open();
    await signIn(page, /Admin BKD/);
    await page.getByRole('heading', { name: 'Apel pagi hari ini' }).waitFor();
    expect(await page.locator('.who').textContent()).toBe('Masuk sebagai bkd-admin');
    await expect.poll(() => tile(page, 'expected')).toBe('700');
    const before = Number(await tile(page, 'on-time'));
    const absent = Number((await tile(page, 'absent'))?.replace('.', ''));
    expect(await page.locator('#freshness').textContent()).toMatch(
      /diperbarui otomatis setiap 20 detik/,
    );
    expect(await page.locator('.meta').textContent()).toMatch(
      /Daftar tidak hadir diterbitkan pukul 19\.00 GMT/,
    );

    // Who is missing, found by name.
    const target = demoRoster()[41]!; // demo-042
    await page.getByLabel('Cari nama').fill(target.name);
    await expect.poll(() => page.locator('#missing tbody tr').count()).toBeGreaterThan(0);
    const rows = await page.locator('#missing tbody tr').allTextContents();
    expect(rows.every((r) => r.includes(target.name))).toBe(true);
    expect(rows.some((r) => r.includes(target.employeeId))).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, '02-today');

    // A check-in arrives through the API; the board shows it at its next refresh (≤ 20 s).
    const r = await pages.srv.rt.call('POST', '/v1/checkins', {
      as: target.employeeId,
      body: demoFix(pages.srv.clock),
    });
    expect(r.status).toBe(201);
    const url = page.url();
    await expect
      .poll(() => tile(page, 'on-time'), { timeout: 26_000, interval: 500 })
      .toBe(String(before + 1));
    expect(page.url()).toBe(url);
    expect(Number((await tile(page, 'absent'))?.replace('.', ''))).toBe(absent - 1);
    await expect
      .poll(() => page.locator('#missing tbody tr').allTextContents())
      .not.toContainEqual(expect.stringContaining(target.employeeId));
    await shot(page, '03-today-after-checkin');
  }, 60_000);

  it('settings: the server’s refusals shown at their fields, then saved', async () => {
    const page = await open();
    await signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    expect(page.url()).toBe(`${pages.srv.base}/admin/settings`);
    const accuracy = page.getByLabel('Akurasi GPS terburuk yang diterima (meter)');
    await accuracy.waitFor();
    await accuracy.fill('5000');
    await page.getByLabel('Daftar diterbitkan pukul').fill('17:30'); // before closesAt 18:00
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('alert').filter({ hasText: 'periksa isian yang ditandai' }).waitFor();
    // The server's own wording, in the reader's language.
    expect(await page.locator('#e-maxAccuracyM').textContent()).toBe('paling besar 1000');
    expect(await accuracy.getAttribute('aria-invalid')).toBe('true');
    expect(await accuracy.getAttribute('aria-describedby')).toContain('e-maxAccuracyM');
    expect(await page.locator('#e-reportAt').textContent()).toMatch(
      /^reportAt harus sesudah closesAt/,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-reportAt'); // the first refused field, in the form's order
    // Nothing was stored.
    expect(
      (await pages.srv.rt.call('GET', '/v1/settings', { as: 'x', admin: true })).json.maxAccuracyM,
    ).toBe(50);
    expect(await axe(page)).toEqual([]);
    await shot(page, '04-settings-invalid');

    await accuracy.fill('60');
    await page.getByLabel('Daftar diterbitkan pukul').fill('19:00');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan tersimpan.' }).waitFor();
    expect(await page.locator('.field-error').count()).toBe(0);
    const stored = (await pages.srv.rt.call('GET', '/v1/settings', { as: 'x', admin: true })).json;
    expect(stored).toMatchObject({ maxAccuracyM: 60, reportAt: '19:00', closesAt: '18:00' });
    await shot(page, '05-settings-saved');
  });

  it('holidays: add one for a year, see it listed, remove it; the English switch is remembered', async () => {
    const page = await open();
    await signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Hari libur' }).click();
    await page.getByLabel('Tanggal').fill('2031-08-17');
    await page.getByLabel('Nama hari libur').fill('Hari Kemerdekaan');
    await page.getByRole('button', { name: 'Tambah' }).click();
    await page.getByRole('heading', { name: 'Hari libur 2031' }).waitFor();
    await expect
      .poll(() => page.locator('#holidays tbody').textContent())
      .toContain('Hari Kemerdekaan');
    expect(await page.locator('#holidays tbody').textContent()).toContain(
      'Minggu, 17 Agustus 2031',
    );
    expect(
      (await pages.srv.rt.call('GET', '/v1/holidays/2031-08-17', { as: 'x', admin: true })).json,
    ).toEqual({
      date: '2031-08-17',
      name: 'Hari Kemerdekaan',
    });
    expect(await axe(page)).toEqual([]);
    await shot(page, '06-holidays');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Holidays 2031' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: /^Holidays \d{4}$/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: /^Next year/ }).waitFor();
    while (!(await page.getByRole('heading', { name: 'Holidays 2031' }).count())) {
      await page.getByRole('button', { name: /^Next year/ }).click();
    }
    await page.getByRole('button', { name: /Remove Hari Kemerdekaan/ }).click();
    await page.getByRole('status').filter({ hasText: 'Hari Kemerdekaan removed.' }).waitFor();
    // The status may come before the list is drawn again: wait for the empty list itself.
    await page.getByText('No holidays for this year yet.').waitFor();
    expect(await page.getByText('No holidays for this year yet.').count()).toBe(1);
    expect(
      (await pages.srv.rt.call('GET', '/v1/holidays/2031-08-17', { as: 'x', admin: true })).status,
    ).toBe(404);
    expect(await axe(page)).toEqual([]);
    await shot(page, '07-holidays-en-removed');
  });

  it('an employee who is not an admin sees that the console is not for them', async () => {
    const page = await open();
    await signIn(page, /demo-003/);
    await page.getByRole('heading', { name: 'Anda tidak memiliki akses ke konsol' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(
      await page.getByRole('link', { name: 'Ke halaman absen apel' }).getAttribute('href'),
    ).toBe('/');
    expect(await axe(page)).toEqual([]);
    await shot(page, '08-no-access');
  });

  it('on a tablet: the menu goes across the top, the board still reads', async () => {
    const page = await open(TABLET);
    await signIn(page, /Admin BKD/);
    await expect.poll(() => tile(page, 'expected')).toBe('700');
    const nav = await page.getByRole('navigation').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(nav!.y).toBeLessThan(main!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, '09-today-tablet');
  });
});
