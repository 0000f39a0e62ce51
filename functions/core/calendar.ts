/**
 * Local calendar arithmetic in a deployment's IANA time zone. The apel date is the local date
 * there, never the UTC date: 06:45 WIB on a Monday is still Sunday in UTC.
 */

export interface LocalTime {
  /** Local calendar date, "YYYY-MM-DD". */
  readonly date: string;
  /** Minutes since local midnight, 0..1439 (seconds dropped: the wall clock's minute). */
  readonly minutes: number;
  /** Local wall-clock time, "HH:MM". */
  readonly time: string;
  /** ISO weekday of the local date, Monday = 1 … Sunday = 7. */
  readonly isoWeekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Zone offsets hold for whole quarter hours: every transition in the tz database falls on one. */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, { bucket: number; offsetMs: number }>();

/** The zone's offset from UTC at an instant, from Intl once per zone and quarter hour. */
function offsetMs(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR_MS);
  const cached = offsets.get(timeZone);
  if (cached?.bucket === bucket) return cached.offsetMs;
  const parts: Record<string, string> = {};
  const at = bucket * QUARTER_HOUR_MS;
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  const offset = wall - at;
  offsets.set(timeZone, { bucket, offsetMs: offset });
  return offset;
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const wall = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  const iso = wall.toISOString();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  const date = iso.slice(0, 10);
  return {
    date,
    minutes: hour * 60 + minute,
    time: iso.slice(11, 16),
    isoWeekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD" (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** ISO weekday (Monday = 1) of a calendar date; the date has no zone, so UTC arithmetic is exact. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The months (`YYYY-MM`) a date range touches, in order, from `from`'s to `to`'s (both
 * `YYYY-MM-DD` or `YYYY-MM`); none when `from` is after `to`. Counted as numbers: as strings,
 * the month after 9999-12 ("10000-01") would sort before it and the list would never end.
 */
export function monthsBetween(from: string, to: string): string[] {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from), last = index(to); i <= last; i++) {
    const y = Math.floor(i / 12);
    out.push(`${String(y).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
