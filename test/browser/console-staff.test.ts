import { describe, expect, it } from 'vitest';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot } from '../support/console-page';

/**
 * The console's Staf screen in Chromium against the local runtime (700 demo employees): an admin
 * grants demo-003 the operator role for Dinas Kesehatan (units read from the roster); demo-003
 * signs in and sees only the operator's screens, and only their unit's people. axe-core and
 * screenshots at a desk and on a phone.
 */

let suite: ReturnType<typeof consoleSuite>;

describe.skipIf(noChromium)('console: Staf / Staff in Chromium', () => {
  suite = consoleSuite();
  const pages = suite.pages;

  it('an admin grants an operator; the operator sees only their unit', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Staf' }).click();
    await page.getByRole('heading', { name: /Staf: operator OPD/, level: 1 }).waitFor();
    await page.getByLabel('ID pengguna (NIP)').fill('demo-003');
    await page.getByLabel('Nama (boleh kosong)').fill('Operator Dinkes');
    await page.getByLabel('Operator OPD untuk unit:').check();
    await page.getByLabel('Dinas Kesehatan', { exact: true }).check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Peran demo-003 disimpan.').waitFor();
    const row = page.locator('#staff-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('Dinas Kesehatan');
    const stored = await pages.srv.rt.call('GET', '/v1/staff/demo-003', { as: 'x', admin: true });
    expect(stored.json).toEqual({
      userId: 'demo-003',
      roles: ['operator'],
      units: ['Dinas Kesehatan'],
      rollCallIds: [],
      name: 'Operator Dinkes',
    });
    expect(await axe(page)).toEqual([]);
    await shot(page, 'staff-desk');
    await page.setViewportSize(PHONE);
    await shot(page, 'staff-phone');
    await page.close();

    const op = await suite.open(DESK);
    await suite.signIn(op, /demo-003/);
    const menu = op.getByRole('navigation', { name: 'Menu konsol' });
    await menu.getByRole('link').first().waitFor();
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Hari ini',
      'Tandai hadir',
      'Pegawai',
      'Keterangan',
      'Sanggahan',
      'Laporan',
      'Tren',
      'Rekap',
    ]);
    await menu.getByRole('link', { name: 'Pegawai' }).click();
    await op.locator('#roster tbody tr').first().waitFor();
    const units = await op.locator('#roster tbody tr td:nth-of-type(2)').allTextContents();
    expect(units.length).toBe(50);
    expect(new Set(units)).toEqual(new Set(['Dinas Kesehatan']));
    expect(await op.getByRole('button', { name: 'Tambah pegawai' }).count()).toBe(0);
    expect(await op.getByRole('button', { name: /^Ubah / }).count()).toBe(0);
    expect(await axe(op)).toEqual([]);
    await shot(op, 'staff-operator-roster-desk');
    await op.setViewportSize(PHONE);
    await shot(op, 'staff-operator-roster-phone');
    await op.setViewportSize(DESK);
    await menu.getByRole('link', { name: 'Hari ini' }).click();
    await op.locator('main h1').waitFor();
    await op.locator('section[aria-labelledby="units-title"]').waitFor();
    // The board's per-unit table: the operator's unit alone.
    expect(await op.locator('section[aria-labelledby="units-title"]').textContent()).toContain(
      'Dinas Kesehatan',
    );
    expect(await op.locator('section[aria-labelledby="units-title"]').textContent()).not.toContain(
      'Dinas Pendidikan',
    );
    expect(await axe(op)).toEqual([]);
    await shot(op, 'staff-operator-today-desk');
    await op.setViewportSize(PHONE);
    await shot(op, 'staff-operator-today-phone');
    await op.close();
  });
});
