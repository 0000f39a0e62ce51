import { afterAll, describe, expect, it } from 'vitest';
import type { StoredAuditEntry } from '../../functions/core/audit';
import { publishDue } from '../../functions/core/publish-due';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { DEMO_SITE } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';
import { APEL_SORE_BODY } from '../support/rollcalls';
import { square } from '../support/shapes';
import { SoftAuthenticator } from '../support/soft-authenticator';

// Friday 27 November 2026, 07:12 WIB; each request a second later than the one before.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 20 });
afterAll(() => rt.close());
const ADMIN = { as: 'bkd-admin', admin: true } as const;

/** The entries the request wrote: everything in the log at the clock's second of the request. */
async function entriesOf(send: () => Promise<{ status: number; json: any }>, status: number) {
  clock.advance(1_000);
  const from = clock.now().toISOString();
  const a = await send();
  expect(a.status, JSON.stringify(a.json)).toBe(status);
  const to = new Date(clock.now().getTime() + 1).toISOString();
  const page = await rt.stores.audit.search({ from, to, limit: 100 });
  return { answer: a, entries: page.items };
}

async function one(send: () => Promise<{ status: number; json: any }>, status: number) {
  const { answer, entries } = await entriesOf(send, status);
  expect(entries).toHaveLength(1);
  return { answer, entry: entries[0] as StoredAuditEntry };
}

async function none(send: () => Promise<{ status: number; json: any }>, status: number) {
  const { entries } = await entriesOf(send, status);
  expect(entries).toEqual([]);
}

/** POST /v1/employees/import of a CSV file, as the admin. */
const importCsv = (csv: string, query = '') =>
  rt.call('POST', `/v1/employees/import${query}`, {
    ...ADMIN,
    body: csv,
    headers: { 'content-type': 'text/csv' },
  });

const emp = { name: 'Rina Harahap', unit: 'BKD', siteIds: [DEMO_SITE.siteId], active: true };

