import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_POINT } from '../../functions/local/demo';
import { noChromium, PHONE, screenshot } from '../support/browser';
import { pageSuite } from '../support/page-suite';
import { offset } from '../support/shapes';

/**
 * The check-in page in a real browser (Debian's Chromium, headless, as a 360×640 phone) against
 * the local runtime on 127.0.0.1: the demo sign-in with PKCE, geolocation, offline and retries.
 */

const INSIDE: { latitude: number; longitude: number; accuracy: number } = {
  latitude: DEMO_POINT.lat,
  longitude: DEMO_POINT.lon,
  accuracy: 8,
};
const [, NORTH_300M] = offset(DEMO_POINT.lon, DEMO_POINT.lat, 0, 300);

describe.skipIf(noChromium)('check-in page in Chromium', () => {
  // No script error and no CSP violation in any test; the server's clock put back after each.
  const pages = pageSuite((server) => {
    server.clock.offsetMs = 0;
  });

  /** A fresh phone; `geolocation: null` is one whose GPS has no fix yet. */
  async function phone(o: { geolocation?: typeof INSIDE | null; allowLocation?: boolean } = {}) {
    return pages.open({
      ...PHONE,
      // A phone set to another zone: times must still show in the deployment's zone.
      timezoneId: 'America/New_York',
      ...(o.allowLocation === false ? {} : { permissions: ['geolocation'] }),
      ...(o.geolocation === null ? {} : { geolocation: o.geolocation ?? INSIDE }),
    });
  }

  /** What the status panel shows: rendered text, so hidden parts (the idle progress) are left out. */
  const status = (page: Page) =>
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator; the rendered text is the point
    page.locator('#panel').innerText();
  const label = (page: Page) => page.locator('#primary-label').textContent();

  /** The real demo sign-in: Masuk → the local issuer's page → pick the employee → back. */
  async function signIn(page: Page, employeeId: string, shot?: string) {
    await page.goto(pages.srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    if (shot) await screenshot(page, shot);
    await page.getByRole('button', { name: new RegExp(employeeId) }).tap();
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
  }

  /** Deployment-zone "HH.MM" of an instant, as the page must show it. */
  async function localClock(iso: string) {
    const { rules } = await (await fetch(`${pages.srv.base}/config.json`)).json();
    return new Intl.DateTimeFormat('id-ID', {
      timeZone: rules.timezone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  }

  it('signs in with the demo sign-in (PKCE) and records a check-in inside the ground', async () => {
    const page = await phone();
    await page.goto(pages.srv.base);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await screenshot(page, '01-signed-out');
    await signIn(page, 'demo-001', '02-demo-sign-in');
    expect(page.url()).toBe(`${pages.srv.base}/`); // the code is gone from the address bar
    expect(await page.locator('#who').textContent()).toContain('Masuk sebagai');
    await screenshot(page, '03-ready');

    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect
      .poll(() => status(page))
      .toMatch(/Anda tercatat hadir pukul \d\d\.\d\d .+ — tepat waktu/);
    await screenshot(page, '04-recorded');
    const hits = pages.srv.hits.slice(before);
    expect(hits.map((h) => h.status)).toEqual([201]);
    const sent = hits[0]!;
    expect(sent.body).toMatchObject({ lat: INSIDE.latitude, lon: INSIDE.longitude, accuracy: 8 });
    expect(Math.abs(Date.parse(sent.body.capturedAt as string) - Date.now())).toBeLessThan(30_000);
    const deviceId = await page.evaluate(() => JSON.parse(localStorage.getItem('apel.deviceId')!));
    expect(sent.body.deviceId).toBe(deviceId);
    expect(sent.response.checkin.employeeId).toBe('demo-001');
    expect(await status(page)).toContain(await localClock(sent.response.checkin.receivedAt));

    // Opened again later: the standing check-in, not the button.
    await page.reload();
    await expect.poll(() => status(page)).toMatch(/Anda sudah tercatat hadir pukul/);
    expect(await page.locator('#primary').isHidden()).toBe(true);
    expect(pages.srv.hits.length).toBe(before + 1);
  });

  it('shows progress while the phone looks for a fix, and ignores taps meanwhile', async () => {
    const page = await phone({ geolocation: null });
    await signIn(page, 'demo-010');
    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => label(page)).toBe('Mencari lokasi Anda…');
    await expect
      .poll(() => page.locator('#progress-text').textContent(), { timeout: 3000 })
      .toMatch(/^[12] detik/);
    expect(await page.locator('#primary').isDisabled()).toBe(true);
    expect(await page.locator('#primary').getAttribute('aria-busy')).toBe('true');
    await screenshot(page, '03b-locating');
    await page.locator('#primary').tap({ force: true });
    await page.locator('#primary').dispatchEvent('click');
    expect(await label(page)).toBe('Mencari lokasi Anda…');
    expect(pages.srv.hits.length).toBe(before);
  });

  it('outside the ground (by keyboard): says how far, in Indonesian, then in English', async () => {
    const page = await phone({ geolocation: { ...INSIDE, latitude: NORTH_300M } });
    await signIn(page, 'demo-002');
    // By keyboard: Tab reaches the button (after the language toggle and Keluar), Enter presses it.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('primary');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toMatch(/Anda berada [\d,]+ m di luar lapangan apel\./);
    expect(await label(page)).toBe('Coba lagi');
    await screenshot(page, '05-outside');

    await page.getByRole('button', { name: 'English' }).tap();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await status(page)).toMatch(/You are [\d.]+ m outside the apel ground\./);
    expect(await label(page)).toBe('Try again');
    await screenshot(page, '06-outside-en');
    await page.reload();
    await page.getByRole('button', { name: 'Present' }).waitFor();
    expect(await page.title()).toBe('Roll-Call Check-in');
  });

  it('location permission denied: explains how to allow it, sends nothing', async () => {
    const page = await phone({ allowLocation: false });
    await signIn(page, 'demo-003');
    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Izin lokasi ditolak/);
    expect(await label(page)).toBe('Coba lagi');
    await screenshot(page, '07-permission-denied');
    expect(pages.srv.hits.length).toBe(before);
  });

  it('no position from the GPS: says to turn Location on, sends nothing', async () => {
    const page = await phone();
    await signIn(page, 'demo-011');
    await pages.context.setGeolocation(null); // the fix is lost: position unavailable
    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Lokasi Anda tidak dapat ditentukan/);
    expect(await label(page)).toBe('Coba lagi');
    expect(pages.srv.hits.length).toBe(before);
  });

  it('refuses a 500 m fix before sending it', async () => {
    const page = await phone({ geolocation: { ...INSIDE, accuracy: 500 } });
    await signIn(page, 'demo-004');
    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Akurasi GPS 500 m, batasnya 50 m/);
    expect(await status(page)).toContain('Absen belum dikirim.');
    await screenshot(page, '08-accuracy-too-low');
    expect(pages.srv.hits.length).toBe(before); // nothing reached POST /v1/checkins
  });

  it('a double tap records exactly one check-in', async () => {
    const page = await phone();
    await signIn(page, 'demo-005');
    const before = pages.srv.hits.length;
    const box = (await page.locator('#primary').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await Promise.all([page.touchscreen.tap(x, y), page.touchscreen.tap(x, y)]);
    await page.mouse.dblclick(x, y);
    await expect.poll(() => status(page)).toMatch(/Anda tercatat hadir/);
    const hits = pages.srv.hits.slice(before);
    expect(hits.filter((h) => h.status === 201)).toHaveLength(1);
    expect(hits.every((h) => h.status === 201 || h.status === 200)).toBe(true);
    expect(new Set(hits.map((h) => h.response.checkin.employeeId))).toEqual(new Set(['demo-005']));
  });

  it('offline: keeps the capture, then sends that same capture once back online', async () => {
    const page = await phone();
    await signIn(page, 'demo-006');
    const before = pages.srv.hits.length;
    await pages.context.setOffline(true);
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Tidak ada koneksi internet/);
    expect(await label(page)).toBe('Kirim ulang');
    await screenshot(page, '09-offline');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('apel.pending')!));
    await page.getByRole('button', { name: 'Kirim ulang' }).tap(); // still offline
    await expect.poll(() => status(page)).toMatch(/Tidak ada koneksi internet/);
    expect(pages.srv.hits.length).toBe(before);

    await pages.context.setOffline(false);
    await expect.poll(() => status(page)).toMatch(/Anda tercatat hadir/);
    const hits = pages.srv.hits.slice(before);
    expect(hits.map((h) => h.status)).toEqual([201]);
    expect(hits[0]!.body).toEqual(kept.body);
    expect(await page.evaluate(() => localStorage.getItem('apel.pending'))).toBeNull();
  });

  it('a request lost on the way is sent again, the same capture, on Kirim ulang', async () => {
    const page = await phone();
    await signIn(page, 'demo-008');
    const before = pages.srv.hits.length;
    await page.route('**/v1/checkins*', (route) => route.abort('connectionreset'), { times: 1 });
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Server belum dapat dihubungi/);
    await screenshot(page, '10-unreachable');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('apel.pending')!));
    await page.getByRole('button', { name: 'Kirim ulang' }).tap();
    await expect.poll(() => status(page)).toMatch(/Anda tercatat hadir/);
    const hits = pages.srv.hits.slice(before);
    expect(hits.map((h) => h.status)).toEqual([201]);
    expect(hits[0]!.body).toEqual(kept.body);
  });

  it('an expired sign-in (401): asks to sign in again, then sends the kept capture', async () => {
    const page = await phone();
    await signIn(page, 'demo-007');
    // The server refuses the token as expired while the page still believes in it.
    const expired = await pages.srv.rt.issuer.sign({ employeeId: 'demo-007', ttlS: -3600 });
    await page.evaluate((token) => {
      const s = JSON.parse(sessionStorage.getItem('apel.session')!);
      sessionStorage.setItem('apel.session', JSON.stringify({ ...s, accessToken: token }));
    }, expired);
    const before = pages.srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Sesi masuk Anda sudah berakhir/);
    expect(await status(page)).toMatch(/tersimpan dan belum terkirim/);
    expect(await label(page)).toBe('Masuk');
    await screenshot(page, '11-session-expired');

    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.getByRole('button', { name: /demo-007/ }).tap();
    // Back from signing in: the code exchange, the issuer's keys and the ID token's signature,
    // then the kept capture; more than the poll's default second on a loaded machine.
    await expect.poll(() => status(page), { timeout: 10_000 }).toMatch(/Anda tercatat hadir/);
    const hits = pages.srv.hits.slice(before);
    expect(hits.map((h) => h.status)).toEqual([401, 201]);
    expect(hits[1]!.body).toEqual(hits[0]!.body); // the same capture, same capturedAt
  });

  it('a capture kept too long is refused (CLOCK_SKEW) and a fresh fix is offered', async () => {
    const page = await phone();
    await page.clock.install();
    await signIn(page, 'demo-009');
    const before = pages.srv.hits.length;
    await pages.context.setOffline(true);
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => status(page)).toMatch(/Tidak ada koneksi internet/);
    // Five minutes pass for the phone and for the server before the connection is back.
    await page.clock.fastForward('05:00');
    pages.srv.clock.offsetMs = 5 * 60_000;
    await pages.context.setOffline(false);
    await expect.poll(() => status(page)).toMatch(/sudah terlalu lama untuk dikirim/);
    expect(await label(page)).toBe('Ambil lokasi baru');
    await screenshot(page, '12-clock-skew');
    expect(pages.srv.hits.slice(before).map((h) => h.response.error?.code)).toEqual(['CLOCK_SKEW']);

    // Chromium stamps an emulated fix with the real time when it is set: put the server back on
    // real time, and have the phone report a new fix.
    pages.srv.clock.offsetMs = 0;
    await pages.context.setGeolocation({ ...INSIDE, latitude: INSIDE.latitude + 0.00001 });
    await page.getByRole('button', { name: 'Ambil lokasi baru' }).tap();
    await expect.poll(() => status(page)).toMatch(/Anda tercatat hadir/);
    const hits = pages.srv.hits.slice(before);
    expect(hits.map((h) => h.status)).toEqual([422, 201]);
    expect(hits[1]!.body.capturedAt).not.toBe(hits[0]!.body.capturedAt);
  });

  it('a cancelled sign-in says so and offers to sign in again', async () => {
    const page = await phone();
    await page.goto(pages.srv.base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.getByRole('button', { name: 'Batal' }).tap();
    await expect.poll(() => status(page)).toMatch(/^Masuk dibatalkan\. Tekan Masuk/);
    expect(await label(page)).toBe('Masuk');
  });
});
