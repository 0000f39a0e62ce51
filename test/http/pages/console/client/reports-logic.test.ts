import { describe, expect, it } from 'vitest';
import { renderWall } from '../../../../../functions/core/render/html';
import { LABELS } from '../../../../../functions/core/render/labels';
import {
  addDays,
  addMonths,
  monthRange,
  spanOfWorkdays,
} from '../../../../../functions/http/pages/console/client/dates';
import { FLAG_WHY } from '../../../../../functions/http/pages/console/client/flag-words';
import { splitStyle } from '../../../../../functions/http/pages/console/client/report-preview';
import type { Listed } from '../../../../../functions/http/pages/console/client/reports-calendar';
import {
  defaultShown,
  trend,
} from '../../../../../functions/http/pages/console/client/trends-data';

/**
 * The console's report screens decided without a browser: workday spans for an excuse, month
 * arithmetic for the calendar, the trend's rates from the listing, and the wall page taken apart
 * for the preview frame.
 */

const MON_FRI = [1, 2, 3, 4, 5];

describe('dates', () => {
  it('a span of workdays skips the weekend: two days from Friday end on Monday', () => {
    expect(spanOfWorkdays('2026-11-27', 1, MON_FRI)).toBe('2026-11-27'); // Friday
    expect(spanOfWorkdays('2026-11-27', 2, MON_FRI)).toBe('2026-11-30'); // Monday
    expect(spanOfWorkdays('2026-11-23', 5, MON_FRI)).toBe('2026-11-27');
    // Starting on a Saturday, the first workday is Monday.
    expect(spanOfWorkdays('2026-11-28', 1, MON_FRI)).toBe('2026-11-30');
    // Every day a workday: calendar days.
    expect(spanOfWorkdays('2026-11-28', 3, [1, 2, 3, 4, 5, 6, 7])).toBe('2026-11-30');
    expect(spanOfWorkdays('2026-11-28', 3, [])).toBe('2026-11-30');
  });

  it('months: their first and last days, leap years, and stepping across a year', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

const totals = (expected: number, present: number, late: number) => ({
  expected,
  present,
  late,
  excused: 0,
  absent: expected - present - late,
});
const item = (date: string, units: [string, number, number, number][]): Listed => {
  const u = units.map(([unit, e, p, l]) => ({ unit, ...totals(e, p, l) }));
  const sum = u.reduce((s, x) => s + x.expected, 0);
  const present = u.reduce((s, x) => s + x.present, 0);
  const late = u.reduce((s, x) => s + x.late, 0);
  return {
    date,
    rollCallId: 'pagi',
    version: 1,
    publishedAt: `${date}T02:00:00.000Z`,
    totals: totals(sum, present, late),
    units: u,
  };
};

describe('trend', () => {
  const items = [
    item('2026-11-27', [
      ['Dinas B', 10, 5, 0],
      ['Dinas A', 10, 8, 2],
    ]),
    item('2026-11-26', [['Dinas A', 10, 4, 1]]),
    // A weekend or holiday report: nobody expected, left out.
    { ...item('2026-11-28', []), totals: totals(0, 0, 0) },
    { ...item('2026-11-25', [['Dinas A', 10, 10, 0]]), rollCallId: 'hks' },
  ];

  it('rates by day (present and late over expected), dates in order, other roll calls apart', () => {
    const t = trend(items);
    expect(t.dates).toEqual(['2026-11-26', '2026-11-27']);
    expect(t.units.map((u) => u.unit)).toEqual(['Dinas A', 'Dinas B']);
    expect(t.units[0]!.rates).toEqual([50, 100]);
    // Dinas B had nobody expected on the 26th: a gap, not a zero.
    expect(t.units[1]!.rates).toEqual([null, 50]);
    expect(t.overall.rates).toEqual([50, 75]);
    expect(trend(items, 'hks').dates).toEqual(['2026-11-25']);
  });

  it('averages are weighted by the expected of each day; the lowest day is named', () => {
    const t = trend(items);
    expect(t.overall.average).toBeCloseTo((100 * (5 + 15)) / 30);
    expect(t.overall.lowest).toEqual({ date: '2026-11-26', rate: 50 });
    expect(t.units[1]).toMatchObject({ average: 50, days: 1 });
  });

  it('shows every unit when there are few, else the five lowest', () => {
    const t = trend(items);
    expect(defaultShown(t.units)).toEqual(['Dinas A', 'Dinas B']);
    const many = Array.from({ length: 12 }, (_, i) => ({
      unit: `U${i}`,
      rates: [],
      average: 100 - i,
      lowest: null,
      days: 1,
    }));
    expect(defaultShown(many)).toEqual(['U11', 'U10', 'U9', 'U8', 'U7']);
  });
});

describe('the wall page for the preview frame', () => {
  it('loses its <style>, script and noscript, the style kept apart', () => {
    const report = {
      date: '2026-11-27',
      timezone: 'Asia/Jakarta',
      workday: true,
      generatedAt: '2026-11-27T01:30:00.000Z',
      version: 2,
      totals: totals(1, 0, 0),
      units: [{ unit: 'Dinas A', ...totals(1, 0, 0) }],
      absent: [{ employeeId: 'x', name: 'Budi', unit: 'Dinas A' }],
      late: [],
      excused: [],
      flagged: [],
    };
    const html = renderWall(report, { lang: 'id', refreshS: 300 });
    expect(html).toMatch(/<style>/);
    expect(html).toMatch(/<script>/);
    const { css, markup } = splitStyle(html);
    expect(markup).not.toMatch(/<style|<script|<noscript|http-equiv/i);
    expect(markup).toContain('Budi');
    expect(css).toContain('@page');
    expect(css.length).toBeGreaterThan(500);
  });
});

describe('flags in words', () => {
  it('every flag a published report names is explained in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      for (const code of Object.keys(LABELS[lang].flagNames)) {
        const words = (FLAG_WHY[lang] as Record<string, string>)[code] ?? '';
        expect(words.length, `${lang} ${code}`).toBeGreaterThan(40);
      }
    }
    expect(FLAG_WHY.id.impossible_travel).toContain('900 km/jam');
    expect(FLAG_WHY.en.impossible_travel).toContain('900 km/h');
  });
});
