const DAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;

/**
 * The day-of-week field of an EventBridge cron for ISO weekdays (Monday = 1, Sunday = 7).
 * Runs of three or more days become ranges (`MON-FRI`). Sunday is always listed on its own:
 * cron weeks start on Sunday, so a range ending on it (`FRI-SUN`) would wrap.
 */
export function cronDays(isoWeekdays: readonly number[]): string {
  const days = [...new Set(isoWeekdays)].sort((a, b) => a - b);
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new RangeError(`not ISO weekdays: ${isoWeekdays.join(',')}`);
  }
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === (days[j] as number) + 1 && days[j + 1] !== 7) j++;
    const run = days.slice(i, j + 1).map((d) => DAY_NAMES[d - 1]);
    parts.push(run.length >= 3 ? `${run[0]}-${run[run.length - 1]}` : run.join(','));
    i = j + 1;
  }
  return parts.join(',');
}

/** `cron(MM HH ? * DAYS *)` for a local time `HH:MM` on the given ISO weekdays. */
export function reportCron(reportAt: string, isoWeekdays: readonly number[]): string {
  const m = /^(\d{2}):(\d{2})$/.exec(reportAt);
  if (!m) throw new RangeError(`not HH:MM: ${reportAt}`);
  return `cron(${Number(m[2])} ${Number(m[1])} ? * ${cronDays(isoWeekdays)} *)`;
}
