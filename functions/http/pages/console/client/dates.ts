/** Calendar arithmetic on "YYYY-MM-DD" dates, in UTC so that no browser zone shifts a day. */

const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The last day of `n` workdays starting at `from` (`from` counts when it is a workday): "two
 * days from Friday" is Friday and Monday. With no workdays at all, `n` calendar days.
 */
export function spanOfWorkdays(from: string, n: number, workdays: readonly number[]): string {
  if (workdays.length === 0) return addDays(from, n - 1);
  let left = n;
  let day = from;
  for (let i = 0; i < 370; i++) {
    if (workdays.includes(isoWeekday(day))) left--;
    if (left <= 0) return day;
    day = addDays(day, 1);
  }
  return day;
}

/** "YYYY-MM" of a date, and the first and last days of that month. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
