import { describe, expect, it } from 'vitest';
import {
  BUCKET_MINUTES,
  fixedOffset,
  missedPublicationExpression,
  reportWindows,
} from '../../infra/report-window';

const WEEK = 7 * 1440;
const MONDAY = Date.UTC(2026, 10, 30); // Monday 30 November 2026, 00:00 UTC

/** The zone's local ISO weekday and minutes of the day at a UTC instant. */
function local(zone: string, at: Date): { weekday: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const weekday =
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return { weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

describe('the hour after the report time, in UTC minutes of the week (no-publication alarm)', () => {
  const cases = [
    { zone: 'Asia/Jakarta', reportAt: '08:30', workdays: [1, 2, 3, 4, 5] },
    { zone: 'Asia/Makassar', reportAt: '09:05', workdays: [1, 2, 3, 4, 5, 6] },
    { zone: 'Asia/Jayapura', reportAt: '07:10', workdays: [1, 2, 3, 4, 5] },
    // 06:00 WIB on Monday is 23:00 UTC on Sunday: the window wraps the UTC week.
    { zone: 'Asia/Jakarta', reportAt: '06:00', workdays: [1, 7] },
    { zone: 'Asia/Kolkata', reportAt: '23:50', workdays: [7] },
  ];
  for (const c of cases) {
    it(`${c.reportAt} ${c.zone} on ${c.workdays.join(',')}: every bucket agrees with local time`, () => {
      const offset = fixedOffset(c.zone);
      expect(offset).not.toBeNull();
      const windows = reportWindows(c.reportAt, c.workdays, offset as number);
      const [h, m] = c.reportAt.split(':').map(Number) as [number, number];
      const from = h * 60 + m - ((h * 60 + m) % BUCKET_MINUTES);
      let inside = 0;
      for (let t = 0; t < WEEK; t += BUCKET_MINUTES) {
        // Inside when the report bucket of a workday started at most 55 minutes before.
        const expected = Array.from({ length: 60 / BUCKET_MINUTES }, (_, k) =>
          local(c.zone, new Date(MONDAY + (t - k * BUCKET_MINUTES) * 60_000)),
        ).some((at) => at.minutes === from && c.workdays.includes(at.weekday));
        const actual = windows.some(([a, b]) => t >= a && t < b);
        expect(actual, `minute ${t} of the UTC week`).toBe(expected);
        if (actual) inside++;
      }
      expect(inside).toBe((60 / BUCKET_MINUTES) * c.workdays.length);
    });
  }

  it('knows zones with daylight saving time, whose window would move', () => {
    expect(fixedOffset('Asia/Jakarta')).toBe(420);
    expect(fixedOffset('Asia/Jayapura')).toBe(540);
    expect(fixedOffset('Europe/Berlin')).toBeNull();
  });

  it('writes one window test per interval, and breaches only without a publication', () => {
    const e = missedPublicationExpression([
      [90, 150],
      [1530, 1590],
    ]);
    expect(e.match(/ OR /g)).toHaveLength(1);
    expect(e.endsWith('* (FILL(p, 0) == 0)')).toBe(true);
  });
});
