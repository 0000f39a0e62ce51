import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE, demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';

/**
 * The console's Pegawai screen in Chromium against the local runtime (700 demo employees):
 * find an employee by name and fix their unit; import a CSV with one bad line (its number shown,
 * nothing written — asked of the API), then a good one (applied); an Excel workbook's preview;
 * paging through the server's cursors; axe-core and screenshots at a desk and on a tablet.
 */

let suite: ReturnType<typeof consoleSuite>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] .num`).textContent();

describe.skipIf(noChromium)('console: Pegawai / Roster in Chromium', () => {
  suite = consoleSuite();
  const pages = suite.pages;
  const get = (id: string) =>
    pages.srv.rt.call('GET', `/v1/employees/${id}`, { as: 'x', admin: true });

  async function openRoster(viewport = DESK) {
    const page = await suite.open(viewport);
    await suite.signIn(page, /Admin BKD/);
    await page.getByRole('link', { name: 'Pegawai' }).click();
    await page.getByRole('heading', { name: 'Pegawai', level: 1 }).waitFor();
    await page.locator('#roster tbody tr').first().waitFor();
    return page;
  }

  async function openImport(page: Page) {
    await page.getByRole('button', { name: 'Impor dari Excel…' }).click();
    await page.getByRole('heading', { name: 'Impor dari Excel atau CSV' }).waitFor();
  }

  it('finds an employee by name and fixes their unit; pages through the roster', async () => {
    const page = await openRoster();
    expect(page.url()).toBe(`${pages.srv.base}/admin/roster`);
    // 700 employees, 50 a page: the server's cursor fetches the next one.
    expect(await page.locator('#roster tbody tr').count()).toBe(50);
    const first = await page.locator('#roster tbody tr').first().getAttribute('data-id');
    await page.getByRole('button', { name: 'Berikutnya →' }).click();
    await expect.poll(() => page.locator('.pager span').textContent()).toMatch(/^Halaman 2/);
    expect(await page.locator('#roster tbody tr').first().getAttribute('data-id')).not.toBe(first);
    await page.getByRole('button', { name: '← Sebelumnya' }).click();
    await expect
      .poll(() => page.locator('#roster tbody tr').first().getAttribute('data-id'))
      .toBe(first);

    const target = demoRoster()[41]!; // demo-042
    await page.getByLabel('Cari nama atau NIP').fill(target.name);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = page.locator(`#roster tr[data-id="${target.employeeId}"]`);
    await row.waitFor();
    const names = await page.locator('#roster tbody th').allTextContents();
    expect(names.every((n) => n === target.name)).toBe(true);
    await row.getByRole('button', { name: `Ubah ${target.name}` }).click();
    const unit = page.getByLabel('Unit kerja', { exact: true }).last();
    expect(await unit.inputValue()).toBe(target.unit);
    await unit.fill('Dinas Komunikasi dan Informatika');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'roster-01-edit');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Data ${target.name} tersimpan.` })
      .waitFor();
    await expect
      .poll(() => row.locator('td').nth(1).textContent())
      .toBe('Dinas Komunikasi dan Informatika');
    expect((await get(target.employeeId)).json).toMatchObject({
      unit: 'Dinas Komunikasi dan Informatika',
      name: target.name,
      active: true,
    });
    // The unit filter now finds them there.
    await page.getByLabel('Cari nama atau NIP').fill('');
    await page.locator('#roster-unit').fill('dinas komunikasi dan informatika');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect
      .poll(() =>
        page
          .locator('#roster tbody tr')
          .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id'))),
      )
      .toEqual([target.employeeId]);
    await shot(page, 'roster-02-unit-filter');
  });

  it('adds an employee, refuses an NIP already taken, and deactivates after asking', async () => {
    const page = await openRoster();
    await page.getByRole('button', { name: 'Tambah pegawai' }).click();
    await page.getByLabel('NIP / ID').fill('demo-005');
    await page.getByLabel('Nama', { exact: true }).fill('Orang Lain');
    await page.getByLabel('Unit kerja', { exact: true }).last().fill('BKD');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('alert').filter({ hasText: 'NIP demo-005 sudah ada' }).waitFor();
    expect((await get('demo-005')).json.name).toBe(demoRoster()[4]?.name);

    await page.getByLabel('NIP / ID').fill('baru-001');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Orang Lain ditambahkan.' }).waitFor();
    expect((await get('baru-001')).json).toMatchObject({
      name: 'Orang Lain',
      unit: 'BKD',
      siteIds: [DEMO_SITE.siteId], // the only ground, ticked for a new employee
      active: true,
    });

    await page.getByLabel('Cari nama atau NIP').fill('baru-001');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const row = page.locator('#roster tr[data-id="baru-001"]');
    await row.getByRole('button', { name: 'Nonaktifkan Orang Lain' }).click();
    await row.getByText('Yakin nonaktifkan Orang Lain?').waitFor();
    expect((await get('baru-001')).json.active).toBe(true); // not before it is confirmed
    expect(await axe(page)).toEqual([]);
    await row.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByRole('status').filter({ hasText: 'Orang Lain dinonaktifkan.' }).waitFor();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('Tidak aktif');
    expect((await get('baru-001')).json.active).toBe(false);
  });

  it('imports a CSV: a bad line is shown with its number and nothing is written; then a good one is applied', async () => {
    const page = await openRoster();
    await openImport(page);
    const existing = demoRoster()[9]!; // demo-010
    const header = 'NIP;Nama;Unit Kerja;Lapangan;Aktif\n';
    const good = [
      `imp-001;Lestari Damanik;Dinas Pariwisata;${DEMO_SITE.siteId};ya`,
      `${existing.employeeId};${existing.name};Dinas Sosial;${DEMO_SITE.siteId};ya`,
    ];
    const bad = `${header}${good[0]}\n${good[1]}\nimp-002;Tanpa Status;BKD;${DEMO_SITE.siteId};mungkin\n`;
    // Dropped on the drop zone, as a file from the desktop.
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'pegawai-salah.csv', { type: 'text/csv' }));
      return d;
    }, bad);
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: dt });
    await page.locator('#bad-lines').waitFor();
    expect(await count(page, 'bad')).toBe('1');
    expect(await count(page, 'new')).toBe('1');
    expect(await count(page, 'changed')).toBe('1');
    const badRow = page.locator('#bad-lines tbody tr');
    expect(await badRow.count()).toBe(1);
    expect(await badRow.locator('th').textContent()).toBe('4');
    expect(await badRow.locator('td').textContent()).toMatch(/^Aktif: .*mungkin/);
    expect(await page.locator('#apply').isDisabled()).toBe(true);
    expect((await get('imp-001')).status).toBe(404);
    expect((await get(existing.employeeId)).json.unit).toBe(existing.unit);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'roster-03-import-bad-line');

    // The fixed file, through the file button.
    await page.setInputFiles('#import-file', {
      name: 'pegawai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}${good.join('\n')}\n`),
    });
    await page.getByRole('heading', { name: 'Pratinjau: pegawai.csv' }).waitFor();
    expect(await page.locator('#bad-lines').count()).toBe(0);
    expect(await page.locator('#changes tbody').textContent()).toContain('Dinas Sosial');
    const diff = page.locator(`#changes tr:has-text("${existing.employeeId}") .diff li`);
    expect(await diff.textContent()).toBe(`Unit kerja: ${existing.unit} → Dinas Sosial`);
    expect((await get('imp-001')).status).toBe(404); // still only a preview
    await shot(page, 'roster-04-import-preview');
    await page.getByRole('button', { name: 'Terapkan 2 perubahan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Impor selesai: 1 baru, 1 berubah' })
      .waitFor();
    expect((await get('imp-001')).json).toMatchObject({
      name: 'Lestari Damanik',
      unit: 'Dinas Pariwisata',
      siteIds: [DEMO_SITE.siteId],
      active: true,
    });
    expect((await get(existing.employeeId)).json.unit).toBe('Dinas Sosial');
    expect(await page.locator('#preview').count()).toBe(0);
    await shot(page, 'roster-05-import-applied');
  });

  it('previews an Excel workbook on a tablet: new, changed and deactivated, before → after', async () => {
    const page = await openRoster(TABLET);
    await openImport(page);
    const [a, b] = [demoRoster()[19]!, demoRoster()[20]!]; // demo-020, demo-021
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'Nama', 'Unit Kerja', 'Lapangan', 'Aktif']);
    ws.addRow([a.employeeId, a.name, 'Inspektorat', DEMO_SITE.name, 'ya']);
    ws.addRow([b.employeeId, b.name, b.unit, DEMO_SITE.siteId, 'tidak']);
    ws.addRow(['xl-100', 'Rudi Manurung', 'Bappeda', DEMO_SITE.siteId, true]);
    ws.addRow(['xl-101', 'Ani Purba', 'Bappeda', DEMO_SITE.siteId, 'ya']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.setInputFiles('#import-file', { name: 'pegawai.xlsx', mimeType: XLSX, buffer });
    await page.getByRole('heading', { name: 'Pratinjau: pegawai.xlsx' }).waitFor();
    expect(await count(page, 'new')).toBe('2');
    expect(await count(page, 'changed')).toBe('1');
    expect(await count(page, 'deactivated')).toBe('1');
    expect(await count(page, 'bad')).toBe('0');
    const lines = await page.locator('#changes tbody tr td:first-child').allTextContents();
    expect(lines).toEqual(['2', '3', '4', '5']); // the workbook's row numbers
    expect(await page.locator(`#changes tr:has-text("${a.employeeId}") .diff`).textContent()).toBe(
      `Unit kerja: ${a.unit} → Inspektorat`,
    );
    expect(await page.locator(`#changes tr:has-text("${b.employeeId}")`).textContent()).toContain(
      'Aktif → Tidak aktif',
    );
    expect(await page.locator('#apply').isEnabled()).toBe(true);
    expect((await get('xl-100')).status).toBe(404);
    expect((await get(b.employeeId)).json.active).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'roster-06-xlsx-preview-tablet');
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(await page.locator('#preview').count()).toBe(0);
    expect((await get('xl-100')).status).toBe(404);
  });
});
