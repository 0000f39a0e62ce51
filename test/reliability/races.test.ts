import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POINT, demoEmployeeId } from '../../functions/local/demo';
import { testRuntime } from '../support/app';
import { backends } from '../support/dynamo';
import { FakeClock } from '../support/memory-store';

const EMPLOYEES = 100;
const EACH = 10;
const FRIDAY_0712 = '2026-11-27T00:12:00.000Z';

describe.each(backends())('1,000 concurrent check-ins over HTTP, store on $name', (backend) => {
  const clock = new FakeClock(new Date(FRIDAY_0712));
  let server: Awaited<ReturnType<typeof backend.start>>;
  let rt: Awaited<ReturnType<typeof testRuntime>>;
  const tokens: string[] = [];

  beforeAll(async () => {
    server = await backend.start();
    rt = await testRuntime(clock, { roster: EMPLOYEES, endpoint: server.endpoint });
    for (let n = 1; n <= EMPLOYEES; n++) tokens.push(await rt.token(demoEmployeeId(n)));
  });
  afterAll(async () => {
    await rt.close();
    await server.stop();
  });

  it('stores exactly one check-in per employee; every answer is 201 or 200 with that one', async () => {
    // Ten different fixes per employee (accuracy, device time and device differ), all sent at once in
    // an interleaved order, so that each employee's ten race each other and everyone else's.
    const requests = Array.from({ length: EMPLOYEES * EACH }, (_, i) => {
      const n = (i % EMPLOYEES) + 1;
      const k = Math.floor(i / EMPLOYEES);
      // Each employee stands on a spot of their own (a 10 m grid around the demo point): the
      // same exact coordinates for several employees are an integrity signal of their own.
      const body = {
        lat: DEMO_POINT.lat + (n % 10) * 1e-5,
        lon: DEMO_POINT.lon + Math.floor(n / 10) * 1e-5,
        accuracy: 5 + k,
        capturedAt: new Date(Date.parse(FRIDAY_0712) - k * 1000).toISOString(),
        deviceId: `phone-${n}-${k}`,
      };
      return { employeeId: demoEmployeeId(n), token: tokens[n - 1] as string, body };
    });
    const answers = await Promise.all(
      requests.map(async (r) => {
        const res = await rt.app.request('/v1/checkins', {
          method: 'POST',
          headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(r.body),
        });
        return { employeeId: r.employeeId, status: res.status, json: await res.json() };
      }),
    );

    expect(answers.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(EMPLOYEES);
    const byEmployee = new Map<string, typeof answers>();
    for (const a of answers)
      byEmployee.set(a.employeeId, [...(byEmployee.get(a.employeeId) ?? []), a]);
    const stored = await rt.stores.checkins.checkinsOn('2026-11-27');
    expect(stored).toHaveLength(EMPLOYEES);
    const days = new Map(
      await Promise.all(
        [...byEmployee.keys()].map(
          async (id) => [id, await rt.stores.checkins.employeeDay(id, '2026-11-27')] as const,
        ),
      ),
    );
    for (const [employeeId, mine] of byEmployee) {
      expect(mine).toHaveLength(EACH);
      expect(mine.filter((a) => a.status === 201)).toHaveLength(1);
      const winner = mine.find((a) => a.status === 201)?.json.checkin;
      for (const a of mine) {
        expect(a.json.checkin).toEqual(winner);
        expect(a.json.duplicate).toBe(a.status === 200);
      }
      expect(winner.employeeId).toBe(employeeId);
      expect(stored.find((c) => c.employeeId === employeeId)).toEqual(winner);
      // Every submission was kept for audit, accepted, and the winner's is among them.
      const day = days.get(employeeId);
      expect(day?.attempts).toHaveLength(EACH);
      expect(day?.attempts.every((t) => t.outcome === 'accepted')).toBe(true);
      expect(
        day?.attempts.filter(
          (t) => t.accuracyM === winner.accuracyM && t.capturedAt === winner.capturedAt,
        ),
      ).toHaveLength(1);
    }
  });
});
