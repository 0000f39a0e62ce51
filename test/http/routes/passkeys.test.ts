import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../functions/core/settings';
import { demoFix, testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';
import { SoftAuthenticator } from '../../support/soft-authenticator';

/**
 * Device binding over HTTP and dynalite, with a software authenticator whose bytes the server
 * verifies for real: registration, the second phone waiting for an admin, the reset, and the
 * check-in's assertion — replayed, for another challenge, from another origin, all refused.
 */
const FRIDAY_0712 = '2026-11-27T00:12:10.000Z';
const clock = new FakeClock(new Date(FRIDAY_0712));
let rt: Awaited<ReturnType<typeof testRuntime>>;
// app.request() without a host is http://localhost: that is the relying party here.
const phone = () => new SoftAuthenticator('localhost', 'http://localhost');

async function setBinding(deviceBinding: string) {
  const r = await rt.call('PUT', '/v1/settings', {
    as: 'bkd',
    admin: true,
    body: { ...DEFAULT_SETTINGS, deviceBinding },
  });
  expect(r.status).toBe(200);
}

async function registerPhone(as: string, a = phone()) {
  const opts = await rt.call('POST', '/v1/me/passkeys/options', { as, body: {} });
  expect(opts.status).toBe(200);
  expect(opts.json.rp).toMatchObject({ id: 'localhost' });
  const r = await rt.call('POST', '/v1/me/passkeys', { as, body: a.register(opts.json.challenge) });
  return { a, r };
}

async function challenge(as: string): Promise<string> {
  const r = await rt.call('GET', '/v1/checkins/challenge', { as });
  expect(r.status).toBe(200);
  return r.json.options.challenge;
}

const checkIn = (as: string, over: Record<string, unknown> = {}) =>
  rt.call('POST', '/v1/checkins', { as, body: demoFix(clock, over) });

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 40 });
});
afterAll(() => rt.close());
beforeEach(() => clock.set(FRIDAY_0712));

describe('registering a phone', () => {
  it('the first passkey is active at once; the list shows it', async () => {
    const { r } = await registerPhone('demo-001');
    expect(r.status).toBe(201);
    expect(r.json.passkey).toMatchObject({ status: 'active', credentialId: expect.any(String) });
    const mine = await rt.call('GET', '/v1/me/passkeys', { as: 'demo-001' });
    expect(mine.json.passkeys).toHaveLength(1);
  });

  it('a second phone waits for an admin; approval makes it active', async () => {
    await registerPhone('demo-002');
    const { r } = await registerPhone('demo-002');
    expect(r.status).toBe(201);
    expect(r.json.passkey.status).toBe('pending');
    const pending = await rt.call('GET', '/v1/passkeys/pending', { as: 'bkd', admin: true });
    expect(pending.status).toBe(200);
    const mine = pending.json.items.filter(
      (i: { employeeId: string }) => i.employeeId === 'demo-002',
    );
    expect(mine).toEqual([
      expect.objectContaining({
        credentialId: r.json.passkey.credentialId,
        name: expect.any(String),
      }),
    ]);
    const ok = await rt.call(
      'POST',
      `/v1/employees/demo-002/passkeys/${r.json.passkey.credentialId}/approve`,
      { as: 'bkd', admin: true },
    );
    expect(ok.status).toBe(200);
    expect(ok.json.passkey.status).toBe('active');
    const after = await rt.call('GET', '/v1/passkeys/pending', { as: 'bkd', admin: true });
    expect(after.json.items.some((i: { employeeId: string }) => i.employeeId === 'demo-002')).toBe(
      false,
    );
    const missing = await rt.call('POST', '/v1/employees/demo-002/passkeys/AAAA/approve', {
      as: 'bkd',
      admin: true,
    });
    expect(missing.status).toBe(404);
  });

  it('a registration for a spent or foreign challenge is refused PASSKEY_INVALID', async () => {
    const a = phone();
    const opts = await rt.call('POST', '/v1/me/passkeys/options', { as: 'demo-003', body: {} });
    const forged = await rt.call('POST', '/v1/me/passkeys', {
      as: 'demo-003',
      body: a.register('bm90LXRoZS1jaGFsbGVuZ2U'),
    });
    expect(forged.status).toBe(422);
    expect(forged.json.error.code).toBe('PASSKEY_INVALID');
    const good = a.register(opts.json.challenge);
    expect((await rt.call('POST', '/v1/me/passkeys', { as: 'demo-003', body: good })).status).toBe(
      201,
    );
    const again = await rt.call('POST', '/v1/me/passkeys', { as: 'demo-003', body: good });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe('PASSKEY_INVALID');
  });

  it('someone not on the roster cannot register', async () => {
    const r = await rt.call('POST', '/v1/me/passkeys/options', { as: 'stranger', body: {} });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('NOT_ON_ROSTER');
  });

  it('an admin resets a lost phone: the next registration is active again', async () => {
    await registerPhone('demo-004');
    const reset = await rt.call('DELETE', '/v1/employees/demo-004/passkeys', {
      as: 'bkd',
      admin: true,
    });
    expect(reset.json).toEqual({ employeeId: 'demo-004', removed: 1 });
    const { r } = await registerPhone('demo-004');
    expect(r.json.passkey.status).toBe('active');
    const employee = await rt.call('DELETE', '/v1/employees/demo-004/passkeys', { as: 'demo-004' });
    expect(employee.status).toBe(403);
  });
});

