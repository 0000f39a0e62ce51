import { addDays, type LocalTime } from './calendar';
import type { Employee } from './model';
import { minutesOf, type Settings } from './settings';

/** What an admin sends for one employee (PUT /v1/employees/{id}, or one CSV line). */
export interface EmployeeInput {
  readonly name: string;
  readonly unit: string;
  readonly siteIds: readonly string[];
  readonly active: boolean;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
}

/**
 * The stored employee after a change made at local time `now`. Who is expected at which apel
 * follows from it:
 * - someone added (or re-activated) before check-in opens is expected that same day, otherwise
 *   from the next day — nobody is marked absent for an apel held before they were on the roster;
 * - someone deactivated after check-in opened is still expected that day (they were on the
 *   roster at the apel), otherwise up to the day before.
 * Explicit `since` / `until` dates win.
 */
export function applyEmployeeChange(
  employeeId: string,
  existing: Employee | null,
  input: EmployeeInput,
  now: LocalTime,
  settings: Pick<Settings, 'opensAt'>,
): Employee {
  const beforeOpening = now.minutes < minutesOf(settings.opensAt);
  const wasActive = existing?.active === true;
  let since = input.since ?? (wasActive ? existing?.since : undefined);
  if (since === undefined && input.active && !wasActive) {
    since = beforeOpening ? now.date : addDays(now.date, 1);
  }
  if (since === undefined && !input.active) since = existing?.since;
  let until = input.until;
  if (until === undefined && !input.active) {
    until = wasActive
      ? beforeOpening
        ? addDays(now.date, -1)
        : now.date
      : (existing?.until ?? addDays(now.date, -1));
  }
  return {
    employeeId,
    name: input.name,
    unit: input.unit,
    siteIds: [...new Set(input.siteIds)],
    active: input.active,
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
  };
}

/** Whether a change would alter what is stored (a re-import of the same file changes nothing). */
export function sameEmployee(a: Employee, b: Employee): boolean {
  return (
    a.name === b.name &&
    a.unit === b.unit &&
    a.active === b.active &&
    a.since === b.since &&
    a.until === b.until &&
    a.siteIds.length === b.siteIds.length &&
    a.siteIds.every((s, i) => s === b.siteIds[i])
  );
}
