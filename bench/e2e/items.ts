import { keys } from '../../functions/adapters/dynamo/table';

// An item shaped as the store writes a check-in (same attributes, about the same size), for the
// floors.

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
