import type { LocalTime } from './calendar';
import { NoRollCallOpen, NotAWorkday, WindowClosed, WindowNotOpen } from './checkin-errors';
import type { DomainError } from './errors';
import type { Employee, Holiday } from './model';
import { attends, happensOn, openAt, rollCallsFor } from './rollcall-schedule';
import { findRollCall, type RollCall, type Rules } from './rollcalls';
import { isWorkday, windowState } from './window';

/**
 * Which roll call a check-in is for (DESIGN.md, "Roll calls"). `rollCall` is the one meant —
 * the one asked for, or the one open now, or the one whose window held the fix's own time — so
 * that a refused repeat can still answer the check-in that stands; `refusal` says why it cannot
 * be checked in to now. One of them is set at least, both when a named roll call is closed.
 */
export interface RollCallChoice {
  readonly rollCall: RollCall | null;
  readonly refusal: DomainError | null;
}

/**
 * Without `asked`, the open roll call of the employee's today, the earliest-started when several
 * are; none open: when the employee has just one today, that one's window answers (as with
 * `pagi` alone before roll calls: WINDOW_NOT_OPEN, WINDOW_CLOSED), else NO_ROLL_CALL_OPEN with
 * today's list. No roll call today at all: NOT_A_WORKDAY on a weekend or holiday, else
 * NO_ROLL_CALL_OPEN. With `asked`: that one, or why not.
 */
export function chooseRollCall(
  rules: Rules,
  employee: Pick<Employee, 'unit'>,
  local: LocalTime,
  holiday: Holiday | null,
  asked: string | undefined,
  capturedMinutes: number | null,
): RollCallChoice {
  const { date } = local;
  const notAWorkday = () =>
    !isWorkday(local.isoWeekday, holiday !== null, rules.settings)
      ? new NotAWorkday(date, holiday?.name ?? null)
      : null;
  const candidates = rollCallsFor(rules, employee, date, holiday !== null);
  if (asked !== undefined) {
    const rc = findRollCall(rules, asked);
    if (!rc?.active || !attends(rc, employee.unit)) {
      return { rollCall: null, refusal: new NoRollCallOpen(date, candidates, asked) };
    }
    if (!happensOn(rc.schedule, date, rules.settings, holiday !== null)) {
      const refusal = rc.schedule.kind === 'once' ? null : notAWorkday();
      return { rollCall: rc, refusal: refusal ?? new NoRollCallOpen(date, candidates, asked) };
    }
    return { rollCall: rc, refusal: windowRefusal(rc, date, local.minutes) };
  }
  if (candidates.length === 0) {
    return { rollCall: null, refusal: notAWorkday() ?? new NoRollCallOpen(date, []) };
  }
  const [open] = openAt(candidates, local.minutes);
  if (open) return { rollCall: open, refusal: null };
  const [only] = candidates;
  if (only && candidates.length === 1) {
    return { rollCall: only, refusal: windowRefusal(only, date, local.minutes) };
  }
  const meant = capturedMinutes === null ? undefined : openAt(candidates, capturedMinutes)[0];
  return { rollCall: meant ?? null, refusal: new NoRollCallOpen(date, candidates) };
}

function windowRefusal(rc: RollCall, date: string, minutes: number): DomainError | null {
  const state = windowState(minutes, rc);
  if (state === 'not_open') return new WindowNotOpen(date, rc.opensAt, rc.id);
  if (state === 'closed') return new WindowClosed(date, rc.closesAt, rc.id);
  return null;
}
