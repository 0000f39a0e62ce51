import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, shot, TABLET } from '../support/console-page';

/**
 * The console's Keterangan, Laporan and Tren screens in Chromium against the local runtime: an
 * excuse entered with the employee picked by name and seen counted, a day published and its
 * report opened, printed and downloaded, the flagged check-ins explained, the trend chart's
 * table read; axe-core on each screen, at a desk's 1366×768 and on a tablet.
 */

let suite: ReturnType<typeof consoleSuite>;
const admin = { as: 'bkd-admin', admin: true };

/** Today in the deployment's zone, as the server has it. */
async function today(): Promise<string> {
  const tz = (await suite.pages.srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());
}

/** The `n` latest workdays before today (under the rules of their dates), newest first. */
async function pastWorkdays(n: number): Promise<string[]> {
  const found: string[] = [];
  const day = new Date(`${await today()}T00:00:00Z`);
  while (found.length < n) {
    day.setUTCDate(day.getUTCDate() - 1);
    const date = day.toISOString().slice(0, 10);
    const r = await suite.pages.srv.rt.call('GET', `/v1/reports/${date}`, admin);
    if (r.json.workday) found.push(date);
  }
  return found;
}

/** An accepted check-in on a past date, straight into the store (the API takes today's only). */
async function seedCheckin(
  employeeId: string,
  date: string,
  flags: string[] = [],
  status: 'on_time' | 'late' = 'on_time',
) {
  const at = `${date}T00:15:00.000Z`;
  await suite.pages.srv.rt.stores.checkins.putFirstCheckin({
    employeeId,
    date,
    status,
    siteId: 'balai-kota-medan',
    distanceToEdgeM: 4,
    accuracyM: 8,
    flags,
    capturedAt: at,
    receivedAt: at,
  });
}

const tile = (page: Page, key: string) => page.locator(`[data-total="${key}"] .num`).textContent();

