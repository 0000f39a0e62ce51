import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localTime } from '../../functions/core/calendar';
import { DEMO_POINT, demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot, TABLET } from '../support/console-page';

/**
 * Roll calls end to end in Chromium against the local runtime: an admin adds the afternoon apel
 * and a 17 August ceremony at Lapangan Merdeka for one unit in the console (Apel / Roll calls),
 * after the server refused a window that closes before it starts; an employee of that unit sees
 * all three of the day's roll calls on the check-in page and checks in to the one open; the
 * board switches between roll calls; a roll call is deactivated and activated again.
 *
 * The server's zone is one where it is around noon now (test support), so: pagi 06.00–08.00
 * is over, the afternoon apel 11.00–14.00 is open, the ceremony 15.00–16.00 is still to come.
 */

let suite: ReturnType<typeof consoleSuite>;
const tile = (page: Page, key: string) => page.locator(`[data-total="${key}"] .num`).textContent();

const EMPLOYEE = demoRoster()[2]!; // demo-003, Dinas Kesehatan
const MERDEKA = {
  type: 'Feature',
  properties: { name: 'Lapangan Merdeka' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [98.678, 3.5925],
        [98.6795, 3.5925],
        [98.6795, 3.594],
        [98.678, 3.594],
        [98.678, 3.5925],
      ],
    ],
  },
};

