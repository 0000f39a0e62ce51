import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { totp } from '../../../functions/core/presence/totp';
import { DEMO_SITE } from '../../../functions/local/demo';
import { demoFix, testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';

/** The ground code over HTTP and dynalite: the kiosk's code, the modes, stale, reused, foreign. */
const FRIDAY_0712 = '2026-11-27T00:12:10.000Z';
const clock = new FakeClock(new Date(FRIDAY_0712));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const SITE = DEMO_SITE.siteId;
// A second ground over the same yard: its code is foreign to the first.
const OTHER = 'lapangan-merdeka';

const feature = (mode: string, name = DEMO_SITE.name) => ({
  type: 'Feature',
  geometry: DEMO_SITE.geometry,
  properties: { name, presence: { code: mode } },
});

async function setMode(mode: string) {
  const r = await rt.call('PUT', `/v1/sites/${SITE}`, {
    as: 'bkd',
    admin: true,
    body: feature(mode),
  });
  expect(r.status).toBe(200);
}

async function kioskCode(siteId = SITE) {
  const r = await rt.call('GET', `/v1/sites/${siteId}/code`, { as: 'bkd', admin: true });
  expect(r.status).toBe(200);
  return r.json as { code: string; step: number; validUntil: string; mode: string };
}

const checkIn = (as: string, over: Record<string, unknown> = {}) =>
  rt.call('POST', '/v1/checkins', { as, body: demoFix(clock, over) });

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 40 });
  await rt.call('PUT', `/v1/sites/${OTHER}`, {
    as: 'bkd',
    admin: true,
    body: feature('require', 'Lapangan Merdeka'),
  });
});
afterAll(() => rt.close());
beforeEach(() => clock.set(FRIDAY_0712));

