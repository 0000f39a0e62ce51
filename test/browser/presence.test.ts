import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_POINT } from '../../functions/local/demo';
import { noChromium, PHONE } from '../support/browser';
import { axe, DESK, shot, TABLET } from '../support/console-page';
import { settingsOpenNow } from '../support/lambda';
import { pageSuite } from '../support/page-suite';

/**
 * Proof of presence in Chromium: the kiosk on a TV and a tablet (its QR code, decoded from the
 * screenshot with jsQR, is the server's current code), and a real WebAuthn ceremony on the
 * check-in page through the DevTools protocol's virtual authenticator — registration, then a
 * check-in with an assertion; that assertion replayed, and sent for another challenge, refused.
 */

const SITE = 'balai-kota-medan';
// WebAuthn takes no IP address as its relying party: the phone opens localhost.
const local = (base: string) => base.replace('127.0.0.1', 'localhost');

/** The RGBA pixels of a PNG, decoded by the browser itself (no PNG library needed here). */
async function pixels(page: Page, png: Buffer) {
  const { data, width, height } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // As base64: a million numbers through the DevTools protocol take tens of seconds.
    let bin = '';
    for (let i = 0; i < d.data.length; i += 0x8000) {
      bin += String.fromCharCode(...d.data.subarray(i, i + 0x8000));
    }
    return { data: btoa(bin), width: d.width, height: d.height };
  }, png.toString('base64'));
  return { data: new Uint8ClampedArray(Buffer.from(data, 'base64')), width, height };
}

