import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localTime } from '../../functions/core/calendar';
import { DEMO_POINT, demoRoster } from '../../functions/local/demo';
import { noChromium, PHONE, screenshot } from '../support/browser';
import { axe } from '../support/console-page';
import { pageSuite } from '../support/page-suite';

/**
 * The check-in page with more than one roll call (GET /v1/rollcalls/today) in Chromium as a
 * phone: each of the day's roll calls with its state, Hadir checking in to the one open (the
 * body names it), the standing check-in after a reload, someone outside a ceremony's units not
 * seeing it, and a note instead of the button when none is open. The server's zone is one where
 * it is around noon now: pagi 06.00–08.00 is over, the afternoon apel 11.00–14.00 open, the
 * ceremony 15.00–16.00 to come.
 */

const IN_UNIT = demoRoster()[2]!; // demo-003, Dinas Kesehatan
const OTHER = demoRoster()[3]!; // demo-004, another unit
const admin = { as: 'bkd-admin', admin: true };

function rollCall(id: string, name: string, times: string[], more: Record<string, unknown> = {}) {
  const [opensAt, startsAt, closesAt, reportAt] = times;
  return {
    name,
    schedule: { kind: 'daily' },
    opensAt,
    startsAt,
    closesAt,
    reportAt,
    active: true,
    id,
    ...more,
  };
}

describe.skipIf(noChromium)('check-in page with several roll calls', () => {
  const pages = pageSuite();

  async function setUp() {
    const srv = pages.srv;
    const settings = (await srv.rt.call('GET', '/v1/settings', admin)).json;
    const today = localTime(srv.clock.now(), settings.timezone).date;
    const morning = { opensAt: '06:00', startsAt: '07:30', closesAt: '08:00', reportAt: '08:30' };
    expect(
      (await srv.rt.call('PUT', '/v1/settings', { ...admin, body: { ...settings, ...morning } }))
        .status,
    ).toBe(200);
    for (const rc of [
      rollCall('apel-sore', 'Apel sore', ['11:00', '13:30', '14:00', '14:30']),
      rollCall('upacara-17-agustus', 'Upacara 17 Agustus', ['15:00', '15:30', '16:00', '16:30'], {
        schedule: { kind: 'once', date: today },
        units: [IN_UNIT.unit],
      }),
    ]) {
      const { id, ...body } = rc;
      const r = await srv.rt.call('PUT', `/v1/rollcalls/${id}`, { ...admin, body });
      expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
    }
  }

  async function phone(employeeId: string): Promise<Page> {
    const page = await pages.open({
      ...PHONE,
      timezoneId: 'America/New_York',
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    await page.goto(pages.srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: new RegExp(employeeId) }).tap();
    await page.getByRole('heading', { name: 'Apel hari ini' }).waitFor();
    return page;
  }
  const items = (page: Page) => page.locator('#rollcalls-list li').allTextContents();

  it('shows the day’s roll calls with their state and checks in to the open one', async () => {
    await setUp();
    const page = await phone(IN_UNIT.employeeId);
    await expect.poll(() => items(page)).toHaveLength(3);
    expect(await items(page)).toEqual([
      expect.stringMatching(/pagi — ditutup 08\.00, tidak tercatat$/i),
      'Apel sore — dibuka sekarang, s.d. 14.00',
      'Upacara 17 Agustus — dibuka 15.00',
    ]);
    expect(await page.locator('#rollcalls-list li[aria-current="true"]').textContent()).toMatch(
      /^Apel sore/,
    );
    // The header's single window gives way to the list's.
    expect(await page.locator('#window').isHidden()).toBe(true);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '20-rollcalls');

    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect
      .poll(() => page.locator('#panel').textContent())
      .toMatch(/Anda tercatat hadir pukul \d\d\.\d\d .+ — tepat waktu/);
    const sent = pages.srv.hits.slice(before);
    expect(sent.map((h) => [h.status, h.body.rollCallId])).toEqual([[201, 'apel-sore']]);
    await expect
      .poll(() => items(page))
      .toContainEqual(expect.stringMatching(/^Apel sore — tercatat \d\d\.\d\d$/));
    await screenshot(page, '21-rollcalls-recorded');

    // Opened again: the standing check-in, no Hadir button, the list as it is.
    await page.reload();
    await page
      .locator('#panel')
      .filter({ hasText: /Anda sudah tercatat hadir pukul/ })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Hadir' }).count()).toBe(0);
    expect(await items(page)).toContainEqual(expect.stringMatching(/^Apel sore — tercatat/));

    // In English.
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { name: 'Today’s roll calls' }).waitFor();
    expect(await items(page)).toContainEqual('Upacara 17 Agustus — opens 15:00');
  });

  it('someone outside the ceremony’s units does not see it', async () => {
    const page = await phone(OTHER.employeeId);
    await expect.poll(() => items(page)).toHaveLength(2);
    expect((await items(page)).join('\n')).not.toContain('Upacara');
  });

  it('with no roll call open: a note naming the next one, and no Hadir button', async () => {
    const srv = pages.srv;
    const sore = (await srv.rt.call('GET', '/v1/rollcalls/apel-sore', admin)).json;
    const { id: _id, ...body } = sore;
    expect(
      (
        await srv.rt.call('PUT', '/v1/rollcalls/apel-sore', {
          ...admin,
          body: { ...body, active: false },
        })
      ).status,
    ).toBe(200);
    const page = await phone(IN_UNIT.employeeId);
    await page
      .locator('#panel')
      .filter({
        hasText: 'Belum ada apel yang dibuka. Berikutnya: Upacara 17 Agustus, dibuka 15.00.',
      })
      .waitFor();
    expect(await page.locator('#primary').isHidden()).toBe(true);
    expect(await items(page)).toHaveLength(2);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, '22-rollcalls-none-open');
  });
});