describe('each change is in the audit log once, by whom, before and after', () => {
  it('the roster: put, patch, deactivate, and one entry per employee an import changed', async () => {
    const put = await one(() => rt.call('PUT', '/v1/employees/rina', { ...ADMIN, body: emp }), 201);
    expect(put.entry).toMatchObject({
      actor: 'bkd-admin',
      action: 'employee.put',
      subject: 'employee:rina',
      before: null,
      after: { ...emp, employeeId: 'rina' },
      at: clock.now().toISOString(),
    });
    const patch = await one(
      () => rt.call('PATCH', '/v1/employees/rina', { ...ADMIN, body: { unit: 'Dinas Kesehatan' } }),
      200,
    );
    expect(patch.entry).toMatchObject({
      action: 'employee.patch',
      before: { unit: 'BKD' },
      after: { unit: 'Dinas Kesehatan' },
    });
    const del = await one(() => rt.call('DELETE', '/v1/employees/rina', ADMIN), 200);
    expect(del.entry).toMatchObject({
      action: 'employee.delete',
      before: { active: true },
      after: { active: false },
    });
    const csv = `NIP;Nama;Unit kerja;Lapangan;Aktif\nbaru-1;Andi;BKD;${DEMO_SITE.siteId};Aktif\nbaru-2;Budi;BKD;${DEMO_SITE.siteId};Aktif\n`;
    const imp = await entriesOf(() => importCsv(csv), 200);
    expect(imp.answer.json).toMatchObject({ created: 2, updated: 0 });
    expect(imp.entries.map((e) => [e.action, e.subject, e.before]).sort()).toEqual([
      ['employee.import', 'employee:baru-1', null],
      ['employee.import', 'employee:baru-2', null],
    ]);
    // The same file again changes nothing, and says so by writing nothing.
    await none(() => importCsv(csv), 200);
    await none(() => importCsv(csv, '?dryRun=true'), 200);
  });

  it('grounds, their code, settings, roll calls and holidays', async () => {
    const ground = {
      type: 'Feature',
      geometry: square(98.6, 3.5, 80),
      properties: { name: 'Merdeka' },
    };
    const site = await one(
      () => rt.call('PUT', '/v1/sites/merdeka', { ...ADMIN, body: ground }),
      201,
    );
    expect(site.entry).toMatchObject({
      action: 'site.put',
      subject: 'site:merdeka',
      before: null,
      after: { name: 'Merdeka', siteId: 'merdeka' },
    });
    const rotate = await one(() => rt.call('POST', '/v1/sites/merdeka/code/rotate', ADMIN), 200);
    expect(rotate.entry).toMatchObject({ action: 'groundcode.rotate', subject: 'site:merdeka' });
    expect(JSON.stringify(rotate.entry)).not.toMatch(/secret/i);
    const gone = await one(() => rt.call('DELETE', '/v1/sites/merdeka', ADMIN), 200);
    expect(gone.entry).toMatchObject({
      action: 'site.delete',
      before: { name: 'Merdeka' },
      after: null,
    });

    const settings = { ...DEFAULT_SETTINGS, maxAccuracyM: 40 };
    const s = await one(() => rt.call('PUT', '/v1/settings', { ...ADMIN, body: settings }), 200);
    expect(s.entry).toMatchObject({
      action: 'settings.put',
      subject: 'settings:deployment',
      before: { maxAccuracyM: 50 },
      after: { maxAccuracyM: 40 },
    });

    const rc = await one(
      () => rt.call('PUT', '/v1/rollcalls/sore', { ...ADMIN, body: APEL_SORE_BODY }),
      201,
    );
    expect(rc.entry).toMatchObject({
      action: 'rollcall.put',
      subject: 'rollcall:sore',
      before: null,
      after: { id: 'sore', name: 'Apel sore' },
    });
    const rc2 = await one(
      () =>
        rt.call('PUT', '/v1/rollcalls/sore', {
          ...ADMIN,
          body: { ...APEL_SORE_BODY, name: 'Sore' },
        }),
      200,
    );
    expect(rc2.entry).toMatchObject({ before: { name: 'Apel sore' }, after: { name: 'Sore' } });
    const rcGone = await one(() => rt.call('DELETE', '/v1/rollcalls/sore', ADMIN), 200);
    expect(rcGone.entry).toMatchObject({
      action: 'rollcall.delete',
      before: { name: 'Sore' },
      after: null,
    });

    const h = await one(
      () => rt.call('PUT', '/v1/holidays/2026-12-25', { ...ADMIN, body: { name: 'Natal' } }),
      200,
    );
    expect(h.entry).toMatchObject({
      action: 'holiday.put',
      subject: 'holiday:2026-12-25',
      before: null,
      after: { name: 'Natal' },
    });
    const h2 = await one(() => rt.call('DELETE', '/v1/holidays/2026-12-25', ADMIN), 200);
    expect(h2.entry).toMatchObject({
      action: 'holiday.delete',
      before: { name: 'Natal' },
      after: null,
    });
  });

  it('excuses: created once (a repeat writes nothing), revoked once', async () => {
    const body = { employeeId: 'demo-003', from: '2026-11-27', to: '2026-11-27', kind: 'sick' };
    const made = await one(() => rt.call('POST', '/v1/excuses', { ...ADMIN, body }), 201);
    const id = made.answer.json.excuseId;
    expect(made.entry).toMatchObject({
      action: 'excuse.create',
      subject: `excuse:${id}`,
      before: null,
      after: { kind: 'sick', employeeId: 'demo-003' },
    });
    await none(() => rt.call('POST', '/v1/excuses', { ...ADMIN, body }), 200);
    const revoked = await one(() => rt.call('DELETE', `/v1/excuses/${id}`, ADMIN), 200);
    expect(revoked.entry).toMatchObject({
      action: 'excuse.revoke',
      after: { revoked: true, revokedBy: 'bkd-admin' },
    });
    expect(revoked.entry.before).not.toHaveProperty('revoked');
    await none(() => rt.call('DELETE', `/v1/excuses/${id}`, ADMIN), 200);
  });

  it('passkeys: registered by the employee, approved and reset by an admin', async () => {
    const me = { as: 'demo-004' };
    const phone = new SoftAuthenticator('localhost', 'http://localhost');
    await none(() => rt.call('POST', '/v1/me/passkeys/options', { ...me, body: {} }), 200);
    const opts = await rt.call('POST', '/v1/me/passkeys/options', { ...me, body: {} });
    const reg = await one(
      () =>
        rt.call('POST', '/v1/me/passkeys', { ...me, body: phone.register(opts.json.challenge) }),
      201,
    );
    expect(reg.entry).toMatchObject({
      actor: 'demo-004',
      action: 'passkey.register',
      subject: 'passkey:demo-004',
      after: { credentialId: phone.id, status: 'active' },
    });
    const second = new SoftAuthenticator('localhost', 'http://localhost');
    const opts2 = await rt.call('POST', '/v1/me/passkeys/options', { ...me, body: {} });
    await one(
      () =>
        rt.call('POST', '/v1/me/passkeys', { ...me, body: second.register(opts2.json.challenge) }),
      201,
    );
    const ok = await one(
      () => rt.call('POST', `/v1/employees/demo-004/passkeys/${second.id}/approve`, ADMIN),
      200,
    );
    expect(ok.entry).toMatchObject({
      actor: 'bkd-admin',
      action: 'passkey.approve',
      before: { status: 'pending' },
      after: { status: 'active' },
    });
    const reset = await one(() => rt.call('DELETE', '/v1/employees/demo-004/passkeys', ADMIN), 200);
    expect(reset.entry).toMatchObject({ action: 'passkey.reset', after: { removed: 2 } });
    expect(reset.entry.before).toHaveLength(2);
    expect(JSON.stringify([reg.entry, reset.entry])).not.toMatch(/publicKey/);
  });

  it('publications: by the admin who published now, by system on the tick; an unchanged one writes nothing', async () => {
    const pub = await one(() => rt.call('POST', '/v1/reports/2026-11-26/publish', ADMIN), 200);
    expect(pub.entry).toMatchObject({
      actor: 'bkd-admin',
      action: 'report.publish',
      subject: 'report:2026-11-26/pagi',
      before: null,
      after: { version: 1 },
    });
    await none(() => rt.call('POST', '/v1/reports/2026-11-26/publish', ADMIN), 200);
    // 09:00 WIB: pagi's report time has passed; the tick publishes the 27th as system.
    clock.set('2026-11-27T02:00:00.000Z');
    const tick = await entriesOf(async () => {
      const due = await publishDue({ ...rt, clock });
      return { status: due.every((d) => d.result !== null) ? 200 : 500, json: due };
    }, 200);
    expect(tick.entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
      ['system', 'report.publish', 'report:2026-11-27/pagi'],
    ]);
  });

  it('a refused or failed request writes nothing', async () => {
    await none(
      () =>
        rt.call('PUT', '/v1/employees/rina', { ...ADMIN, body: { ...emp, siteIds: ['nowhere'] } }),
      400,
    );
    await none(() => rt.call('PUT', '/v1/employees/rina', { as: 'demo-001', body: emp }), 403);
    await none(() => rt.call('DELETE', '/v1/employees/nobody-here', ADMIN), 404);
    await none(() => rt.call('DELETE', '/v1/sites/nowhere', ADMIN), 404);
    await none(() => rt.call('DELETE', '/v1/rollcalls/pagi', ADMIN), 400);
    await none(() => rt.call('DELETE', '/v1/holidays/2030-01-01', ADMIN), 404);
    await none(
      () =>
        rt.call('PUT', '/v1/settings', {
          ...ADMIN,
          body: { ...DEFAULT_SETTINGS, opensAt: '09:00' },
        }),
      400,
    );
    await none(() => importCsv('NIP;Nama\nx;\n'), 400);
  });
});