describe.skipIf(noChromium)('roll calls in the console and on the check-in page', () => {
  suite = consoleSuite();
  const pages = suite.pages;
  const admin = { as: 'bkd-admin', admin: true };
  let today = '';

  async function fill(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }

  it('an admin adds the afternoon apel; the server’s refusal of its window shows at its field', async () => {
    const srv = pages.srv;
    const settings = (await srv.rt.call('GET', '/v1/settings', admin)).json;
    today = localTime(srv.clock.now(), settings.timezone).date;
    // pagi in the morning, as in most offices; a second ground for the ceremony.
    const put = await srv.rt.call('PUT', '/v1/settings', {
      ...admin,
      body: {
        ...settings,
        opensAt: '06:00',
        startsAt: '07:30',
        closesAt: '08:00',
        reportAt: '08:30',
      },
    });
    expect(put.status).toBe(200);
    expect(
      (await srv.rt.call('PUT', '/v1/sites/lapangan-merdeka', { ...admin, body: MERDEKA })).status,
    ).toBeLessThan(300);

    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Apel', exact: true }).click();
    await page.getByRole('heading', { name: 'Apel', level: 1 }).waitFor();
    expect(page.url()).toBe(`${srv.base}/admin/rollcalls`);
    await page.locator('#rc-active tr[data-id="pagi"]').waitFor();
    expect(await page.locator('#rc-active tbody tr').count()).toBe(1);

    // The afternoon apel, first with a window that closes before it starts.
    await page.getByRole('button', { name: 'Tambah apel' }).click();
    await fill(page, 'Kode apel', 'apel-sore');
    await fill(page, 'Nama', 'Apel sore');
    await fill(page, 'Absen dibuka', '11:00');
    await fill(page, 'Apel dimulai (tepat waktu sampai)', '13:30');
    await fill(page, 'Absen ditutup (terlambat sampai)', '13:00');
    await fill(page, 'Daftar diterbitkan pukul', '14:30');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('alert').filter({ hasText: 'periksa isian yang ditandai' }).waitFor();
    const closes = page.getByLabel('Absen ditutup (terlambat sampai)', { exact: true });
    expect(await closes.getAttribute('aria-invalid')).toBe('true');
    expect(await closes.getAttribute('aria-describedby')).toContain('re-closesAt');
    expect((await page.locator('#re-closesAt').textContent())?.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rf-closesAt');
    expect((await srv.rt.call('GET', '/v1/rollcalls/apel-sore', admin)).status).toBe(404);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-01-refused');

    await closes.fill('14:00');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Apel sore tersimpan.' }).waitFor();
    expect((await srv.rt.call('GET', '/v1/rollcalls/apel-sore', admin)).json).toMatchObject({
      name: 'Apel sore',
      schedule: { kind: 'daily' },
      opensAt: '11:00',
      startsAt: '13:30',
      closesAt: '14:00',
      reportAt: '14:30',
      active: true,
    });
  });

  it('adds the 17 August ceremony: once, today, at Lapangan Merdeka, for one unit', async () => {
    const srv = pages.srv;
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/rollcalls');
    await page.locator('#rc-active tr[data-id="apel-sore"]').waitFor();
    await page.getByRole('button', { name: 'Tambah apel' }).click();
    await fill(page, 'Kode apel', 'upacara-17-agustus');
    await fill(page, 'Nama', 'Upacara 17 Agustus');
    await page.getByLabel('Sekali (satu tanggal)').check();
    await fill(page, 'Tanggal', today);
    await fill(page, 'Absen dibuka', '15:00');
    await fill(page, 'Apel dimulai (tepat waktu sampai)', '15:30');
    await fill(page, 'Absen ditutup (terlambat sampai)', '16:00');
    await fill(page, 'Daftar diterbitkan pukul', '16:30');
    await page.getByLabel('Lapangan tertentu:').check();
    await page.getByLabel('Lapangan Merdeka').check();
    await page.getByLabel('Unit kerja tertentu:').check();
    await page.getByLabel(EMPLOYEE.unit, { exact: true }).check();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-02-ceremony-form');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Upacara 17 Agustus tersimpan.' }).waitFor();
    expect(
      (await srv.rt.call('GET', '/v1/rollcalls/upacara-17-agustus', admin)).json,
    ).toMatchObject({
      schedule: { kind: 'once', date: today },
      siteIds: ['lapangan-merdeka'],
      units: [EMPLOYEE.unit],
      active: true,
    });
    // The word shows before the list is read again: wait for the row, then count.
    const ceremony = page.locator('#rc-active tr[data-id="upacara-17-agustus"]');
    await ceremony.waitFor();
    expect(await page.locator('#rc-active tbody tr').count()).toBe(3);
    expect(await ceremony.textContent()).toContain('Lapangan Merdeka');
    expect(await ceremony.textContent()).toContain(EMPLOYEE.unit);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-03-list');
  });

  it('an employee of that unit sees the day’s three roll calls and checks in to the open one', async () => {
    const srv = pages.srv;
    const page = await suite.pages.open({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'id-ID',
      timezoneId: 'America/New_York',
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    await page.goto(srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: new RegExp(EMPLOYEE.employeeId) }).tap();
    await page.getByRole('heading', { name: 'Apel hari ini' }).waitFor();
    const items = () => page.locator('#rollcalls-list li').allTextContents();
    await page.locator('#rollcalls-list li').nth(2).waitFor();
    expect(await items()).toHaveLength(3);
    const [pagi, sore, ceremony] = await items();
    expect(pagi).toMatch(/pagi — ditutup 08\.00, tidak tercatat$/i);
    expect(sore).toBe('Apel sore — dibuka sekarang, s.d. 14.00');
    expect(ceremony).toBe('Upacara 17 Agustus — dibuka 15.00');
    expect(await page.locator('#rollcalls-target').textContent()).toBe(
      'Tombol Hadir mencatat Anda di Apel sore.',
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-04-page-before');

    const before = srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await page
      .locator('#panel')
      .filter({ hasText: /Anda tercatat hadir pukul \d\d\.\d\d .+ — tepat waktu/ })
      .waitFor();
    expect(srv.hits.slice(before).map((h) => h.body.rollCallId)).toEqual(['apel-sore']);
    expect(srv.hits.at(-1)?.response.checkin.rollCallId).toBe('apel-sore');
    await page
      .locator('#rollcalls-list li')
      .filter({ hasText: /^Apel sore — tercatat \d\d\.\d\d$/ })
      .waitFor();
    expect(await page.locator('#rollcalls-target').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-05-page-recorded');
  });

  it('the board switches between today’s roll calls, each with its own list and publish time', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('heading', { name: 'Apel pagi hari ini' }).waitFor();
    const pick = page.getByLabel('Apel yang ditampilkan');
    await pick.locator('option').nth(2).waitFor({ state: 'attached' });
    expect(await pick.locator('option').allTextContents()).toEqual([
      expect.stringMatching(/pagi \(06\.00–08\.00\)$/i),
      'Apel sore (11.00–14.00)',
      'Upacara 17 Agustus (15.00–16.00)',
    ]);
    await pick.selectOption('apel-sore');
    await page.getByRole('heading', { name: 'Apel sore hari ini' }).waitFor();
    await page.locator('[data-total="on-time"] .num').filter({ hasText: /^1$/ }).waitFor();
    expect(await tile(page, 'expected')).toBe('700');
    expect(await page.locator('.meta').textContent()).toMatch(/diterbitkan pukul 14\.30/);
    await page.getByLabel('Cari nama').fill(EMPLOYEE.employeeId);
    await page.getByText(/Tidak ada yang cocok/).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-06-board-sore');

    await pick.selectOption('upacara-17-agustus');
    await page.getByRole('heading', { name: 'Upacara 17 Agustus hari ini' }).waitFor();
    const unitSize = demoRoster().filter((e) => e.unit === EMPLOYEE.unit).length;
    await page
      .locator('[data-total="expected"] .num')
      .filter({ hasText: new RegExp(`^${unitSize}$`) })
      .waitFor();
    expect(await tile(page, 'on-time')).toBe('0');
    expect(await page.locator('.meta').textContent()).toMatch(/diterbitkan pukul 16\.30/);
    await shot(page, 'rc-07-board-ceremony');
  });

  it('on a tablet: a roll call is deactivated and activated again; the list reads in English', async () => {
    const srv = pages.srv;
    const page = await suite.open(TABLET);
    await suite.signIn(page, /Admin BKD/, '/admin/rollcalls');
    await page.getByRole('button', { name: 'Nonaktifkan Apel sore' }).click();
    await page.getByRole('status').filter({ hasText: 'Apel sore dinonaktifkan.' }).waitFor();
    expect((await srv.rt.call('GET', '/v1/rollcalls/apel-sore', admin)).json.active).toBe(false);
    await page.locator('#rc-inactive tr[data-id="apel-sore"]').waitFor();
    expect(await page.locator('#rc-inactive tbody tr').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'rc-08-tablet-inactive');

    await page.getByRole('button', { name: 'Aktifkan lagi Apel sore' }).click();
    await page.getByRole('status').filter({ hasText: 'Apel sore diaktifkan lagi.' }).waitFor();
    expect((await srv.rt.call('GET', '/v1/rollcalls/apel-sore', admin)).json.active).toBe(true);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Roll calls', level: 1 }).waitFor();
    expect(await page.locator('#rc-active tr[data-id="upacara-17-agustus"]').textContent()).toMatch(
      /Once: \w+, \d+ \w+ \d{4}/,
    );
    await shot(page, 'rc-09-tablet-en');
  });
});
