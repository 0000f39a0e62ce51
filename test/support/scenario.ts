import type { Checkin, Excuse } from '../../functions/core/model';
import type { Stores } from '../../functions/core/ports';
import { demoEmployeeId } from '../../functions/local/demo';

/** Demo employee `n`'s check-in on the demo ground, well inside it, received at `receivedAt`. */
export function demoCheckin(n: number, date: string, late: boolean, receivedAt: string): Checkin {
  return {
    employeeId: demoEmployeeId(n),
    date,
    status: late ? 'late' : 'on_time',
    siteId: 'balai-kota-medan',
    distanceToEdgeM: 20,
    accuracyM: 8,
    flags: [],
    capturedAt: receivedAt,
    receivedAt,
  };
}

/**
 * The acceptance scenario on the demo roster of 700: 200 check-ins (170 on time, 30 late) and
 * 20 excuses for others, on Friday 27 November 2026 → 480 absentees.
 */
export async function seedApelDay(stores: Stores, date = '2026-11-27') {
  const checkins: Checkin[] = Array.from({ length: 200 }, (_, i) => {
    const late = i >= 170;
    const receivedAt = late ? `${date}T00:4${i % 10}:00.000Z` : `${date}T00:1${i % 10}:00.000Z`;
    return demoCheckin(i + 1, date, late, receivedAt);
  });
  await Promise.all(checkins.map((c) => stores.checkins.putFirstCheckin(c)));
  const kinds = ['leave', 'sick', 'duty', 'permit', 'other'] as const;
  const excuses: Excuse[] = Array.from({ length: 20 }, (_, i) => ({
    excuseId: `seed${String(i).padStart(16, '0')}`,
    employeeId: demoEmployeeId(201 + i),
    from: '2026-11-25',
    to: '2026-11-28',
    kind: kinds[i % kinds.length] as Excuse['kind'],
    createdAt: '2026-11-24T02:00:00.000Z',
    createdBy: 'bkd',
  }));
  for (const x of excuses) await stores.excuses.put(x);
  return { checkins, excuses };
}
