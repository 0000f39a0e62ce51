import { isoWeekdayOf } from './calendar';
import type { Employee } from './model';
import type { RollCall, Rules, Schedule } from './rollcalls';
import type { Settings } from './settings';
import { type WindowState, windowState } from './window';

/**
 * When a roll call happens and who attends it. daily, weekly and monthly happen on workdays
 * only (a holiday cancels them); `once` happens on its date, holiday and weekend included.
 */
export function happensOn(
  schedule: Schedule,
  date: string,
  settings: Pick<Settings, 'workdays'>,
  isHoliday: boolean,
): boolean {
  if (schedule.kind === 'once') return schedule.date === date;
  const weekday = isoWeekdayOf(date);
  if (isHoliday || !settings.workdays.includes(weekday)) return false;
  if (schedule.kind === 'weekly') return schedule.weekdays.includes(weekday);
  if (schedule.kind === 'monthly') return Number(date.slice(8, 10)) === schedule.day;
  return true;
}

/** Units compare without regard to case, as the roster's unit index does. */
export const unitKey = (unit: string) => unit.toLocaleLowerCase('id');

/** Whether someone of this unit must attend the roll call. */
export function attends(rc: Pick<RollCall, 'units'>, unit: string): boolean {
  return rc.units === undefined || rc.units.some((u) => unitKey(u) === unitKey(unit));
}

/** The active roll calls of a date the employee must attend, earliest-opening first. */
export function rollCallsFor(
  rules: Rules,
  employee: Pick<Employee, 'unit'>,
  date: string,
  isHoliday: boolean,
): RollCall[] {
  return rules.rollCalls
    .filter(
      (rc) =>
        rc.active &&
        attends(rc, employee.unit) &&
        happensOn(rc.schedule, date, rules.settings, isHoliday),
    )
    .sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.startsAt.localeCompare(b.startsAt));
}

/** The roll calls open at a local minute, earliest-started first. */
export function openAt(candidates: readonly RollCall[], minutes: number): RollCall[] {
  return candidates
    .filter((rc) => isOpen(windowState(minutes, rc)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.opensAt.localeCompare(b.opensAt));
}

export const isOpen = (s: WindowState) => s === 'on_time' || s === 'late';