describe('POST /v1/checkins with device binding', () => {
  it('off: no challenge is made, and a check-in needs no assertion', async () => {
    await setBinding('off');
    const c = await rt.call('GET', '/v1/checkins/challenge', { as: 'demo-010' });
    expect(c.json).toEqual({ deviceBinding: 'off', registered: false, pending: 0 });
    expect((await checkIn('demo-010')).status).toBe(201);
  });

  it('flag: without an assertion accepted and flagged unbound_device', async () => {
    await setBinding('flag');
    const r = await checkIn('demo-011');
    expect(r.status).toBe(201);
    expect(r.json.checkin.flags).toContain('unbound_device');
  });

  it('require: DEVICE_NOT_BOUND without an assertion (the curl from home); 201 with one', async () => {
    await setBinding('require');
    const { a } = await registerPhone('demo-012');
    const bare = await checkIn('demo-012');
    expect(bare.status).toBe(422);
    expect(bare.json.error).toMatchObject({
      code: 'DEVICE_NOT_BOUND',
      details: { reason: 'no_assertion' },
    });
    const ok = await checkIn('demo-012', { assertion: a.assert(await challenge('demo-012')) });
    expect(ok.status).toBe(201);
    expect(ok.json.checkin.flags).not.toContain('unbound_device');
  });

  it('a replayed assertion is refused', async () => {
    await setBinding('require');
    const { a } = await registerPhone('demo-013');
    const assertion = a.assert(await challenge('demo-013'));
    expect((await checkIn('demo-013', { assertion })).status).toBe(201);
    // The same assertion again, on another day (no standing check-in to answer with).
    clock.advance(3 * 86_400_000);
    const replay = await checkIn('demo-013', { assertion, capturedAt: clock.now().toISOString() });
    expect(replay.status).toBe(422);
    // The challenge was spent with the check-in: none is stored for this assertion any more.
    expect(replay.json.error).toMatchObject({
      code: 'ASSERTION_INVALID',
      details: { reason: 'no_challenge' },
    });
  });

  it('an assertion for another challenge, or from another origin, is refused', async () => {
    await setBinding('require');
    const { a } = await registerPhone('demo-014');
    const old = await challenge('demo-014');
    await challenge('demo-014'); // a newer challenge replaces it
    const stale = await checkIn('demo-014', { assertion: a.assert(old) });
    expect(stale.status).toBe(422);
    expect(stale.json.error).toMatchObject({
      code: 'ASSERTION_INVALID',
      details: { reason: 'other_challenge' },
    });
    const phish = await checkIn('demo-014', {
      assertion: a.assert(await challenge('demo-014'), { origin: 'https://apel-medan.example' }),
    });
    expect(phish.status).toBe(422);
    expect(phish.json.error.code).toBe('ASSERTION_INVALID');
    expect(phish.json.error.details.reason).toMatch(/origin/i);
  });

  it('an expired challenge is refused', async () => {
    await setBinding('require');
    const { a } = await registerPhone('demo-015');
    const ch = await challenge('demo-015');
    clock.advance(121_000);
    const r = await checkIn('demo-015', { assertion: a.assert(ch) });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({
      code: 'ASSERTION_INVALID',
      details: { reason: 'challenge_expired' },
    });
  });

  it('a colleague’s passkey, or a phone awaiting approval, is not bound to me', async () => {
    await setBinding('require');
    const { a: colleague } = await registerPhone('demo-016');
    await registerPhone('demo-017');
    const r = await checkIn('demo-017', {
      assertion: colleague.assert(await challenge('demo-017')),
    });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({
      code: 'DEVICE_NOT_BOUND',
      details: { reason: 'unknown_credential' },
    });
    const { a: second } = await registerPhone('demo-017');
    const waiting = await checkIn('demo-017', {
      assertion: second.assert(await challenge('demo-017')),
    });
    expect(waiting.json.error).toMatchObject({
      code: 'DEVICE_NOT_BOUND',
      details: { reason: 'pending_approval' },
    });
  });

  it('both proofs required: the curl from home is refused; the phone at the ground with the code passes', async () => {
    await setBinding('require');
    const site = await rt.call('GET', '/v1/sites/balai-kota-medan', { as: 'bkd', admin: true });
    await rt.call('PUT', '/v1/sites/balai-kota-medan', {
      as: 'bkd',
      admin: true,
      body: {
        ...site.json,
        properties: { ...site.json.properties, presence: { code: 'require' } },
      },
    });
    const curl = await checkIn('demo-018');
    expect(curl.status).toBe(422);
    expect(['CODE_REQUIRED', 'DEVICE_NOT_BOUND']).toContain(curl.json.error.code);
    const { a } = await registerPhone('demo-018');
    const code = await rt.call('GET', '/v1/sites/balai-kota-medan/code', {
      as: 'bkd',
      admin: true,
    });
    const ok = await checkIn('demo-018', {
      groundCode: code.json.code,
      assertion: a.assert(await challenge('demo-018')),
    });
    expect(ok.status).toBe(201);
    expect(ok.json.checkin.flags).not.toContain('no_code');
    expect(ok.json.checkin.flags).not.toContain('unbound_device');
  });

  it('both proofs are spent in one write: a replayed challenge and a used step are told apart', async () => {
    const { a } = await registerPhone('demo-019');
    const store = rt.stores.presence.passkeys;
    const nowS = Math.floor(clock.now().getTime() / 1000);
    const use = async (step: number, rollCallId = 'pagi') => {
      const value = await challenge('demo-019');
      const cred = { id: a.id, counter: 0 };
      return {
        value,
        result: await store.useCredentialAndClaim(
          'demo-019',
          value,
          cred,
          { rollCallId, step },
          nowS,
          clock.now().toISOString(),
        ),
      };
    };
    const first = await use(1000);
    expect(first.result).toBe('ok');
    // The same challenge again: spent, whatever the step.
    expect(
      await store.useCredentialAndClaim(
        'demo-019',
        first.value,
        { id: a.id, counter: 0 },
        { rollCallId: 'pagi', step: 1001 },
        nowS,
        clock.now().toISOString(),
      ),
    ).toBe('replayed');
    // A fresh challenge with a step already used (or older) for that roll call: the code is.
    expect((await use(1000)).result).toBe('reused');
    expect((await use(999)).result).toBe('reused');
    // The failed write spent nothing: the next challenge passes with a newer step, or for
    // another roll call; the code-only claim shares the same record.
    expect((await use(1001)).result).toBe('ok');
    expect((await use(1000, 'sore')).result).toBe('ok');
    const key = { employeeId: 'demo-019', date: '2026-11-27', rollCallId: 'sore' };
    expect(await rt.stores.presence.codes.claim(key, 'balai-kota-medan', 1000, 0)).toBe(false);
    expect(await rt.stores.presence.codes.claim(key, 'balai-kota-medan', 1002, 0)).toBe(true);
  });

  it('a malformed assertion is a 400, never a 500', async () => {
    for (const assertion of [
      {},
      { id: 'x' },
      'abc',
      { ...phone().assert('x'), type: 'password' },
    ]) {
      const r = await checkIn('demo-019', { assertion });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
