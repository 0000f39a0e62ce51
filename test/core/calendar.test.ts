import { describe, expect, it } from 'vitest';
import {
  addDays,
  isIsoDate,
  isoWeekdayOf,
  isValidTimeZone,
  localTime,
} from '../../functions/core/calendar';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { isWorkday, windowState } from '../../functions/core/window';

describe('localTime', () => {
  it.each([
    // 23:30 UTC on Sunday is already Monday morning in every Indonesian zone.
    ['Asia/Jakarta', '2026-11-29T23:30:00Z', '2026-11-30', '06:30', 1],
    ['Asia/Makassar', '2026-11-29T23:30:00Z', '2026-11-30', '07:30', 1],
    ['Asia/Jayapura', '2026-11-29T23:30:00Z', '2026-11-30', '08:30', 1],
    ['UTC', '2026-11-29T23:30:00Z', '2026-11-29', '23:30', 7],
  ])('%s: %s is %s %s', (tz, iso, date, time, weekday) => {
    const t = localTime(new Date(iso), tz);
    expect(t).toMatchObject({ date, time, isoWeekday: weekday });
  });

  it('crosses local midnight exactly, not at UTC midnight', () => {
    // WIB is UTC+7: local midnight of 28 Nov is 17:00 UTC on 27 Nov.
    expect(localTime(new Date('2026-11-27T16:59:59.999Z'), 'Asia/Jakarta').date).toBe('2026-11-27');
    expect(localTime(new Date('2026-11-27T17:00:00.000Z'), 'Asia/Jakarta').date).toBe('2026-11-28');
    expect(localTime(new Date('2026-11-27T17:00:00.000Z'), 'Asia/Jakarta').minutes).toBe(0);
  });

  it('follows daylight saving in zones that have it', () => {
    // Europe/Amsterdam: UTC+2 in summer, UTC+1 in winter.
    expect(localTime(new Date('2026-07-01T05:00:00Z'), 'Europe/Amsterdam').time).toBe('07:00');
    expect(localTime(new Date('2026-12-01T05:00:00Z'), 'Europe/Amsterdam').time).toBe('06:00');
  });

  it('knows valid zones from invalid ones', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Asia/Medan')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2026-11-27')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('27-11-2026')).toBe(false);
  });

  it('computes weekdays and adds days across months and years', () => {
    expect(isoWeekdayOf('2026-11-27')).toBe(5);
    expect(isoWeekdayOf('2026-11-29')).toBe(7);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('window', () => {
  const s = DEFAULT_SETTINGS;
  it.each([
    ['06:29', 6 * 60 + 29, 'not_open'],
    ['06:30', 6 * 60 + 30, 'on_time'],
    ['07:30', 7 * 60 + 30, 'on_time'],
    ['07:31', 7 * 60 + 31, 'late'],
    ['08:00', 8 * 60, 'late'],
    ['08:01', 8 * 60 + 1, 'closed'],
  ])('%s is %s', (_, minutes, state) => {
    expect(windowState(minutes, s)).toBe(state);
  });

  it('counts configured weekdays that are not holidays as workdays', () => {
    expect(isWorkday(5, false, s)).toBe(true);
    expect(isWorkday(6, false, s)).toBe(false);
    expect(isWorkday(7, false, s)).toBe(false);
    expect(isWorkday(3, true, s)).toBe(false);
    expect(isWorkday(6, false, { workdays: [1, 2, 3, 4, 5, 6] })).toBe(true);
  });
});

describe('localTime against Intl, instant by instant', () => {
  /** The plain way: ask Intl for the wall clock of every instant. */
  function reference(instant: Date, timeZone: string) {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
    const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    return {
      date: `${p.year}-${p.month}-${p.day}`,
      time: `${p.hour}:${p.minute}`,
      isoWeekday: weekdays.indexOf(p.weekday as string) + 1,
    };
  }

  it.each([
    'Asia/Jakarta',
    'Asia/Makassar',
    'Asia/Jayapura',
    'Asia/Kathmandu',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe',
    'America/St_Johns',
  ])('%s agrees over 3,000 instants, transitions included', (tz) => {
    let x = 1_767_225_600_000; // 2026-01-01
    for (let i = 0; i < 3_000; i++) {
      // Strides of a little over 3 hours walk through a year, hitting odd minutes.
      x += 3 * 3_600_000 + 7 * 60_000 + 13_000;
      const t = new Date(x);
      const got = localTime(t, tz);
      expect({ date: got.date, time: got.time, isoWeekday: got.isoWeekday }).toEqual(
        reference(t, tz),
      );
    }
  });

  it.each([
    ['America/New_York', '2026-03-08T07:00:00Z'],
    ['America/New_York', '2026-11-01T06:00:00Z'],
    ['Europe/London', '2026-03-29T01:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
    ['America/St_Johns', '2026-03-08T05:30:00Z'],
  ])('%s agrees a second either side of the transition at %s', (tz, iso) => {
    for (const d of [-61_000, -1_000, 0, 1_000, 59_000, 899_000, 900_000]) {
      const t = new Date(Date.parse(iso) + d);
      const got = localTime(t, tz);
      expect({ date: got.date, time: got.time, isoWeekday: got.isoWeekday }).toEqual(
        reference(t, tz),
      );
    }
  });
});
