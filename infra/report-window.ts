const WEEK = 7 * 1440;
/** The alarm's period: metric math's clock functions see the start of each 5-minute bucket. */
export const BUCKET_MINUTES = 5;

/** Minutes east of UTC of a zone at an instant (Asia/Jakarta: 420). */
export function utcOffsetMinutes(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!m) throw new RangeError(`no UTC offset for ${zone}: ${name}`);
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The zone's one UTC offset, or null when it has daylight saving time (two offsets a year). */
export function fixedOffset(zone: string, year = new Date().getUTCFullYear()): number | null {
  const jan = utcOffsetMinutes(zone, new Date(Date.UTC(year, 0, 1)));
  const jul = utcOffsetMinutes(zone, new Date(Date.UTC(year, 6, 1)));
  return jan === jul ? jan : null;
}

/**
 * The weekly UTC intervals `[from, to)`, in minutes since Monday 00:00 UTC, of the hour after each
 * local report time, the start rounded down to a bucket. A window that runs past Sunday midnight
 * UTC is split in two.
 */
export function reportWindows(
  reportAt: string,
  workdays: readonly number[],
  offsetMinutes: number,
  lengthMinutes = 60,
): [from: number, to: number][] {
  const m = /^(\d{2}):(\d{2})$/.exec(reportAt);
  if (!m) throw new RangeError(`not HH:MM: ${reportAt}`);
  const local = Number(m[1]) * 60 + Number(m[2]);
  const windows: [number, number][] = [];
  for (const day of [...new Set(workdays)].sort((a, b) => a - b)) {
    const utc = ((((day - 1) * 1440 + local - offsetMinutes) % WEEK) + WEEK) % WEEK;
    const from = utc - (utc % BUCKET_MINUTES);
    const to = from + lengthMinutes;
    if (to <= WEEK) windows.push([from, to]);
    else windows.push([from, WEEK], [0, to - WEEK]);
  }
  return windows;
}

/**
 * A CloudWatch metric-math expression over the publications metric `p` (Sum per 5 minutes): 1 for
 * a bucket inside a report window with no publication, else 0. DAY (1 = Monday), HOUR and MINUTE
 * give each bucket's UTC start and, unlike `p`, have a value for every bucket.
 */
export function missedPublicationExpression(windows: readonly [number, number][]): string {
  const t = '((DAY(p) - 1) * 1440 + HOUR(p) * 60 + MINUTE(p))';
  const inWindow = windows.map(([from, to]) => `(${t} >= ${from} AND ${t} < ${to})`).join(' OR ');
  return `(${inWindow}) * (FILL(p, 0) == 0)`;
}
