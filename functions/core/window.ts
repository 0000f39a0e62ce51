import { minutesOf, type Settings } from './settings';

export type WindowState = 'not_open' | 'on_time' | 'late' | 'closed';

/**
 * Where a local wall-clock minute falls in the apel window. Comparison is by the minute the wall
 * clock shows: with startsAt 07:30, a check-in at 07:30:59 is on time, at 07:31:00 late.
 */
export function windowState(
  localMinutes: number,
  s: Pick<Settings, 'opensAt' | 'startsAt' | 'closesAt'>,
): WindowState {
  if (localMinutes < minutesOf(s.opensAt)) return 'not_open';
  if (localMinutes <= minutesOf(s.startsAt)) return 'on_time';
  if (localMinutes <= minutesOf(s.closesAt)) return 'late';
  return 'closed';
}

/** A workday is one of the configured ISO weekdays that is not a holiday. */
export function isWorkday(
  isoWeekday: number,
  isHoliday: boolean,
  s: Pick<Settings, 'workdays'>,
): boolean {
  return !isHoliday && s.workdays.includes(isoWeekday);
}