describe.skipIf(noChromium)('console: excuses, reports, trends', () => {
  suite = consoleSuite();
  const pages = suite.pages;

  it('an excuse for two days, the employee picked by name, is listed and counted', async () => {
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/);
    await expect.poll(() => tile(page, 'expected')).toBe('700');
    const before = Number(await tile(page, 'excused'));
    await page.getByRole('link', { name: 'Keterangan' }).click();
    await page.getByRole('heading', { name: 'Keterangan pegawai' }).waitFor();
    expect(page.url()).toBe(`${pages.srv.base}/admin/excuses`);

    // Saving without a pick says so at the field.
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    expect(await page.locator('#x-employee-error').textContent()).toBe(
      'Pilih pegawai dari daftar hasil pencarian.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('x-employee');

    const target = demoRoster()[86]!; // demo-087
    const box = page.getByRole('combobox', { name: 'Pegawai' });
    await box.fill(target.name.split(' ').slice(0, 2).join(' '));
    const option = page.getByRole('option', { name: new RegExp(target.employeeId) });
    await option.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    // Down to the option and Enter, as a keyboard user picks.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.includes(target.employeeId));
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`x-employee-opt-${index}`);
    await box.press('Enter');
    expect(await box.inputValue()).toBe(target.name);
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#x-employee-status').textContent()).toContain(target.employeeId);

    const day = await today();
    expect(await page.getByLabel('Dari tanggal').inputValue()).toBe(day);
    await page.getByRole('button', { name: '2 hari kerja' }).click();
    const to = await page.getByLabel('Sampai tanggal').inputValue();
    expect(to > day).toBe(true);
    await page.getByLabel('Sakit').check();
    await page.getByLabel('Catatan (tidak wajib)').fill('surat dokter');
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `untuk ${target.name} disimpan` })
      .waitFor();

    // Stored as entered, and listed for today.
    const stored = await pages.srv.rt.call('GET', `/v1/excuses?date=${to}`, admin);
    expect(stored.json.items).toEqual([
      expect.objectContaining({
        employeeId: target.employeeId,
        from: day,
        to,
        kind: 'sick',
        note: 'surat dokter',
      }),
    ]);
    const row = page.locator('#excused tbody tr');
    await expect.poll(() => row.first().textContent()).toContain(target.name);
    expect(await row.first().textContent()).toContain('Sakit');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-01-excuse-saved');

    // The server's refusal shown at its field: the last day before the first.
    await box.fill(target.name.split(' ').slice(0, 2).join(' '));
    await option.click();
    await page.getByLabel('Sampai tanggal').fill('2000-01-01');
    await page.getByRole('button', { name: 'Simpan keterangan' }).click();
    await page.getByRole('alert').filter({ hasText: 'periksa isian yang ditandai' }).waitFor();
    expect(await page.locator('#x-to-error').textContent()).toMatch(/\S/);
    expect(await page.getByLabel('Sampai tanggal').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('x-to');
    await shot(page, 'reports-02-excuse-refused');

    // Counted on today's board.
    await page.getByRole('link', { name: 'Hari ini' }).click();
    await expect.poll(() => tile(page, 'excused')).toBe(String(before + 1));

    // Revoked, after a question.
    await page.getByRole('link', { name: 'Keterangan' }).click();
    await page.getByRole('button', { name: new RegExp(`Cabut keterangan ${target.name}`) }).click();
    await page.getByRole('button', { name: 'Ya, cabut' }).click();
    await page.getByRole('status').filter({ hasText: 'dicabut' }).waitFor();
    await page.getByText('Tidak ada pegawai berketerangan pada tanggal ini.').waitFor();
    expect((await pages.srv.rt.call('GET', `/v1/excuses?date=${day}`, admin)).json.items).toEqual(
      [],
    );
  });

  it('on a tablet the excuse screen reads without sideways scrolling', async () => {
    const page = await suite.open(TABLET);
    await suite.signIn(page, /Admin BKD/, '/admin/excuses');
    await page.getByRole('heading', { name: 'Keterangan pegawai' }).waitFor();
    await page.getByRole('combobox', { name: 'Pegawai' }).fill('siti');
    await page.getByRole('option').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-03-excuses-tablet');
  });

  it('reports: a day published from the calendar, opened, printed, downloaded; its flags explained', async () => {
    const [day] = await pastWorkdays(1);
    const roster = demoRoster();
    await seedCheckin(roster[0]!.employeeId, day!, ['near_edge', 'shared_device']);
    await seedCheckin(roster[1]!.employeeId, day!, ['impossible_travel'], 'late');
    await seedCheckin(roster[2]!.employeeId, day!);

    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/reports');
    await page.getByRole('heading', { name: 'Laporan harian' }).waitFor();
    const cell = page.locator(`button.day[data-date="${day}"]`);
    if (!(await cell.count())) await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    expect(await cell.locator('.sr-only').textContent()).toMatch(/belum diterbitkan$/);
    await cell.click();
    expect(await cell.getAttribute('aria-pressed')).toBe('true');
    await page.getByText('Belum diterbitkan: angka di bawah ini data langsung').waitFor();
    await expect.poll(() => page.locator('[data-total="present"] dd').textContent()).toBe('2');
    expect(await page.locator('[data-total="late"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-total="absent"] dd').textContent()).toBe('697');

    // The flagged check-ins, each flag said with what triggered it.
    const flagged = page.locator('#flagged tbody tr');
    expect(await flagged.count()).toBe(2);
    const first = await flagged.filter({ hasText: roster[0]!.name }).textContent();
    expect(first).toContain('dekat batas lapangan: Posisi dekat batas lapangan');
    expect(first).toContain('perangkat dipakai pegawai lain: Perangkat yang sama');
    expect(await flagged.filter({ hasText: roster[1]!.name }).textContent()).toMatch(
      /Terlambat.*perpindahan tidak wajar: .*di atas 900 km\/jam/,
    );

    // Publish, after the question.
    await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByRole('status').filter({ hasText: 'diterbitkan, versi 1' }).waitFor();
    await expect
      .poll(() => cell.locator('.sr-only').textContent())
      .toMatch(/diterbitkan versi 1, 697 tidak hadir$/);
    expect(await cell.locator('.ver').textContent()).toBe('v1');
    expect(await page.locator('#day-status').textContent()).toMatch(/^Diterbitkan .* versi 1\.$/);
    const listed = await pages.srv.rt.call('GET', `/v1/reports?from=${day}&to=${day}`, admin);
    expect(listed.json.items).toEqual([expect.objectContaining({ date: day, version: 1 })]);

    // Open: the wall page inside the console, styled, under the console's CSP.
    await page.getByRole('button', { name: 'Buka laporan' }).click();
    const frame = page.frameLocator('iframe.report-frame');
    await frame.getByRole('heading', { name: 'Daftar Pegawai Tidak Hadir Apel Pagi' }).waitFor();
    expect(await frame.locator('main').textContent()).toContain('Tidak hadir: 697');
    const styled = await page.evaluate(() => {
      const f = document.querySelector('iframe.report-frame') as HTMLIFrameElement;
      const d = f.contentDocument!;
      return { sheets: d.adoptedStyleSheets.length, font: getComputedStyle(d.body).fontFamily };
    });
    expect(styled.sheets).toBe(1);
    expect(styled.font).not.toBe('');
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-04-published-open');

    // Print: the frame's own print, so only the report goes to paper.
    await page.evaluate(() => {
      const f = document.querySelector('iframe.report-frame') as HTMLIFrameElement;
      (f.contentWindow as any).print = () => ((window as any).printed = true);
    });
    await page.getByRole('button', { name: 'Cetak' }).click();
    expect(await page.evaluate(() => (window as any).printed)).toBe(true);

    // Downloads: fetched with the token, saved from a blob link, in the right type.
    for (const [label, type, start] of [
      ['Unduh CSV', 'text/csv; charset=utf-8', /^\uFEFF?[^\n]*NIP/],
      ['Unduh JSON', 'application/json', /^\{"date":/],
    ] as const) {
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/v1/reports/${day}?format=`)),
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      expect(response.headers()['content-type']).toBe(type);
      const { readFile } = await import('node:fs/promises');
      const body = await readFile((await download.path())!, 'utf8');
      expect(body).toMatch(start);
      expect(download.suggestedFilename()).toBe(
        `apel-${day}.${label.endsWith('CSV') ? 'csv' : 'json'}`,
      );
      if (label.endsWith('JSON')) expect(JSON.parse(body).totals.absent).toBe(697);
    }

    // Publishing today is refused until the window closes: the server says why.
    const todayCell = page.locator(`button.day[data-date="${await today()}"]`);
    if (!(await todayCell.count())) {
      await page.getByRole('button', { name: 'Bulan berikutnya' }).click();
    }
    await todayCell.click();
    await page.getByRole('button', { name: 'Terbitkan sekarang' }).click();
    await page.getByRole('button', { name: 'Ya, terbitkan' }).click();
    await page.getByRole('alert').filter({ hasText: 'REPORT_TOO_EARLY' }).waitFor();
  });

  it('trends: the chart of a few published days, and its numbers read from the table', async () => {
    const days = (await pastWorkdays(4)).slice(1);
    const roster = demoRoster();
    for (const [i, day] of days.entries()) {
      for (const e of roster.slice(0, 35 * 2 ** i)) await seedCheckin(e.employeeId, day);
      const r = await pages.srv.rt.call('POST', `/v1/reports/${day}/publish`, admin);
      expect(r.status).toBe(200);
    }
    const page = await suite.open(DESK);
    await suite.signIn(page, /Admin BKD/, '/admin/trends');
    await page.getByRole('heading', { name: 'Tren kehadiran' }).waitFor();
    // The chart is drawn (uPlot, under the CSP: the suite fails on any violation).
    await page.locator('.chart canvas').waitFor();
    expect(await page.getByRole('img', { name: /^Grafik tingkat kehadiran/ }).count()).toBe(1);
    expect(
      await page.getByRole('button', { name: '30 hari terakhir' }).getAttribute('aria-pressed'),
    ).toBe('true');

    // The table says what the listing says, day by day.
    const end = await today();
    const start = new Date(Date.parse(`${end}T00:00:00Z`) - 29 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const listing = (await pages.srv.rt.call('GET', `/v1/reports?from=${start}&to=${end}`, admin))
      .json.items as {
      date: string;
      totals: { expected: number; present: number; late: number };
      units: { unit: string; expected: number; present: number; late: number }[];
    }[];
    const pct = (c: { expected: number; present: number; late: number }) =>
      new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        (100 * (c.present + c.late)) / c.expected,
      );
    const rows = page.locator('#trend-by-day tbody tr');
    expect(await rows.count()).toBe(listing.filter((x) => x.totals.expected > 0).length);
    for (const day of days) {
      const item = listing.find((x) => x.date === day)!;
      const cells = await rows
        .filter({ has: page.locator(`xpath=self::*[@data-date="${day}"]`) })
        .locator('td')
        .allTextContents();
      expect(cells[0]).toBe(pct(item.totals));
      // The first unit the chart shows (the five lowest of ten units, by default).
      const heads = await page.locator('#trend-by-day thead th').allTextContents();
      expect(heads.length).toBe(2 + 5);
      const unit = item.units.find((u) => u.unit === heads[2])!;
      const col = 2;
      expect(cells[col - 1]).toBe(pct(unit));
    }
    // 5 %, 10 % and 20 % of 700 came, newest day first.
    const overall = days.map((d) => listing.find((x) => x.date === d)!.totals);
    expect(overall.map((t) => t.present)).toEqual([35, 70, 140]);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-05-trends');

    // A unit taken off the chart leaves its column too.
    const first = listing[0]!.units[0]!.unit;
    await page.getByRole('checkbox', { name: first }).uncheck();
    await expect
      .poll(() => page.locator('#trend-by-day thead th').allTextContents())
      .not.toContain(first);
    await page.getByRole('button', { name: '90 hari terakhir' }).click();
    await page.locator('.chart canvas').waitFor();
    expect(
      await page.getByRole('button', { name: '90 hari terakhir' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('reports of another roll call: the picker asks the server for that roll call’s report', async () => {
    const admin = { as: 'bkd-admin', admin: true } as const;
    const upacara = {
      name: 'Upacara 17 Agustus',
      schedule: { kind: 'once', date: '2099-08-17' },
      // After pagi's window, which the test server keeps at 06:00–18:00.
      opensAt: '19:00',
      startsAt: '19:15',
      closesAt: '19:30',
      reportAt: '20:00',
      active: true,
    };
    const put = await pages.srv.rt.call('PUT', '/v1/rollcalls/upacara', {
      ...admin,
      body: upacara,
    });
    expect(put.status, JSON.stringify(put.json)).toBe(201);
    try {
      const page = await suite.open(DESK);
      await suite.signIn(page, /Admin BKD/, '/admin/reports');
      await page.getByRole('heading', { name: 'Laporan harian' }).waitFor();
      const picker = page.getByLabel('Apel yang ditampilkan');
      const asked = page.waitForRequest((r) => /[?&]rollCall=upacara\b/.test(r.url()));
      await picker.selectOption('upacara');
      expect(new URL((await asked).url()).pathname).toMatch(/^\/v1\/reports\/\d{4}-\d{2}-\d{2}$/);
      const back = page.waitForRequest((r) => /[?&]rollCall=pagi\b/.test(r.url()));
      await picker.selectOption('pagi');
      await back;
      await page.locator('[data-total="expected"] dd').waitFor();
      expect(await axe(page)).toEqual([]);
      await shot(page, 'reports-08-rollcall-picker');
    } finally {
      await pages.srv.rt.call('DELETE', '/v1/rollcalls/upacara', admin);
    }
  });

  it('on a tablet: reports and trends read without sideways scrolling', async () => {
    const page = await suite.open(TABLET);
    await suite.signIn(page, /Admin BKD/, '/admin/reports');
    await page.getByRole('heading', { name: 'Laporan harian' }).waitFor();
    await page.locator('[data-total="expected"] dd').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-06-reports-tablet');
    await page.getByRole('link', { name: 'Tren' }).click();
    await page.getByRole('heading', { name: 'Tren kehadiran' }).waitFor();
    await page.locator('.chart canvas').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'reports-07-trends-tablet');

    // In English, the same screen in its other words.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Attendance trends' }).waitFor();
    expect(await page.locator('#trend-by-day thead th').nth(1).textContent()).toBe('Overall');
    expect(await page.getByRole('button', { name: 'Last 90 days' }).count()).toBe(1);
  });
});
