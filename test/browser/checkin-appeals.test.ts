import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, localTime } from '../../functions/core/calendar';
import { DEMO_POINT, demoRoster } from '../../functions/local/demo';
import { noChromium, PHONE, screenshot } from '../support/browser';
import { axe } from '../support/console-page';
import { pageSuite } from '../support/page-suite';

/**
 * The check-in page's appeals (sanggahan) in Chromium as a phone: yesterday's report is
 * published with demo-004 absent, so the page offers "Ajukan sanggahan" for it; the employee
 * claims an excuse (sick) with a reason, the appeal is listed as awaiting a decision and the day
 * leaves the open list; once an admin rejects it with a note, the page shows "Ditolak" and the
 * note. An empty reason is refused in place, before anything is sent.
 */

const WHO = demoRoster()[3]!; // demo-004
const admin = { as: 'bkd-admin', admin: true };

describe.skipIf(noChromium)('check-in page: appeals', () => {
  const pages = pageSuite();

  async function publishYesterday(): Promise<string> {
    const srv = pages.srv;
    const settings = (await srv.rt.call('GET', '/v1/settings', admin)).json;
    const day = addDays(localTime(srv.clock.now(), settings.timezone).date, -1);
    const r = await srv.rt.call('POST', `/v1/reports/${day}/publish`, admin);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const report = (await srv.rt.call('GET', `/v1/reports/${day}`, admin)).json;
    expect(report.absent.map((p: { employeeId: string }) => p.employeeId)).toContain(
      WHO.employeeId,
    );
    return day;
  }

  async function phone(): Promise<Page> {
    const page = await pages.open({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    await page.goto(pages.srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: new RegExp(WHO.employeeId) }).tap();
    await page.getByRole('heading', { name: 'Sanggahan', exact: true }).waitFor();
    return page;
  }

  it('appeals a day named absent, lists the appeal, then shows its decision and note', async () => {
    const day = await publishYesterday();
    const page = await phone();
    // The page offers what the API lists as open, the published day among them.
    const listed = (await pages.srv.rt.call('GET', '/v1/appeals/me', { as: WHO.employeeId })).json;
    expect(listed.open.map((o: { date: string }) => o.date)).toContain(day);
    const open = page.locator('#appeals-open li');
    await expect.poll(() => open.count()).toBe(listed.open.length);
    const mineDay = page.locator(`#appeals-open li[data-day="${day}.pagi"]`);
    expect(await mineDay.textContent()).toMatch(
      /^Apel pagi, .+ — sanggahan dapat diajukan sampai .+ 23\.59/,
    );
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '40-appeals-open');

    await mineDay.getByRole('button', { name: 'Ajukan sanggahan' }).tap();
    // Nothing written: refused here, nothing sent.
    await page.getByRole('button', { name: 'Kirim sanggahan' }).tap();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tulis alasannya.');
    expect(await pages.srv.rt.stores.appeals.get(`${day}.pagi.${WHO.employeeId}`)).toBeNull();

    await page.getByLabel('Saya sakit / izin / dinas').check();
    await page.getByLabel('Keterangan').selectOption('sick');
    await page.getByLabel(/^Alasan/).fill('Demam sejak pagi, surat dokter menyusul');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '41-appeals-form');
    await page.getByRole('button', { name: 'Kirim sanggahan' }).tap();

    await expect
      .poll(() => page.locator('#appeals-notice').textContent())
      .toMatch(/Sanggahan terkirim/);
    const mine = page.locator('#appeals-mine li');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.first().textContent()).toMatch(/^Apel pagi, .+: Sakit — Menunggu keputusan/);
    expect(await open.count()).toBe(listed.open.length - 1);
    expect(await mineDay.count()).toBe(0);
    const stored = await pages.srv.rt.stores.appeals.get(`${day}.pagi.${WHO.employeeId}`);
    expect(stored).toMatchObject({
      claim: 'excused',
      kind: 'sick',
      reason: 'Demam sejak pagi, surat dokter menyusul',
      status: 'open',
    });
    await screenshot(page, '42-appeals-sent');

    const decided = await pages.srv.rt.call('POST', `/v1/appeals/${stored?.appealId}/decision`, {
      ...admin,
      body: { decision: 'reject', note: 'Surat dokter belum diterima' },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    await page.reload();
    await expect.poll(() => mine.first().textContent()).toMatch(/Ditolak/);
    expect(await mine.first().textContent()).toMatch(/Catatan: Surat dokter belum diterima/);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '43-appeals-decided');

    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { name: 'Appeals', exact: true }).waitFor();
    expect(await mine.first().textContent()).toMatch(/Rejected.*Note: Surat dokter/);
  });
});
