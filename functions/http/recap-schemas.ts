import * as v from 'valibot';
import { Text } from '../core/fields';

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
