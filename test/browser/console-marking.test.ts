import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../functions/core/calendar';
import type { Employee } from '../../functions/core/model';
import { demoRoster } from '../../functions/local/demo';
import { demoFix } from '../support/app';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot } from '../support/console-page';

/**
 * The console's Tandai hadir screen in Chromium against the local runtime (700 demo employees,
 * the window open now). demo-002, an officer of `pagi`, signs in on a phone: finds an absent
 * colleague by typing part of the name, marks them present with a reason, sees the row change and
 * the server's day count them, withdraws the mark; a colleague who checked in cannot be marked,
 * and one who checks in while the form is open is refused in plain words. An admin marks an
 * earlier day late with its time, and is refused at the date when the month is locked. The report
 * view lists the day's marks: "ditandai petugas" and "sanggahan diterima", who and why.
 */

/** A phone's list of 700, reloaded after each mark, on a machine shared with other suites. */
const SLOW = 120_000;
const roster = demoRoster();
const admin = { as: 'bkd-admin', admin: true };
const OFFICER = 'demo-002';
const at = (i: number) => {
  const e = roster[i];
  if (!e) throw new Error(`no demo employee ${i}`);
  return e;
};
const [ABSENT, CHECKED, RACER, LATE, LOCKED, APPEALED] = [40, 9, 41, 60, 61, 62].map(at) as [
  Employee,
  Employee,
  Employee,
  Employee,
  Employee,
  Employee,
];

