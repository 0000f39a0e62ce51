import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';

// Friday 27 November 2026, 07:12 WIB; the excuses are for Monday 30 November.
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };
const DAY = '2026-11-30';
const IDS = Array.from({ length: 7 }, (_, i) => `demo-${String(i + 1).padStart(3, '0')}`);
let revokedId = '';

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 10 });
  for (const employeeId of IDS) {
    const r = await rt.call('POST', '/v1/excuses', {
      ...ADMIN,
      body: { employeeId, from: DAY, to: '2026-12-01', kind: 'leave' },
    });
    expect(r.status).toBe(201);
    if (employeeId === 'demo-004') revokedId = r.json.excuseId;
  }
  expect((await rt.call('DELETE', `/v1/excuses/${revokedId}`, ADMIN)).status).toBe(200);
});
afterAll(() => rt.close());

const standing = IDS.filter((id) => id !== 'demo-004');

describe('GET /v1/excuses, a page at a time', () => {
  it('without limit or cursor: the whole day, as before (no cursor)', async () => {
    const r = await rt.call('GET', `/v1/excuses?date=${DAY}`, ADMIN);
    expect(r.status).toBe(200);
    expect(r.json.cursor).toBeUndefined();
    expect(r.json.items.map((x: { employeeId: string }) => x.employeeId).sort()).toEqual(standing);
  });

  it('with a limit: pages that together hold each standing excuse once, none revoked', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const q = `date=${DAY}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const r = await rt.call('GET', `/v1/excuses?${q}`, ADMIN);
      expect(r.status).toBe(200);
      expect(r.json.date).toBe(DAY);
      expect(r.json.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.json.items.map((x: { employeeId: string }) => x.employeeId));
      cursor = r.json.cursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThan(2);
    expect(seen).toEqual(standing); // by employee, each once
  });

  it('refuses a cursor it did not give out, or one given for another date, with 400', async () => {
    const first = await rt.call('GET', `/v1/excuses?date=${DAY}&limit=1`, ADMIN);
    const cursor = first.json.cursor as string;
    expect(cursor).toEqual(expect.any(String));
    const other = await rt.call(
      'GET',
      `/v1/excuses?date=2026-12-01&limit=1&cursor=${encodeURIComponent(cursor)}`,
      ADMIN,
    );
    expect(other.status).toBe(400);
    expect(other.json.error.code).toBe('VALIDATION_FAILED');
    for (const bad of ['forged', Buffer.from('{"d":"2026-11-30","s":7}').toString('base64url')]) {
      const r = await rt.call('GET', `/v1/excuses?date=${DAY}&cursor=${bad}`, ADMIN);
      expect(r.status).toBe(400);
      expect(r.json.error.details.issues[0].path).toBe('cursor');
    }
    for (const limit of ['0', '501', 'ten']) {
      const r = await rt.call('GET', `/v1/excuses?date=${DAY}&limit=${limit}`, ADMIN);
      expect(r.status).toBe(400);
    }
  });
});
