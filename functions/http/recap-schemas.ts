import * as v from 'valibot';
import { Text } from '../core/fields';
import { RollCallId } from '../core/rollcalls';

/** `YYYY-MM`, a month that exists (01–12) of a year 2000–2100. */
export const Month = v.pipe(
  v.string(),
  v.regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"'),
);

export const MonthParam = v.object({ month: Month });

export const UnlockBody = v.object({
  reason: v.pipe(Text(500), v.description('why the month is opened again (kept in the audit)')),
});

export const MonthLockSchema = v.object({
  month: v.string(),
  locked: v.boolean(),
  lockedAt: v.string(),
  lockedBy: v.string(),
  unlockedAt: v.optional(v.string()),
  unlockedBy: v.optional(v.string()),
  reason: v.optional(v.string()),
});

/** `YYYY-MM` (a month's recap) or `YYYY` (the year's). */
export const PeriodParam = v.object({
  period: v.pipe(
    v.string(),
    v.regex(/^(20\d\d|2100)(-(0[1-9]|1[0-2]))?$/, 'expected a year "YYYY" or a month "YYYY-MM"'),
  ),
});

export const RecapQuery = v.object({
  rollCall: v.optional(v.pipe(RollCallId, v.description('the roll call (default `pagi`)')), 'pagi'),
  unit: v.optional(
    v.pipe(Text(200), v.description('one unit (OPD), any case; 404 when nobody is in it')),
  ),
  format: v.optional(
    v.pipe(
      v.picklist(['json', 'csv', 'xlsx']),
      v.description('a month: json, csv or xlsx; a year: json only'),
    ),
    'json',
  ),
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,7}$/),
      v.description('a year: the `next` of the page before'),
    ),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(2_000),
      v.description('a year: employees a page (default 500)'),
    ),
  ),
});

const n = v.number();
const counts = {
  expected: n,
  onTime: n,
  late: n,
  lateMinutes: v.pipe(n, v.description('minutes after the roll call’s startsAt, summed')),
  lateTiers: v.object({ TL1: n, TL2: n, TL3: n, TL4: n }),
  excused: v.object({ leave: n, sick: n, duty: n, permit: n, other: n }),
  manual: v.pipe(n, v.description('days counted by an attendance mark (by hand or an appeal)')),
  absent: n,
  attendanceRate: v.pipe(n, v.description('(onTime + late) / expected, percent, one decimal')),
};
export const RecapCountsSchema = v.object(counts);

export const RecapSchema = v.object({
  month: v.string(),
  rollCallId: v.string(),
  timezone: v.string(),
  generatedAt: v.string(),
  lateTiers: v.pipe(v.array(n), v.description('the last minute of TL1, TL2 and TL3')),
  published: v.pipe(v.array(v.string()), v.description('dates counted as published')),
  pending: v.pipe(v.array(v.string()), v.description('dates not yet published: counted live')),
  lock: v.optional(MonthLockSchema),
  rows: v.array(
    v.object({ employeeId: v.string(), name: v.string(), unit: v.string(), ...counts }),
  ),
  units: v.array(v.object({ unit: v.string(), employees: n, ...counts })),
  totals: v.object({ employees: n, ...counts }),
});

export const YearRecapSchema = v.object({
  year: v.string(),
  rollCallId: v.string(),
  months: v.array(v.string()),
  locked: v.array(v.string()),
  pending: v.array(v.string()),
  totals: v.object({ employees: n, ...counts }),
  rows: v.array(
    v.object({
      employeeId: v.string(),
      name: v.string(),
      unit: v.string(),
      months: v.record(v.string(), RecapCountsSchema),
      total: RecapCountsSchema,
    }),
  ),
  next: v.optional(v.pipe(n, v.description('pass as `cursor` for the next page'))),
});