describe('GET /v1/sites/{siteId}/code', () => {
  it('answers the current step’s code, made from a secret created on first use and never sent', async () => {
    const c = await kioskCode();
    expect(c).toEqual({
      code: expect.stringMatching(/^\d{6}$/),
      step: Math.floor(Date.parse(FRIDAY_0712) / 30_000),
      validUntil: '2026-11-27T00:12:30.000Z',
      serverTime: FRIDAY_0712,
      stepS: 30,
      mode: 'off',
    });
    // The same step, the same code; the secret is in the table, and in no answer.
    expect((await kioskCode()).code).toBe(c.code);
    const site = await rt.call('GET', `/v1/sites/${SITE}`, { as: 'bkd', admin: true });
    expect(JSON.stringify(site.json)).not.toMatch(/secret/);
    const item = await rt.stores.table.get({ pk: `SITE#${SITE}`, sk: 'CODE' }, true);
    const secret = new Uint8Array(Buffer.from(String(item?.secret), 'base64'));
    expect(totp(secret, clock.now().getTime())).toBe(c.code);
  });

  it('404 for an unknown ground; employees may not read a code', async () => {
    const r = await rt.call('GET', '/v1/sites/nowhere/code', { as: 'bkd', admin: true });
    expect(r.status).toBe(404);
    const e = await rt.call('GET', `/v1/sites/${SITE}/code`, { as: 'demo-001' });
    expect(e.status).toBe(403);
  });

  it('the ground Feature says the mode, and PUT refuses an unknown one', async () => {
    await setMode('flag');
    const site = await rt.call('GET', `/v1/sites/${SITE}`, { as: 'bkd', admin: true });
    expect(site.json.properties.presence).toEqual({ code: 'flag' });
    const bad = await rt.call('PUT', `/v1/sites/${SITE}`, {
      as: 'bkd',
      admin: true,
      body: feature('sometimes'),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    await setMode('off');
  });
});

describe('POST /v1/checkins with a ground code', () => {
  it('off: a check-in without a code is accepted unflagged', async () => {
    await setMode('off');
    const r = await checkIn('demo-001');
    expect(r.status).toBe(201);
    expect(r.json.checkin.flags).not.toContain('no_code');
  });

  it('flag: accepted without a code, flagged no_code; with the code, unflagged', async () => {
    await setMode('flag');
    const without = await checkIn('demo-002');
    expect(without.status).toBe(201);
    expect(without.json.checkin.flags).toContain('no_code');
    const { code } = await kioskCode();
    const withCode = await checkIn('demo-003', { groundCode: code });
    expect(withCode.status).toBe(201);
    expect(withCode.json.checkin.flags).not.toContain('no_code');
    // The admins' report lists it among the flagged, the CSV in words.
    const report = await rt.call('GET', '/v1/reports/2026-11-27', { as: 'bkd', admin: true });
    const flagged = report.json.flagged.find(
      (f: { employeeId: string }) => f.employeeId === 'demo-002',
    );
    expect(flagged?.flags).toContain('no_code');
    const csv = await rt.call('GET', '/v1/reports/2026-11-27?format=csv', {
      as: 'bkd',
      admin: true,
    });
    expect(csv.text).toContain('tanpa kode lapangan');
  });

  it('require: 422 CODE_REQUIRED without one, CODE_INVALID for a wrong one, 201 with it', async () => {
    await setMode('require');
    const none = await checkIn('demo-004');
    expect(none.status).toBe(422);
    expect(none.json.error).toMatchObject({ code: 'CODE_REQUIRED', details: { siteId: SITE } });
    expect(none.json.error.message).toMatch(/kode/i);
    const { code } = await kioskCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await checkIn('demo-004', { groundCode: wrong });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('CODE_INVALID');
    const ok = await checkIn('demo-004', { groundCode: code });
    expect(ok.status).toBe(201);
    expect(ok.json.checkin.flags).not.toContain('no_code');
  });

  it('±1 step: the previous step’s code is accepted, two steps back is stale', async () => {
    await setMode('require');
    const { code } = await kioskCode();
    clock.advance(30_000);
    const late = await checkIn('demo-005', { groundCode: code });
    expect(late.status).toBe(201);
    clock.advance(30_000);
    const stale = await checkIn('demo-006', { groundCode: code });
    expect(stale.status).toBe(422);
    expect(stale.json.error).toMatchObject({ code: 'CODE_INVALID', details: { reason: 'stale' } });
  });

  it('a code of another ground is refused', async () => {
    await setMode('require');
    const foreign = (await kioskCode(OTHER)).code;
    const own = (await kioskCode()).code;
    if (foreign === own) return; // one chance in a million: the two grounds agree this step
    const r = await checkIn('demo-007', { groundCode: foreign });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'CODE_INVALID', details: { siteId: SITE } });
  });

  it('a code is good for one check-in per employee and roll call: a used step is refused', async () => {
    await setMode('require');
    const { code, step } = await kioskCode();
    // The step was claimed for this employee's roll call already (a check-in whose write failed
    // after the claim, say): the same code is spent for them, not for a colleague.
    const claims = rt.stores.presence.codes;
    const key = { employeeId: 'demo-008', date: '2026-11-27', rollCallId: 'pagi' };
    expect(await claims.claim(key, SITE, step, 2_000_000_000)).toBe(true);
    const reused = await checkIn('demo-008', { groundCode: code });
    expect(reused.status).toBe(422);
    expect(reused.json.error).toMatchObject({
      code: 'CODE_INVALID',
      details: { reason: 'reused' },
    });
    const colleague = await checkIn('demo-009', { groundCode: code });
    expect(colleague.status).toBe(201);
    // An older step is spent too; a newer one passes.
    expect(await claims.claim(key, SITE, step - 1, 2_000_000_000)).toBe(false);
    expect(await claims.claim(key, SITE, step, 2_000_000_000)).toBe(false);
    expect(await claims.claim(key, SITE, step + 1, 2_000_000_000)).toBe(true);
    expect(await claims.claim({ ...key, rollCallId: 'sore' }, SITE, step, 2_000_000_000)).toBe(
      true,
    );
  });

  it('rotating the secret makes every code shown so far stop working', async () => {
    await setMode('require');
    const before = (await kioskCode()).code;
    const rot = await rt.call('POST', `/v1/sites/${SITE}/code/rotate`, { as: 'bkd', admin: true });
    expect(rot.status).toBe(200);
    expect(rot.json).toEqual({ siteId: SITE, rotated: true });
    const after = (await kioskCode()).code;
    if (after === before) return; // one chance in a million
    const old = await checkIn('demo-010', { groundCode: before });
    expect(old.status).toBe(422);
    expect(old.json.error.code).toBe('CODE_INVALID');
    const fresh = await checkIn('demo-010', { groundCode: after });
    expect(fresh.status).toBe(201);
    const unknown = await rt.call('POST', '/v1/sites/nowhere/code/rotate', {
      as: 'bkd',
      admin: true,
    });
    expect(unknown.status).toBe(404);
  });

  it('a malformed code is a 400, never a 500', async () => {
    for (const groundCode of ['12345', '1234567', 'abcdef', 123456, '']) {
      const r = await checkIn('demo-011', { groundCode });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
