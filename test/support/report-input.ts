import type { Checkin, Employee } from '../../functions/core/model';
import { buildReport, type ReportInput } from '../../functions/core/report';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';

/** The core's report tests build Friday 27 November 2026, a workday under the defaults. */
export const FRIDAY = '2026-11-27';

/** A roster member at ground `a`, active, with no dates unless `over` gives them. */
export function emp(
  id: string,
  unit: string,
  name: string,
  over: Partial<Employee> = {},
): Employee {
  return { employeeId: id, name, unit, siteIds: ['a'], active: true, ...over };
}

/** An accepted check-in on FRIDAY at ground `a`, received (and captured) at `receivedAt`. */
export function came(
  id: string,
  status: 'on_time' | 'late',
  receivedAt = '2026-11-27T00:40:00Z',
): Checkin {
  return {
    employeeId: id,
    date: FRIDAY,
    status,
    siteId: 'a',
    distanceToEdgeM: 5,
    accuracyM: 5,
    flags: [],
    capturedAt: receivedAt,
    receivedAt,
  };
}

/** FRIDAY's report of this roster under the default settings: no holiday, nothing but `over`. */
export function fridayReport(roster: readonly Employee[], over: Partial<ReportInput> = {}) {
  return buildReport({
    date: FRIDAY,
    settings: DEFAULT_SETTINGS,
    holiday: null,
    roster,
    checkins: [],
    excuses: [],
    ...over,
  });
}
