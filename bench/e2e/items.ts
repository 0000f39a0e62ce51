import { keys } from '../../functions/adapters/dynamo/table';

// Items shaped as the store writes them (same attributes, about the same sizes), for the floors.

/** The check-in item as the store writes it, under a key of its own. */
export function checkinItem(id: string, date: string) {
  return {
    ...keys.checkin(id, date),
    ...keys.dayIndex(id, date),
    type: 'checkin',
    employeeId: id,
    date,
    status: 'on_time',
    siteId: 'balai-kota-medan',
    distanceToEdgeM: 41.3,
    accuracyM: 8,
    flags: [],
    capturedAt: '2026-11-27T00:12:00.000Z',
    receivedAt: '2026-11-27T00:12:00.412Z',
  };
}

export function attemptItem(id: string, date: string) {
  return {
    ...keys.attempt(id, date, '2026-11-27T00:12:00.412Z', 'a1b2c3'),
    type: 'attempt',
    employeeId: id,
    date,
    receivedAt: '2026-11-27T00:12:00.412Z',
    capturedAt: '2026-11-27T00:12:00.000Z',
    lat: 3.5905,
    lon: 98.6773,
    accuracyM: 8,
    mock: false,
    outcome: 'accepted',
    siteId: 'balai-kota-medan',
    distanceToEdgeM: 41.3,
    expiresAt: 1_798_000_000,
  };
}