describe.skipIf(noChromium)('console: Tandai hadir', () => {
  const suite = consoleSuite();
  const pages = suite.pages;
  let today = '';

  async function report(date: string) {
    const r = await pages.srv.rt.call('GET', `/v1/reports/${date}?format=json`, admin);
    expect(r.status).toBe(200);
    return r.json;
  }

  async function checkIn(employeeId: string) {
    const r = await pages.srv.rt.call('POST', '/v1/checkins', {
      as: employeeId,
      body: demoFix(pages.srv.clock),
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
  }

  async function seed() {
    if (today) return;
    const tz = (await pages.srv.rt.call('GET', '/v1/settings', admin)).json.timezone;
    today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(pages.srv.clock.now());
    const staff = await pages.srv.rt.call('PUT', `/v1/staff/${OFFICER}`, {
      ...admin,
      body: { roles: ['officer'], rollCallIds: ['pagi'] },
    });
    expect(staff.status, JSON.stringify(staff.json)).toBeLessThan(300);
    await checkIn(CHECKED.employeeId);
  }

  async function open(who: RegExp, viewport = PHONE): Promise<Page> {
    await seed();
    const page = await suite.open(viewport);
    await suite.signIn(page, who, '/admin/marking');
    await page.getByRole('heading', { name: 'Tandai hadir', level: 1 }).waitFor();
    await page.locator('#mk-list').waitFor();
    return page;
  }

  /** The state at a phone's 390×844 and at a desk, then back to the phone. */
  async function shots(page: Page, name: string, back = PHONE) {
    await page.setViewportSize(PHONE);
    await shot(page, `marking-${name}-phone`);
    await page.setViewportSize(DESK);
    await shot(page, `marking-${name}-desk`);
    await page.setViewportSize(back);
  }

  /**
   * With DOCS_SHOTS=docs/img, the guide's small picture of one person's card (phone width, CSS
   * pixels): docs/admin-guide.md, "Tandai hadir".
   */
  async function docShot(page: Page, e: { employeeId: string }, name: string) {
    const docs = process.env.DOCS_SHOTS;
    if (!docs) return;
    await page.setViewportSize(PHONE);
    await mkdir(docs, { recursive: true });
    await row(page, e).screenshot({ path: join(docs, `marking-${name}.png`), scale: 'css' });
  }

  const row = (page: Page, e: { employeeId: string }) =>
    page.locator(`#mk-list > li[data-employee="${e.employeeId}"]`);
  const find = async (page: Page, e: { name: string }) => {
    const [given, family] = e.name.split(' ') as [string, string];
    await page.locator('#mk-q').fill(`${given.slice(0, 4)} ${family.slice(0, 3)}`);
  };

  it(
    'an officer finds an absent colleague by name, marks them present, and withdraws it',
    async () => {
      const page = await open(/demo-002/);
      const menu = page.getByRole('navigation', { name: 'Menu konsol' });
      expect(await menu.getByRole('link').allTextContents()).toEqual([
        'Hari ini',
        'Tandai hadir',
        'Kios lapangan',
      ]);
      expect(await page.locator('#rc-pick').inputValue()).toBe('pagi');
      // No date to choose for an officer: today, in words.
      expect(await page.locator('#mk-date').count()).toBe(0);
      expect(await page.locator('#mk-count').textContent()).toMatch(/dari 700 orang/);
      expect(await axe(page)).toEqual([]);
      await shots(page, '01-list');

      const before = (await report(today)).totals;
      await find(page, ABSENT);
      const target = row(page, ABSENT);
      await target.waitFor();
      const names = await page.locator('#mk-list .mk-who strong').allTextContents();
      expect(names.length).toBeLessThan(700);
      const [given, family] = ABSENT.name.toLowerCase().split(' ') as [string, string];
      for (const n of names) {
        const words = n.toLowerCase().split(' ');
        expect(words.some((w) => w.startsWith(given.slice(0, 4)))).toBe(true);
        expect(words.some((w) => w.startsWith(family.slice(0, 3)))).toBe(true);
      }
      expect(await target.getAttribute('data-state')).toBe('none');
      expect(await target.locator('.mk-state').textContent()).toBe('Belum hadir');

      // Tap, then mark without a reason: refused at the reason, nothing sent.
      await target.getByRole('button', { name: new RegExp(ABSENT.name) }).click();
      expect(
        await target.getByRole('button', { name: ABSENT.name }).getAttribute('aria-expanded'),
      ).toBe('true');
      await target.getByRole('button', { name: 'Tandai hadir' }).click();
      expect(await target.locator(`#mk-${ABSENT.employeeId}-reason-error`).textContent()).toBe(
        'Pilih alasan atau tuliskan keterangannya.',
      );
      expect(await pages.srv.rt.stores.marks.get(today, 'pagi', ABSENT.employeeId)).toBeFalsy();

      await target.getByLabel('HP mati / baterai habis').check();
      await target.getByLabel('Keterangan tambahan').fill('Terlihat di barisan 3 oleh petugas');
      // The refusal went with the reason it was about.
      expect(await target.locator('.field-error').count()).toBe(0);
      expect(await axe(page)).toEqual([]);
      await shots(page, '02-form');
      await docShot(page, ABSENT, 'form');
      await target.getByRole('button', { name: 'Tandai hadir' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${ABSENT.name} ditandai: hadir tepat waktu.` })
        .waitFor();
      await expect.poll(() => target.getAttribute('data-state')).toBe('manual');
      expect(await target.locator('.mk-state').textContent()).toBe('Ditandai petugas');
      expect(await target.locator('.mk-panel').textContent()).toMatch(
        /Ditandai hadir tepat waktu oleh demo-002, .+Alasan: HP mati \/ baterai habis: Terlihat di barisan 3/,
      );

      // The server's day counts them, with who and why.
      const marked = await report(today);
      expect(marked.totals.present).toBe(before.present + 1);
      expect(marked.totals.absent).toBe(before.absent - 1);
      expect(marked.marked).toContainEqual(
        expect.objectContaining({
          employeeId: ABSENT.employeeId,
          status: 'on_time',
          method: 'manual',
          by: OFFICER,
          reason: 'HP mati / baterai habis: Terlihat di barisan 3 oleh petugas',
        }),
      );
      expect(await axe(page)).toEqual([]);
      await shots(page, '03-marked');
      await docShot(page, ABSENT, 'marked');

      // Withdrawn after a question: absent again, on the screen and in the day.
      await target.getByRole('button', { name: `Batalkan tanda ${ABSENT.name}` }).click();
      await target.getByRole('button', { name: 'Ya, batalkan' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Tanda ${ABSENT.name} dibatalkan` })
        .waitFor();
      await expect.poll(() => target.getAttribute('data-state')).toBe('none');
      const undone = await report(today);
      expect(undone.totals.present).toBe(before.present);
      expect(undone.marked.map((m: { employeeId: string }) => m.employeeId)).not.toContain(
        ABSENT.employeeId,
      );
      await shots(page, '04-withdrawn');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    },
    SLOW,
  );

  it(
    'a colleague who checked in cannot be marked; one who checks in meanwhile is refused in words',
    async () => {
      const page = await open(/demo-002/);
      await find(page, CHECKED);
      const done = row(page, CHECKED);
      await done.waitFor();
      expect(await done.getAttribute('data-state')).toBe('checkin');
      expect(await done.locator('.mk-state').textContent()).toMatch(/^Sudah absen \d\d\.\d\d$/);
      await done.getByRole('button', { name: new RegExp(CHECKED.name) }).click();
      expect(await done.locator('.mk-panel').textContent()).toMatch(
        new RegExp(
          `${CHECKED.name} sudah absen sendiri pukul \\d\\d\\.\\d\\d.+tidak dapat ditandai`,
        ),
      );
      expect(await done.getByRole('button', { name: 'Tandai hadir' }).count()).toBe(0);
      expect(await axe(page)).toEqual([]);
      await shots(page, '05-checked-in');

      // The form is open when the colleague's own check-in arrives: the server's 409, in words.
      await find(page, RACER);
      const racer = row(page, RACER);
      await racer.getByRole('button', { name: new RegExp(RACER.name) }).click();
      await racer.getByLabel('GPS tidak akurat').check();
      await checkIn(RACER.employeeId);
      await racer.getByRole('button', { name: 'Tandai hadir' }).click();
      await expect
        .poll(() => racer.getByRole('alert').textContent())
        .toBe(
          `${RACER.name} ternyata sudah absen sendiri. Absennya yang berlaku; tanda tidak diperlukan.`,
        );
      await expect.poll(() => racer.getAttribute('data-state')).toBe('checkin');
      // The list now says why, and the refusal stays above it.
      expect(await racer.locator('.mk-panel').textContent()).toMatch(
        /ternyata sudah absen sendiri.+sudah absen sendiri pukul \d\d\.\d\d/,
      );
      expect(await pages.srv.rt.stores.marks.get(today, 'pagi', RACER.employeeId)).toBeFalsy();
      expect(await axe(page)).toEqual([]);
      await shots(page, '06-refused-checked-in');
    },
    SLOW,
  );

  it(
    'an admin marks an earlier day late with its time; a locked month is refused at the date',
    async () => {
      const page = await open(/Admin BKD/, DESK);
      // The last day of last month: a month may be locked once it is over.
      const day = addDays(`${today.slice(0, 7)}-01`, -1);
      await page.getByLabel('Tanggal').fill(day);
      await page.locator('#mk-count').waitFor();
      await find(page, LATE);
      const late = row(page, LATE);
      await late.getByRole('button', { name: new RegExp(LATE.name) }).click();
      await late.getByLabel('Dicatat sebagai').selectOption('late');
      await late.getByLabel('Dinas luar (surat tugas)').check();
      await late.getByRole('button', { name: 'Simpan tanda' }).click();
      expect(await late.locator(`#mk-${LATE.employeeId}-at-error`).textContent()).toBe(
        'Isi jam datang untuk tanda terlambat.',
      );
      await late.getByLabel('Jam datang').fill('07:45');
      await late.getByRole('button', { name: 'Simpan tanda' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `${LATE.name} ditandai: terlambat 07:45.` })
        .waitFor();
      expect((await report(day)).late).toContainEqual(
        expect.objectContaining({ employeeId: LATE.employeeId, at: '07:45', method: 'manual' }),
      );
      await shots(page, '07-operator-late', DESK);

      const month = day.slice(0, 7);
      expect((await pages.srv.rt.call('POST', `/v1/recaps/${month}/lock`, admin)).status).toBe(201);
      try {
        await find(page, LOCKED);
        const locked = row(page, LOCKED);
        await locked.getByRole('button', { name: new RegExp(LOCKED.name) }).click();
        await locked.getByLabel('GPS tidak akurat').check();
        await locked.getByRole('button', { name: 'Simpan tanda' }).click();
        await expect
          .poll(() => page.locator('#mk-date-error').textContent())
          .toMatch(/^Bulan ini sudah dikunci/);
        expect(await page.getByLabel('Tanggal').getAttribute('aria-invalid')).toBe('true');
        expect(await pages.srv.rt.stores.marks.get(day, 'pagi', LOCKED.employeeId)).toBeFalsy();
        expect(await axe(page)).toEqual([]);
        await shots(page, '08-month-locked', DESK);
      } finally {
        const unlock = await pages.srv.rt.call('DELETE', `/v1/recaps/${month}/lock`, {
          ...admin,
          body: { reason: 'uji tandai hadir' },
        });
        expect(unlock.status).toBe(200);
      }

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Mark present', level: 1 }).waitFor();
      await find(page, LATE);
      expect(await row(page, LATE).locator('.mk-state').textContent()).toBe('Marked by an officer');
      expect(await axe(page)).toEqual([]);
    },
    SLOW,
  );

  it(
    'the report view shows a mark: "ditandai petugas" and "sanggahan diterima", who and why',
    async () => {
      await seed();
      const put = await pages.srv.rt.call(
        'PUT',
        `/v1/attendance/${today}/pagi/${ABSENT.employeeId}`,
        {
          as: OFFICER,
          body: { status: 'on_time', reason: 'GPS tidak akurat' },
        },
      );
      expect(put.status, JSON.stringify(put.json)).toBe(201);
      await pages.srv.rt.stores.marks.put({
        employeeId: APPEALED.employeeId,
        date: today,
        rollCallId: 'pagi',
        status: 'on_time',
        reason: 'Terlihat di foto apel',
        method: 'appeal',
        by: 'bkd-admin',
        markedAt: pages.srv.clock.now().toISOString(),
      });
      const page = await suite.open(DESK);
      await suite.signIn(page, /Admin BKD/, '/admin/reports');
      const table = page.locator('#marked');
      await table.waitFor();
      const manual = table.locator('tbody tr').filter({ hasText: ABSENT.employeeId });
      expect(await manual.textContent()).toMatch(
        /hadir tepat waktu.*ditandai petugas.*demo-002.*GPS tidak akurat/,
      );
      const appeal = table.locator('tbody tr').filter({ hasText: APPEALED.employeeId });
      expect(await appeal.textContent()).toMatch(
        /sanggahan diterima.*bkd-admin.*Terlihat di foto apel/,
      );
      expect(await page.locator('#marked-title').textContent()).toMatch(
        /Tanda hadir dan sanggahan \(\d+\)/,
      );
      expect(await axe(page)).toEqual([]);
      await page.locator('#marked-title').scrollIntoViewIfNeeded();
      await shots(page, '09-report', DESK);
    },
    SLOW,
  );
});
