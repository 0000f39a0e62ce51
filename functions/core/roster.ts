import { addDays, type LocalTime } from './calendar';
import { ValidationFailed } from './errors';
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
 * - someone added (or re-activated) before check-in closes is expected that same day: they can
 *   still check in, and a check-in the phone calls "hadir" must count in the report (it used to
 *   answer 201 on_time for someone expected only from tomorrow, whom the report then left out);
 *   someone added after it closed is expected from the next day — nobody is marked absent for an
 *   apel they could no longer attend;
 * - someone deactivated after check-in opened is still expected that day (they were on the
 *   roster at the apel), otherwise up to the day before;
 * - someone deactivated before they were ever expected (added and removed the same day before
 *   check-in opened, or added after it closed and removed before the next apel) keeps no dates:
 *   never expected. `until` is never before `since`.
 * Explicit `since` / `until` dates win; an explicit `until` before the `since` that stands is
 * refused (ValidationFailed), as PUT refuses both in one body.
 */
export function applyEmployeeChange(
  employeeId: string,
  existing: Employee | null,
  input: EmployeeInput,
  now: LocalTime,
  settings: Pick<Settings, 'opensAt' | 'closesAt'>,
): Employee {
  const beforeOpening = now.minutes < minutesOf(settings.opensAt);
  const beforeClosing = now.minutes <= minutesOf(settings.closesAt);
  const wasActive = existing?.active === true;
  let since = input.since ?? (wasActive ? existing?.since : undefined);
  if (since === undefined && input.active && !wasActive) {
    since = beforeClosing ? now.date : addDays(now.date, 1);
  }
  if (since === undefined && !input.active) since = existing?.since;
  let until = input.until;
  if (until === undefined && !input.active) {
    until = wasActive
      ? beforeOpening
        ? addDays(now.date, -1)
        : now.date
      : (existing?.until ?? addDays(now.date, -1));
    // Deactivated before the first day they were expected: never expected, so no dates.
    if (since !== undefined && until < since) {
      since = undefined;
      until = undefined;
    }
  }
  if (since !== undefined && until !== undefined && until < since) {
    throw new ValidationFailed('until must not be before since', [
      { path: 'until', message: `until ${until} is before since ${since}` },
    ]);
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
