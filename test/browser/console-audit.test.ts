import { describe, expect, it } from 'vitest';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot } from '../support/console-page';

/**
 * The console's audit search (Jejak audit) in Chromium: the changes made through the API listed
 * newest first with before → after in words, searched by person and by subject, paged.
 */
describe.skipIf(noChromium)('console: the audit trail', () => {
  const suite = consoleSuite();

  it('shows who changed what, before → after; finds by person and subject; accessible on desk and phone', async () => {
    const rt = suite.pages.srv.rt;
    const admin = { as: 'bkd-admin', admin: true } as const;
    const emp = { name: 'Rina Harahap', unit: 'BKD', siteIds: ['balai-kota-medan'], active: true };
    expect((await rt.call('PUT', '/v1/employees/audit-1', { ...admin, body: emp })).status).toBe(
      201,
    );
    const patched = await rt.call('PATCH', '/v1/employees/audit-1', {
      ...admin,
      body: { unit: 'Dinas Kesehatan' },
    });
    expect(patched.status).toBe(200);
    const holiday = await rt.call('PUT', '/v1/holidays/2026-12-24', {
      as: 'admin-2',
      admin: true,
      body: { name: 'Cuti bersama Natal' },
    });
    expect(holiday.status).toBe(200);

    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/audit');
    await page.getByRole('heading', { name: 'Jejak audit', level: 1 }).waitFor();
    const table = page.locator('#audit');
    await table.waitFor();
    const patchRow = table.getByRole('row').filter({ hasText: 'Pegawai diubah' });
    await expect(patchRow.getByText('employee:audit-1').count()).resolves.toBe(1);
    // Before → after in words: the unit, old struck through, new after the arrow.
    expect(await patchRow.locator('del').first().textContent()).toBe('BKD');
    expect(await patchRow.locator('ins').first().textContent()).toBe('Dinas Kesehatan');
    const created = table.getByRole('row').filter({ hasText: 'Pegawai disimpan' });
    await created.getByText('dibuat').waitFor();
    expect(await axe(page)).toEqual([]);
    await shot(page, 'audit-desk');

    // By person: admin-2's holiday only.
    await page.getByLabel('Oleh (NIP / ID, atau system)').fill('admin-2');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(/^1 perubahan ditampilkan/).waitFor();
    await table.getByRole('row').filter({ hasText: 'Hari libur ditetapkan' }).waitFor();
    expect(await table.getByText('Cuti bersama Natal').count()).toBe(1);

    // By subject: the employee's history, newest first.
    await page.getByLabel('Oleh (NIP / ID, atau system)').fill('');
    await page.getByLabel('Yang diubah').fill('employee:audit-1');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(/^2 perubahan ditampilkan/).waitFor();
    const actions = await table.locator('tbody th').allTextContents();
    expect(actions.map((a) => a.replace('employee:audit-1', ''))).toEqual([
      'Pegawai diubah',
      'Pegawai disimpan',
    ]);

    // A range out of order: the server's reason, in the console's language.
    await page.getByLabel('Dari tanggal').fill('2026-12-10');
    await page.getByLabel('Sampai tanggal').fill('2026-12-01');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/tidak boleh sesudah/)
      .waitFor();

    await page.setViewportSize(PHONE);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await page.getByLabel('Dari tanggal').fill('2026-11-01');
    await page.getByLabel('Sampai tanggal').fill(today);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByText(/^2 perubahan ditampilkan/).waitFor();
    await shot(page, 'audit-phone');
    expect(await axe(page)).toEqual([]);
  }, 120_000);
});
