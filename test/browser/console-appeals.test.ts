import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, localTime } from '../../functions/core/calendar';
import { demoRoster } from '../../functions/local/demo';
import { noChromium } from '../support/browser';
import { axe, consoleSuite, DESK, PHONE, shot } from '../support/console-page';

/**
 * The console's Sanggahan / Appeals inbox in Chromium at a desk and on a phone: three employees
 * named absent on yesterday's published report appeal from the API, one of them already rejected;
 * the inbox lists them as GET /v1/appeals orders them (open first), filters by status and unit,
 * refuses a decision without a note at the note, shows the server's refusal of an appeal decided
 * meanwhile in its card, and accepts one with a note (the mark and the stored decision follow).
 */

const [A, B, C] = [demoRoster()[3]!, demoRoster()[4]!, demoRoster()[5]!];
const admin = { as: 'bkd-admin', admin: true };

describe.skipIf(noChromium)('console: Sanggahan inbox', () => {
  const suite = consoleSuite();
  const pages = suite.pages;
  let day = '';
  const id = (e: { employeeId: string }) => `${day}.pagi.${e.employeeId}`;

  async function seed() {
    const srv = pages.srv;
    const settings = (await srv.rt.call('GET', '/v1/settings', admin)).json;
    day = addDays(localTime(srv.clock.now(), settings.timezone).date, -1);
    if (await srv.rt.stores.appeals.get(id(A))) return;
    expect((await srv.rt.call('POST', `/v1/reports/${day}/publish`, admin)).status).toBe(200);
    for (const [who, body] of [
      [A, { claim: 'present', reason: 'Saya di barisan belakang, GPS error' }],
      [B, { claim: 'excused', kind: 'sick', reason: 'Demam, surat dokter terlampir' }],
      [C, { claim: 'present', reason: 'Ponsel mati saat apel' }],
    ] as const) {
      const r = await srv.rt.call('POST', '/v1/appeals', {
        as: who.employeeId,
        body: { date: day, ...body },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    const r = await srv.rt.call('POST', `/v1/appeals/${id(C)}/decision`, {
      ...admin,
      body: { decision: 'reject', note: 'Tidak terlihat di foto apel' },
    });
    expect(r.status).toBe(200);
  }

  async function inbox(viewport = DESK): Promise<Page> {
    await seed();
    const page = await suite.open(viewport);
    await suite.signIn(page, /Admin BKD/, '/admin/appeals');
    await page.getByRole('heading', { name: 'Sanggahan', level: 1 }).waitFor();
    await page.locator('#appeals-inbox').waitFor();
    return page;
  }
  const cards = (page: Page) =>
    page.locator('#appeals-inbox > li').evaluateAll((els) => els.map((e) => e.dataset.appeal));

  it('lists the appeals as the API orders them, filters them, and decides one', async () => {
    const page = await inbox();
    const api = (await pages.srv.rt.call('GET', '/v1/appeals', admin)).json;
    expect(api.items.map((a: { status: string }) => a.status)).toEqual([
      'open',
      'open',
      'rejected',
    ]);
    expect(await cards(page)).toEqual(api.items.map((a: { appealId: string }) => a.appealId));
    const rejected = page.locator(`[data-appeal="${id(C)}"]`);
    expect(await rejected.textContent()).toMatch(
      /Ditolak oleh bkd-admin, .+Catatan: Tidak terlihat di foto apel/,
    );
    expect(await page.locator(`[data-appeal="${id(B)}"]`).textContent()).toMatch(
      /Berhalangan: Sakit.*Alasan: Demam, surat dokter terlampir/,
    );
    expect(await axe(page)).toEqual([]);
    await shot(page, 'appeals-01-inbox');

    // Filters: the decided ones, then one unit.
    await page.getByLabel('Status').selectOption('rejected');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => cards(page)).toEqual([id(C)]);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Unit kerja').fill(B.unit.toUpperCase());
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect.poll(() => cards(page)).toEqual([id(B)]);
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await expect.poll(() => cards(page)).toHaveLength(3);

    // No note: refused at the note, nothing sent.
    const card = page.locator(`[data-appeal="${id(A)}"]`);
    await card.getByRole('button', { name: /^Terima sanggahan/ }).click();
    await expect
      .poll(() => card.locator('.field-error').textContent())
      .toBe('Tulis catatan untuk pegawai.');
    expect(await card.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    expect((await pages.srv.rt.stores.appeals.get(id(A)))?.status).toBe('open');

    // Decided meanwhile by someone else: the server's refusal in the card.
    const other = page.locator(`[data-appeal="${id(B)}"]`);
    expect(
      (
        await pages.srv.rt.call('POST', `/v1/appeals/${id(B)}/decision`, {
          ...admin,
          body: { decision: 'accept', note: 'Surat dokter ada' },
        })
      ).status,
    ).toBe(200);
    await other.getByRole('textbox').fill('Diterima');
    await other.getByRole('button', { name: /^Tolak sanggahan/ }).click();
    await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/APPEAL_DECIDED/);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'appeals-02-refusals');

    // Accepted with a note.
    await card.getByRole('textbox').fill('Terlihat di foto apel');
    await card.getByRole('button', { name: /^Terima sanggahan/ }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/Sanggahan .+ diterima/));
    await expect
      .poll(() => card.textContent())
      .toMatch(/Diterima oleh bkd-admin.+Catatan: Terlihat di foto apel/);
    expect(await pages.srv.rt.stores.appeals.get(id(A))).toMatchObject({
      status: 'accepted',
      note: 'Terlihat di foto apel',
      decidedBy: 'bkd-admin',
    });
    expect(await pages.srv.rt.stores.marks.get(day, 'pagi', A.employeeId)).toMatchObject({
      method: 'appeal',
    });
    await shot(page, 'appeals-03-accepted');
  });

  it('reads on a phone, accessible, in English too', async () => {
    const page = await inbox(PHONE);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'appeals-04-phone');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Appeals', level: 1 }).waitFor();
    expect(await page.locator(`[data-appeal="${id(C)}"]`).textContent()).toMatch(
      /Rejected by bkd-admin.+Note: Tidak terlihat/,
    );
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await axe(page)).toEqual([]);
    await shot(page, 'appeals-05-phone-en');
  });
});