describe.skipIf(noChromium)('proof of presence in Chromium', () => {
  const pages = pageSuite((srv) => {
    void srv.rt.stores.settings.putSettings(settingsOpenNow());
  });

  async function adminSignIn(page: Page, path: string) {
    await page.goto(`${pages.srv.base}${path}`);
    await page.getByRole('button', { name: /Masuk/ }).click();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: /Admin BKD/ }).click();
    await page.waitForURL(`${pages.srv.base}${path}`);
  }

  it('the kiosk shows the current code as digits and as a QR code that decodes to it', {
    timeout: 90_000,
  }, async () => {
    const page = await pages.open({ viewport: { width: 1920, height: 1080 }, locale: 'id-ID' });
    await adminSignIn(page, `/kiosk/${SITE}`);
    await page.locator('.k-digits').waitFor();
    const server = await pages.srv.rt.call('GET', `/v1/sites/${SITE}/code`, {
      as: 'bkd',
      admin: true,
    });
    const digits = (await page.locator('.k-digits').textContent())?.replace(/\s/g, '');
    // The step may have turned between the two reads: then the page renews within a second.
    if (digits !== server.json.code) await page.waitForTimeout(1500);
    const shown = (await page.locator('.k-digits').textContent())?.replace(/\s/g, '');
    const now = await pages.srv.rt.call('GET', `/v1/sites/${SITE}/code`, {
      as: 'bkd',
      admin: true,
    });
    expect(shown).toBe(now.json.code);
    expect(await page.locator('.k-title').textContent()).toBe('Halaman Balai Kota Medan');
    expect(await page.locator('.k-left').textContent()).toMatch(/Berganti dalam \d+ detik/);
    await shot(page, 'kiosk-tv');
    const png = await page.locator('.k-qr').screenshot();
    const img = await pixels(page, png);
    const qr = jsQR(img.data, img.width, img.height);
    expect(qr?.data).toBe(`${pages.srv.base}/#kode=${shown}`);
    // Big enough to read from a few metres: the digits at least 100 px tall on a 1080p TV.
    const px = await page
      .locator('.k-digits')
      .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(100);
    expect(await axe(page)).toEqual([]);
    await page.setViewportSize(TABLET);
    await shot(page, 'kiosk-tablet');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot(page, 'kiosk-tablet-landscape');
    await page.setViewportSize(DESK);
  });

  it('the kiosk without a sign-in asks for one, and the page carries the pages’ CSP', async () => {
    const page = await pages.open({ viewport: TABLET, locale: 'id-ID' });
    const res = await page.goto(`${pages.srv.base}/kiosk/${SITE}`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res?.headers()['permissions-policy']).toMatch(/camera=\(\)/);
    await page.getByRole('button', { name: /Masuk/ }).waitFor();
    expect(await page.locator('.k-digits').count()).toBe(0);
  });

  it('a phone registers its passkey and checks in with the code from the kiosk link and an assertion; its replay is refused', async () => {
    const srv = pages.srv;
    await srv.rt.stores.settings.putSettings({ ...settingsOpenNow(), deviceBinding: 'require' });
    const base = local(srv.base);
    const page = await pages.open({
      ...PHONE,
      permissions: ['geolocation'],
      geolocation: { latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lon, accuracy: 8 },
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(base);
    await page.getByRole('button', { name: 'Masuk' }).tap();
    await page.waitForURL(/\/local-issuer\/authorize\?/);
    await page.getByRole('button', { name: /demo-005/ }).tap();
    await page.getByRole('button', { name: 'Hadir' }).waitFor();
    await page.getByRole('button', { name: 'Daftarkan ponsel ini' }).tap();
    await expect
      // The first registration of a process loads @simplewebauthn/server (it is no part of the
      // API's start-up any more): on a loaded machine that takes longer than poll's 1 s default.
      .poll(() => page.locator('#register-note').textContent(), { timeout: 15_000 })
      .toBe('Ponsel ini terdaftar untuk absen.');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    const stored = await srv.rt.stores.presence.passkeys.load('demo-005');
    expect(stored.passkeys.map((p) => p.status)).toEqual(['active']);
    await shot(page, 'presence-phone-registered');

    // The kiosk's QR link opens the page with the code; one tap on Hadir, the passkey signs.
    const code = await srv.rt.call('GET', `/v1/sites/${SITE}/code`, { as: 'bkd', admin: true });
    await page.goto(`${base}/#kode=${code.json.code}`);
    await expect.poll(() => page.locator('#ground-code').inputValue()).toBe(code.json.code);
    await expect.poll(() => page.url()).toBe(`${base}/`); // the code left the address bar
    const before = srv.hits.length;
    await page.getByRole('button', { name: 'Hadir' }).tap();
    await expect.poll(() => srv.hits.length).toBeGreaterThan(before);
    const hit = srv.hits[srv.hits.length - 1] as (typeof srv.hits)[number];
    expect(hit.status).toBe(201);
    expect(hit.body.groundCode).toBe(code.json.code);
    // The DevTools protocol names the credential in base64, WebAuthn's JSON in base64url.
    const credentialId = Buffer.from(credentials[0]?.credentialId ?? '', 'base64').toString(
      'base64url',
    );
    expect(hit.body.assertion).toMatchObject({ type: 'public-key', id: credentialId });
    expect(hit.response.checkin.flags).not.toContain('unbound_device');
    await shot(page, 'presence-phone-recorded');

    // The same assertion once more, the next day (no check-in standing to answer with): refused.
    const token = await srv.rt.token('demo-005');
    const post = (body: unknown) =>
      fetch(`${base}/v1/checkins`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    srv.clock.offsetMs = 86_400_000;
    const capturedAt = new Date(Date.now() + 86_400_000).toISOString();
    const replay = await post({ ...hit.body, capturedAt, groundCode: undefined });
    expect(replay.status).toBe(422);
    expect((await replay.json()).error.code).toBe('ASSERTION_INVALID');
    // With a fresh challenge stored, the old assertion is one for another challenge.
    const fresh = await fetch(`${base}/v1/checkins/challenge`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(fresh.status).toBe(200);
    const other = await post({ ...hit.body, capturedAt, groundCode: undefined });
    expect(other.status).toBe(422);
    expect((await other.json()).error.details.reason).toBe('other_challenge');
    srv.clock.offsetMs = 0;
  });
});