describe('GET /v1/audit', () => {
  it('finds a person’s history by subject and by actor, newest first, in local dates', async () => {
    const history = await rt.call(
      'GET',
      '/v1/audit?subject=employee:rina&from=2026-11-27&to=2026-11-27',
      ADMIN,
    );
    expect(history.status).toBe(200);
    expect(history.json.items.map((e: StoredAuditEntry) => e.action)).toEqual([
      'employee.delete',
      'employee.patch',
      'employee.put',
    ]);
    expect(history.json).toMatchObject({ from: '2026-11-27', to: '2026-11-27' });
    const mine = await rt.call('GET', '/v1/audit?actor=demo-004', ADMIN);
    expect(mine.json.items.map((e: StoredAuditEntry) => e.action)).toEqual([
      'passkey.register',
      'passkey.register',
    ]);
    // The 27th in WIB began at 17:00 UTC on the 26th: nothing of the 27th is on the 26th.
    const before = await rt.call('GET', '/v1/audit?from=2026-11-26&to=2026-11-26', ADMIN);
    expect(before.json.items).toEqual([]);
    const both = await rt.call(
      'GET',
      '/v1/audit?actor=system&subject=report:2026-11-27/pagi',
      ADMIN,
    );
    expect(both.json.items).toHaveLength(1);
  });

  it('pages through everything without a repeat; a cursor is good for its own search only', async () => {
    const all = await rt.call('GET', '/v1/audit?limit=200', ADMIN);
    const seen: string[] = [];
    let url = '/v1/audit?limit=7';
    for (;;) {
      const page = await rt.call('GET', url, ADMIN);
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((e: StoredAuditEntry) => e.id));
      if (!page.json.cursor) break;
      url = `/v1/audit?limit=7&cursor=${page.json.cursor}`;
    }
    expect(seen).toEqual(all.json.items.map((e: StoredAuditEntry) => e.id));
    expect(seen.length).toBeGreaterThan(20);
    const first = await rt.call('GET', '/v1/audit?limit=1', ADMIN);
    const other = await rt.call(
      'GET',
      `/v1/audit?limit=1&actor=bkd-admin&cursor=${first.json.cursor}`,
      ADMIN,
    );
    expect(other.status).toBe(400);
    expect(other.json.error.details.issues[0].path).toBe('cursor');
  });

  it('refuses a range out of order or over a year, a bad cursor, a bad limit: 400, naming the field', async () => {
    for (const [q, path] of [
      ['from=2026-11-28&to=2026-11-27', 'to'],
      ['from=2025-11-26&to=2026-11-27', 'to'],
      ['from=2025-01-01', 'to'],
      ['cursor=abc', 'cursor'],
      [`cursor=${Buffer.from('{"k":"x","f":"y"}').toString('base64url')}`, 'cursor'],
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['from=2026-02-30', 'from'],
      ['actor=a%20b', 'actor'],
    ] as const) {
      const a = await rt.call('GET', `/v1/audit?${q}`, ADMIN);
      expect(a.status, q).toBe(400);
      expect(a.json.error.code).toBe('VALIDATION_FAILED');
      expect(a.json.error.details.issues[0].path, q).toBe(path);
    }
    // Dates after today are searched up to now: the last date a Date holds, too.
    const later = await rt.call('GET', '/v1/audit?from=9999-12-31&to=9999-12-31', ADMIN);
    expect(later.status).toBe(200);
    expect(later.json).toMatchObject({ from: '9999-12-31', to: '9999-12-31', items: [] });
    const upToNow = await rt.call('GET', '/v1/audit?from=2026-11-27&to=2027-06-30', ADMIN);
    expect(upToNow.json.items.length).toBeGreaterThan(0);
    expect(upToNow.json.items.map((e: StoredAuditEntry) => e.id)).toEqual(
      (await rt.call('GET', '/v1/audit?from=2026-11-27&limit=200', ADMIN)).json.items
        .slice(0, upToNow.json.items.length)
        .map((e: StoredAuditEntry) => e.id),
    );
    const year = await rt.call('GET', '/v1/audit?from=2025-11-27&to=2026-11-27', ADMIN);
    expect(year.status).toBe(200);
    expect((await rt.call('GET', '/v1/audit', { as: 'demo-001' })).status).toBe(403);
    expect((await rt.call('GET', '/v1/audit')).status).toBe(401);
  });
});
