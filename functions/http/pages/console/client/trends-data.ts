import type { Listed } from './reports-calendar';

/**
 * The attendance rate by day and unit from the listing's per-unit totals: present (on time and
 * late) over expected. A day on which nobody was expected (a weekend, a holiday) is left out; a
 * unit with nobody expected on a day has no rate for it (null, a gap in its line).
 */
export interface UnitTrend {
  readonly unit: string;
  /** One per date of `dates`, a percentage, or null. */
  readonly rates: readonly (number | null)[];
  /** Over the whole period, weighted by the days' expected. */
  readonly average: number | null;
  readonly lowest: { readonly date: string; readonly rate: number } | null;
  readonly days: number;
}

export interface Trend {
  readonly dates: readonly string[];
  readonly overall: UnitTrend;
  readonly units: readonly UnitTrend[];
}

type Counts = { expected: number; present: number; late: number };

function percent(c: Counts): number | null {
  return c.expected > 0 ? (100 * (c.present + c.late)) / c.expected : null;
}

function trendOf(
  unit: string,
  dates: readonly string[],
  counts: (Counts | undefined)[],
): UnitTrend {
  const rates = counts.map((c) => (c ? percent(c) : null));
  const sum = counts.reduce<Counts>(
    (s, c) =>
      c
        ? {
            expected: s.expected + c.expected,
            present: s.present + c.present,
            late: s.late + c.late,
          }
        : s,
    { expected: 0, present: 0, late: 0 },
  );
  let lowest: UnitTrend['lowest'] = null;
  rates.forEach((rate, i) => {
    const date = dates[i];
    if (rate !== null && date && (!lowest || rate < lowest.rate)) lowest = { date, rate };
  });
  return {
    unit,
    rates,
    average: percent(sum),
    lowest,
    days: rates.filter((r) => r !== null).length,
  };
}

export function trend(items: readonly Listed[], rollCallId = 'pagi'): Trend {
  const days = items
    .filter((x) => x.rollCallId === rollCallId && x.totals.expected > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  const dates = days.map((d) => d.date);
  const names = [...new Set(days.flatMap((d) => d.units.map((u) => u.unit)))].sort((a, b) =>
    a.localeCompare(b, 'id'),
  );
  return {
    dates,
    overall: trendOf(
      '',
      dates,
      days.map((d) => d.totals),
    ),
    units: names.map((unit) =>
      trendOf(
        unit,
        dates,
        days.map((d) => d.units.find((u) => u.unit === unit)),
      ),
    ),
  };
}

/** The units a chart starts with: all of them when few, else the five with the lowest average. */
export function defaultShown(units: readonly UnitTrend[]): string[] {
  if (units.length <= 8) return units.map((u) => u.unit);
  return [...units]
    .sort((a, b) => (a.average ?? 101) - (b.average ?? 101))
    .slice(0, 5)
    .map((u) => u.unit);
}
