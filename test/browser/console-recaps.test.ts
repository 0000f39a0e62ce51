import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, SHOTS, shot } from '../support/console-page';

/**
 * The console's Rekap screen in Chromium against the local runtime: the month's totals per unit
 * and per employee as the API counts them, a unit filter, the CSV and xlsx downloads, a past
 * month locked and unlocked with a reason; axe-core at a desk's 1366×768 and on a phone.
 */

let suite: ReturnType<typeof consoleSuite>;
const admin = { as: 'bkd-admin', admin: true };

async function thisMonth(): Promise<string> {
  const tz = (await suite.pages.srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date()).slice(0, 7);
}
function monthBefore(m: string): string {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`;
}
/** The screen as it first shows (a full page of 700 employees is too tall to look at). */
const top = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const cellsOf = (page: Page, table: string, row: string) =>
  page.locator(`#${table} ~ .table-wrap ${row} td.num`).allTextContents();

describe.skipIf(noChromium)('console: the monthly recap', () => {
  suite = consoleSuite();
  const pages = suite.pages;

  it('totals per unit and per employee as the API counts them; a unit filter', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Rekap' }).click();
    await page.getByRole('heading', { name: 'Rekap bulanan' }).waitFor();
    expect(page.url()).toBe(`${pages.srv.base}/admin/recaps`);
    const month = await thisMonth();
    expect(await page.getByLabel('Bulan', { exact: true }).inputValue()).toBe(month);
    const want = (await pages.srv.rt.call('GET', `/v1/recaps/${month}`, admin)).json;
    await page.locator('#recap-units').waitFor();
    const units = page.locator('#recap-units ~ .table-wrap tbody tr');
    expect(await units.count()).toBe(want.units.length);
    const total = await cellsOf(page, 'recap-units', 'tfoot tr');
    expect(total[0]).toBe(want.totals.expected.toLocaleString('id-ID'));
    expect(total[6]).toBe(want.totals.absent.toLocaleString('id-ID'));
    expect(await page.locator('#recap-rows ~ .table-wrap tbody tr').count()).toBe(want.rows.length);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'recaps-desk');
    await top(page, 'recaps-desk-top');

    const unit = want.units[1].unit as string;
    await page.getByLabel('Unit kerja', { exact: true }).selectOption(unit);
    await expect
      .poll(() => page.locator('#recap-rows ~ .table-wrap tbody tr').count(), { timeout: 30_000 })
      .toBe(want.units[1].employees);
    const shown = await page
      .locator('#recap-rows ~ .table-wrap tbody tr td:first-of-type')
      .allTextContents();
    expect(new Set(shown)).toEqual(new Set([unit]));
    expect(await units.count()).toBe(1);
    await page.close();
  }, 120_000);

  it('CSV and xlsx download with the month in their names', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/recaps');
    await page.locator('#recap-units').waitFor();
    const month = await thisMonth();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`rekap-pagi-${month}.csv`);
    const text = await readFile((await csv.path()) as string, 'utf8');
    expect(text.replace(/^\uFEFF/, '').startsWith('Unit kerja;NIP;Nama')).toBe(true);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh Excel (xlsx)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`rekap-pagi-${month}.xlsx`);
    const bytes = await readFile((await xlsx.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as xlsx files are
    await page.close();
  }, 120_000);

  it('a past month is locked after a question, and unlocked only with a reason', async () => {
    const page = await suite.open(PHONE);
    await suite.signIn(page, /Admin BKD/, '/admin/recaps');
    await page.locator('.recap-state').waitFor();
    const past = monthBefore(await thisMonth());
    await page.getByLabel('Bulan', { exact: true }).fill(past);
    await page.getByLabel('Bulan', { exact: true }).dispatchEvent('change');
    await expect
      .poll(() => page.locator('.recap-state').textContent(), { timeout: 30_000 })
      .toMatch(/belum dikunci/);
    await page.getByRole('button', { name: 'Kunci bulan' }).click();
    await page.getByRole('button', { name: 'Ya' }).click();
    await page.getByText(`${past} dikunci.`).waitFor();
    expect(await page.locator('.recap-state').textContent()).toMatch(/dikunci .* oleh bkd-admin/);
    const lock = (await pages.srv.rt.call('GET', `/v1/recaps/${past}`, admin)).json.lock;
    expect(lock.locked).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'recaps-phone-locked');
    await top(page, 'recaps-phone-locked-top');

    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await page.getByRole('button', { name: 'Ya' }).click();
    await page.getByText('Tulis alasannya dulu.').waitFor();
    expect((await pages.srv.rt.call('GET', `/v1/recaps/${past}`, admin)).json.lock.locked).toBe(
      true,
    );
    await page.getByLabel('Alasan membuka kunci').fill('koreksi cuti');
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await page.getByRole('button', { name: 'Ya' }).click();
    await page.getByText(`${past} dibuka lagi.`).waitFor();
    const after = (await pages.srv.rt.call('GET', `/v1/recaps/${past}`, admin)).json;
    expect(after.lock).toBeUndefined();
    await shot(page, 'recaps-phone-unlocked');
    await page.close();
  }, 120_000);
});
