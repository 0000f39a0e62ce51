import { describe, expect, it } from 'vitest';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';
import { SoftAuthenticator } from '../support/soft-authenticator';

/**
 * The console's proof-of-presence screen in Chromium: each ground's code mode and its kiosk
 * link, the secret's rotation, a second phone approved, an employee's phones reset.
 */
describe.skipIf(noChromium)('console: proof of presence', () => {
  const suite = consoleSuite();

  it('lists the grounds with their kiosks, approves a second phone, resets one; accessible', async () => {
    const rt = suite.pages.srv.rt;
    // demo-006 has a phone already and registers a second one (the software authenticator).
    for (let i = 0; i < 2; i++) {
      const phone = new SoftAuthenticator('localhost', 'http://localhost');
      const opts = await rt.call('POST', '/v1/me/passkeys/options', { as: 'demo-006', body: {} });
      const r = await rt.call('POST', '/v1/me/passkeys', {
        as: 'demo-006',
        body: phone.register(opts.json.challenge),
      });
      expect(r.status).toBe(201);
    }
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/presence');
    await page.getByRole('heading', { name: 'Bukti kehadiran', level: 1 }).waitFor();
    const kiosk = page.getByRole('link', { name: 'Buka layar Halaman Balai Kota Medan' });
    expect(await kiosk.getAttribute('href')).toBe('/kiosk/balai-kota-medan');
    await page.getByRole('button', { name: /Setujui ponsel/ }).waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'presence-desk');

    await page.getByRole('button', { name: 'Ganti rahasia kode Halaman Balai Kota Medan' }).click();
    await page.getByText(/Rahasia kode Halaman Balai Kota Medan diganti/).waitFor();

    await page.getByRole('button', { name: /Setujui ponsel/ }).click();
    await page.getByText(/disetujui\./).waitFor();
    await page.getByText('Tidak ada ponsel yang menunggu persetujuan.').waitFor();
    const record = await rt.stores.presence.passkeys.load('demo-006');
    expect(record.passkeys.map((p) => p.status)).toEqual(['active', 'active']);

    await page.getByLabel('NIP / ID pegawai').fill('demo-006');
    await page.getByRole('button', { name: 'Atur ulang' }).click();
    await page.getByText('2 kunci sandi demo-006 dihapus.').waitFor();
    expect((await rt.stores.presence.passkeys.load('demo-006')).passkeys).toEqual([]);
    await page.setViewportSize(TABLET);
    await shot(page, 'presence-tablet');
    expect(await axe(page)).toEqual([]);
  });
});
