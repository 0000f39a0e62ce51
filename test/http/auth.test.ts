import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppLogger } from '../../functions/core/ports/logger';
import { localIssuer } from '../../functions/local/issuer';
import { demoFix, testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const logged: { message: string; attributes: Record<string, unknown> }[] = [];
const log = (message: string, attributes: Record<string, unknown> = {}) => {
  logged.push({ message, attributes });
};
const logger: AppLogger = { info: log, warn: log, error: log };
let rt: Awaited<ReturnType<typeof testRuntime>>;
let otherDir: string;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 5, logger });
  otherDir = await mkdtemp(join(tmpdir(), 'apel-other-issuer-'));
});
afterAll(async () => {
  await rt.close();
  await rm(otherDir, { recursive: true, force: true });
});

const GENERIC = {
  error: {
    code: 'UNAUTHORIZED',
    message: 'Anda belum masuk atau sesi Anda sudah berakhir. Silakan masuk kembali.',
    details: {},
  },
};

async function checkInWith(token: string | null) {
  logged.length = 0;
  const r = await rt.call('POST', '/v1/checkins', {
    body: demoFix(clock),
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  const reasons = logged
    .filter((l) => l.message === 'unauthorized')
    .map((l) => l.attributes.reason);
  return { ...r, reasons };
}

describe('a refused token', () => {
  it('gets the same generic 401 whatever failed; the reason goes to the log only', async () => {
    // Signed under another DATA_DIR: the README's "signing key unknown" case.
    const foreign = await (await localIssuer(otherDir)).sign({ employeeId: 'demo-001' });
    const good = await rt.token('demo-001');
    const [h, p, s] = good.split('.');
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: 'demo-002' })).toString(
      'base64url',
    );
    const cases: [string | null, string][] = [
      [null, 'bearer token missing'],
      ['abc.def', 'bearer token malformed'],
      [foreign, 'signing key unknown'],
      [`${h}.${forged}.${s}`, 'signature invalid'],
    ];
    for (const [token, reason] of cases) {
      const r = await checkInWith(token);
      expect(r.status, reason).toBe(401);
      expect(r.json, reason).toEqual(GENERIC);
      expect(r.text, reason).not.toContain(reason);
      expect(r.reasons, reason).toEqual([reason]);
    }
  });

  it('refuses the sign-in page ID token as a bearer token: access tokens only', async () => {
    const id = await rt.issuer.sign({ employeeId: 'demo-001', claims: { token_use: 'id' } });
    const r = await checkInWith(id);
    expect(r.status).toBe(401);
    expect(r.reasons).toEqual(['not an access token']);
    const access = await checkInWith(await rt.issuer.sign({ employeeId: 'demo-001' }));
    expect(access.status).toBe(201);
  });

  it('speaks English when asked, still without the reason', async () => {
    const r = await rt.call('GET', '/v1/checkins/me', { headers: { 'accept-language': 'en' } });
    expect(r.json).toEqual({
      error: {
        code: 'UNAUTHORIZED',
        message: 'You are not signed in, or your session has ended. Please sign in again.',
        details: {},
      },
    });
  });
});
