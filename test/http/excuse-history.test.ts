import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z')); // Friday 07:12 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 5 });
});
afterAll(() => rt.close());

const body = { employeeId: 'demo-003', from: '2026-11-27', to: '2026-11-27', kind: 'sick' };

describe('an excuse keeps its history (issue 12.7)', () => {
  it('revocation records who and when; re-posting makes a new excuse and overwrites nothing', async () => {
    const first = await rt.call('POST', '/v1/excuses', {
      as: 'bkd-a',
      admin: true,
      body: { ...body, note: 'surat dokter' },
    });
    expect(first.status).toBe(201);
    // A repeat returns the standing excuse as it was stored, whoever repeats it.
    const repeat = await rt.call('POST', '/v1/excuses', {
      as: 'bkd-b',
      admin: true,
      body: { ...body, note: 'ganti' },
    });
    expect(repeat.status).toBe(200);
    expect(repeat.json).toEqual(first.json);

    clock.set('2026-11-27T01:00:00.000Z');
    const revoked = await rt.call('DELETE', `/v1/excuses/${first.json.excuseId}`, {
      as: 'bkd-b',
      admin: true,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({
      revoked: true,
      revokedBy: 'bkd-b',
      revokedAt: '2026-11-27T01:00:00.000Z',
      createdBy: 'bkd-a',
      note: 'surat dokter',
    });

    clock.set('2026-11-27T02:00:00.000Z');
    const again = await rt.call('POST', '/v1/excuses', { as: 'bkd-c', admin: true, body });
    expect(again.status).toBe(201);
    expect(again.json.excuseId).not.toBe(first.json.excuseId);
    expect(again.json).toMatchObject({ createdBy: 'bkd-c', createdAt: '2026-11-27T02:00:00.000Z' });
    expect(again.json.revoked).toBeUndefined();

    // The revoked one is still there, unchanged.
    const old = await rt.stores.excuses.get(first.json.excuseId);
    expect(old).toEqual(revoked.json);
    // Revoking again changes nothing.
    const twice = await rt.call('DELETE', `/v1/excuses/${first.json.excuseId}`, {
      as: 'bkd-c',
      admin: true,
    });
    expect(twice.json).toEqual(revoked.json);
    // The day lists the new one only, and the report counts the employee excused.
    const day = await rt.call('GET', '/v1/excuses?date=2026-11-27', { as: 'bkd-a', admin: true });
    expect(day.json.items.map((x: { excuseId: string }) => x.excuseId)).toEqual([
      again.json.excuseId,
    ]);
    // Posting once more while the new one stands returns it.
    const third = await rt.call('POST', '/v1/excuses', { as: 'bkd-a', admin: true, body });
    expect(third.status).toBe(200);
    expect(third.json).toEqual(again.json);
  });
});
