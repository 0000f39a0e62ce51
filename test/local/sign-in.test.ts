import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../functions/adapters/logger';
import type { AppEnv } from '../../functions/http/env';
import { errorHandler } from '../../functions/http/errors';
import { DEMO_SITE } from '../../functions/local/demo';
import { allowHosts } from '../../functions/local/host-check';
import { startLocalRuntime } from '../../functions/local/runtime';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

/** The local issuer's demo sign-in: OIDC authorization code + PKCE, as Cognito does it. */

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const ORIGIN = 'http://localhost';
const REDIRECT = `${ORIGIN}/`;
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock);
});
afterAll(() => rt.close());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeParams(challenge: string, over: Record<string, string> = {}) {
  return {
    response_type: 'code',
    client_id: 'apel-local',
    redirect_uri: REDIRECT,
    scope: 'openid',
    state: 'state-1234567',
    nonce: 'nonce-abc',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...over,
  };
}

async function form(path: string, fields: Record<string, string>) {
  return rt.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Pick `employee` on the sign-in page; returns the code from the redirect. */
async function codeFor(employee: string, challenge: string) {
  const res = await form('/local-issuer/authorize', { ...authorizeParams(challenge), employee });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('state-1234567');
  return back.searchParams.get('code') ?? '';
}

function exchange(code: string, verifier: string, over: Record<string, string> = {}) {
  return form('/local-issuer/token', {
    grant_type: 'authorization_code',
    client_id: 'apel-local',
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    ...over,
  });
}

describe('GET /local-issuer/authorize', () => {
  it('lists demo-001 … demo-020 and an admin, carrying the request in hidden fields', async () => {
    const { challenge } = pkce();
    const q = new URLSearchParams(authorizeParams(challenge));
    const res = await rt.app.request(`${ORIGIN}/local-issuer/authorize?${q}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    const offered = [...page.matchAll(/name="employee" value="([^"]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `demo-${String(i + 1).padStart(3, '0')}`),
      'bkd-admin',
    ]);
    expect(page).toContain(`name="code_challenge" value="${challenge}"`);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it.each([
    ['client_id', { client_id: 'someone-else' }],
    ['redirect_uri', { redirect_uri: 'https://evil.example/' }],
    ['code_challenge_method', { code_challenge_method: 'plain' }],
    ['code_challenge', { code_challenge: 'short' }],
  ])('400 VALIDATION_FAILED naming %s', async (field, over) => {
    const q = new URLSearchParams(authorizeParams(pkce().challenge, over));
    const res = await rt.app.request(`${ORIGIN}/local-issuer/authorize?${q}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});

describe('POST /local-issuer/token', () => {
  it('exchanges the code for tokens when the verifier matches; the token works on the API', async () => {
    const { verifier, challenge } = pkce();
    const res = await exchange(await codeFor('demo-003', challenge), verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tokens = await res.json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      sub: 'demo-003',
      aud: 'apel-local',
      nonce: 'nonce-abc',
      name: expect.any(String),
    });
    const me = await rt.app.request('/v1/checkins/me', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);
    expect((await me.json()).employeeId).toBe('demo-003');
  });

  it('gives the admin the admin group', async () => {
    const { verifier, challenge } = pkce();
    const tokens = await (await exchange(await codeFor('bkd-admin', challenge), verifier)).json();
    const settings = await rt.app.request('/v1/settings', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(settings.status).toBe(200);
  });

  it('400 INVALID_GRANT for a wrong verifier, and the code is spent after one try', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('demo-004', challenge);
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({
      code: 'INVALID_GRANT',
      message: expect.stringMatching(/^Kode masuk tidak berlaku/),
      details: { reason: 'code_verifier does not match the challenge' },
    });
    const late = await exchange(code, verifier);
    expect((await late.json()).error.details.reason).toBe('unknown or expired code');
  });

  it('400 INVALID_GRANT for a used code or another redirect_uri', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor('demo-005', challenge);
    expect((await exchange(code, verifier)).status).toBe(200);
    expect((await (await exchange(code, verifier)).json()).error.code).toBe('INVALID_GRANT');
    const other = await codeFor('demo-005', challenge);
    const res = await exchange(other, verifier, { redirect_uri: `${ORIGIN}/elsewhere` });
    expect((await res.json()).error.details.reason).toBe('redirect_uri mismatch');
  });

  it('a cancelled sign-in goes back with error=access_denied and no code', async () => {
    const res = await form('/local-issuer/authorize', {
      ...authorizeParams(pkce().challenge),
      cancel: '1',
    });
    const back = new URL(res.headers.get('location') ?? '');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('code')).toBeNull();
  });
});

describe('the demo sign-in takes any employee id on the roster', () => {
  it('signs in an employee added after the demo was seeded, by the typed id', async () => {
    await rt.stores.roster.put({
      employeeId: '198703152010011001',
      name: 'Rina Tampubolon',
      unit: 'Dinas Kominfo',
      siteIds: [DEMO_SITE.siteId],
      active: true,
    });
    const { verifier, challenge } = pkce();
    const res = await form('/local-issuer/authorize', {
      ...authorizeParams(challenge),
      employeeId: ' 198703152010011001 ',
    });
    expect(res.status).toBe(302);
    const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const tokens = await (await exchange(code, verifier)).json();
    expect(decodeJwt(tokens.id_token)).toMatchObject({
      sub: '198703152010011001',
      name: 'Rina Tampubolon',
    });
  });

  it.each([
    [
      'an id not on the roster',
      { employeeId: 'nobody-here' },
      /“nobody-here” tidak ada di daftar pegawai/,
    ],
    ['nothing typed or picked', { employeeId: '  ' }, /Ketik NIP \/ ID pegawai, atau pilih/],
  ])('%s: the form again, saying why, and no code', async (_what, fields, says) => {
    const res = await form('/local-issuer/authorize', {
      ...authorizeParams(pkce().challenge),
      ...fields,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    const page = await res.text();
    expect(page).toMatch(/<p id="problem" class="panel tone-error" role="alert">/);
    expect(page).toMatch(says);
    expect(page).toContain('name="state" value="state-1234567"');
  });

  it('a quick pick still wins over whatever the text field holds', async () => {
    const res = await form('/local-issuer/authorize', {
      ...authorizeParams(pkce().challenge),
      employee: 'demo-002',
      employeeId: 'nobody-here',
    });
    expect(res.status).toBe(302);
  });
});

describe('the local issuer answers loopback hosts only', () => {
  const q = () => new URLSearchParams(authorizeParams(pkce().challenge));

  it.each(['localhost', '127.0.0.1', '127.8.9.10', '[::1]', 'LOCALHOST'])(
    '%s is served',
    async (host) => {
      const params = q();
      params.set('redirect_uri', `http://${host.toLowerCase()}:3000/`);
      const res = await rt.app.request(`http://${host}:3000/local-issuer/authorize?${params}`);
      expect(res.status).toBe(200);
    },
  );

  it.each([
    'rebind.example',
    'localhost.rebind.example',
    '127.0.0.1.nip.io',
    '128.0.0.1',
    '192.168.1.20',
  ])('%s is refused: 403 HOST_NOT_ALLOWED, before anything is signed', async (host) => {
    const params = q();
    params.set('redirect_uri', `http://${host}:3000/`);
    for (const res of [
      await rt.app.request(`http://${host}:3000/local-issuer/authorize?${params}`),
      await rt.app.request(`http://${host}:3000/local-issuer/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...Object.fromEntries(params),
          employee: 'bkd-admin',
        }).toString(),
      }),
      await rt.app.request(`http://${host}:3000/local-issuer/token`, { method: 'POST' }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('location')).toBeNull();
      expect((await res.json()).error).toMatchObject({
        code: 'HOST_NOT_ALLOWED',
        details: { host },
      });
    }
  });

  it("allows APEL_PUBLIC_URL's host too, and nothing else", async () => {
    const app = new Hono<AppEnv>()
      .use(allowHosts('https://apel-demo.example.org'))
      .get('/x', (c) => c.text('ok'))
      .onError(errorHandler(silentLogger));
    expect((await app.request('https://apel-demo.example.org/x')).status).toBe(200);
    expect((await app.request('http://127.0.0.1:3000/x')).status).toBe(200);
    expect((await app.request('https://apel-demo.example.org.evil.example/x')).status).toBe(403);
  });

  it('a bad APEL_PUBLIC_URL stops startup, naming the variable', async () => {
    await expect(
      startLocalRuntime({
        dataDir: '/nonexistent',
        persist: false,
        logger: silentLogger,
        publicUrl: 'apel.example.org',
      }),
    ).rejects.toThrow(/^APEL_PUBLIC_URL: must be an http\(s\) URL/);
  });

  it('takes no form over the body limit (16 KB)', async () => {
    const res = await form('/local-issuer/authorize', {
      ...authorizeParams(pkce().challenge),
      employee: 'demo-001',
      pad: 'x'.repeat(17 * 1024),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
