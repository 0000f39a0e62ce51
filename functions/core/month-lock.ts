/**
 * Month locks: the allowance (TPP) office's freeze of a month's recap. While a month is locked
 * every correction to a date in it (an attendance mark, an appeal's decision, an excuse, a
 * holiday) is refused with MONTH_LOCKED, so the recap the office took stays true; an admin
 * unlocks it with a reason.
 */
import { addDays, monthsBetween } from './calendar';
import { MonthLocked } from './correction-errors';
import type { Stores } from './ports';

export type { MonthLock, MonthLockRepository } from './ports/month-lock';
export { monthsBetween };

/** The last date of a `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`, -1);
}

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Throws MonthLocked when the date's month is locked; every correction calls it first. */
export async function assertMonthOpen(
  stores: Pick<Stores, 'monthLocks'>,
  date: string,
): Promise<void> {
  const month = monthOf(date);
  const lock = await stores.monthLocks.get(month);
  if (lock?.locked) throw new MonthLocked(month, lock.lockedAt);
}

/** Throws MonthLocked when any month of the range is locked (an excuse over several months). */
export async function assertRangeOpen(
  stores: Pick<Stores, 'monthLocks'>,
  from: string,
  to: string,
): Promise<void> {
  // Read together (an excuse of a year touches 13 months); the earliest locked one is named.
  const locks = await Promise.all(monthsBetween(from, to).map((m) => stores.monthLocks.get(m)));
  const locked = locks.find((l) => l?.locked);
  if (locked) throw new MonthLocked(locked.month, locked.lockedAt);
}
