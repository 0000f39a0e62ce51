import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppLogger } from '../../../functions/core/ports/logger';
import { DEMO_POINT } from '../../../functions/local/demo';
import { demoFix, testRuntime } from '../../support/app';
import { FakeClock } from '../../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z')); // 07:12 WIB
const lines: { level: string; message: string; attributes: unknown }[] = [];
const capture: AppLogger = {
  info: (message, attributes) => lines.push({ level: 'info', message, attributes }),
  warn: (message, attributes) => lines.push({ level: 'warn', message, attributes }),
  error: (message, attributes) => lines.push({ level: 'error', message, attributes }),
};
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { logger: capture });
});
afterAll(() => rt.close());

const body = (over: Record<string, unknown> = {}) => demoFix(clock, over);

describe('integrity, rate limit and privacy over HTTP', () => {
  it('answers the 11th attempt in a minute with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (await rt.call('POST', '/v1/checkins', { as: 'demo-100', body: body() })).status,
      );
    }
    expect(statuses).toEqual([201, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
    const r = await rt.call('POST', '/v1/checkins', { as: 'demo-100', body: body() });
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('RATE_LIMITED');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another employee is not held back.
    expect((await rt.call('POST', '/v1/checkins', { as: 'demo-101', body: body() })).status).toBe(
      201,
    );
  });

  it('lists flagged check-ins for admins in the report, never on the wall', async () => {
    const kiosk = { deviceId: 'kiosk-lobby', lat: DEMO_POINT.lat + 0.0001 };
    await rt.call('POST', '/v1/checkins', { as: 'demo-102', body: body(kiosk) });
    await rt.call('POST', '/v1/checkins', {
      as: 'demo-103',
      body: body({ ...kiosk, lat: DEMO_POINT.lat + 0.00015 }),
    });
    const report = await rt.call('GET', '/v1/reports/2026-11-27', { as: 'bkd', admin: true });
    const flagged = report.json.flagged.filter((f: { employeeId: string }) =>
      ['demo-101', 'demo-102', 'demo-103'].includes(f.employeeId),
    );
    // demo-101 stood where demo-100 stood; demo-103 used demo-102's device.
    expect(flagged).toEqual([
      expect.objectContaining({ employeeId: 'demo-101', flags: ['shared_coordinates'] }),
      expect.objectContaining({ employeeId: 'demo-103', flags: ['shared_device'] }),
    ]);
    const first = report.json.flagged.find(
      (f: { employeeId: string }) => f.employeeId === 'demo-100',
    );
    expect(first.flags).toEqual(['shared_coordinates']);
    const html = await rt.call('GET', '/v1/reports/2026-11-27?format=html', {
      as: 'bkd',
      admin: true,
    });
    expect(html.text).not.toContain('shared');
  });

  it('logs no token and no coordinate', async () => {
    const token = await rt.token('demo-104');
    await rt.call('POST', '/v1/checkins', {
      as: 'demo-104',
      body: body({ lat: 3.591234, lon: 98.677654 }),
    });
    const text = JSON.stringify(lines);
    expect(lines.some((l) => l.message === 'check-in')).toBe(true);
    expect(text).not.toContain(token.split('.')[2]);
    expect(text).not.toContain('3.591234');
    expect(text).not.toContain('98.677654');
    expect(text).not.toMatch(/"lat"|"lon"/);
  });
});
