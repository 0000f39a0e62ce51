import * as v from 'valibot';
import { DEFAULT_AUDIT_DAYS, MAX_AUDIT_DAYS } from '../core/audit-query';
import { IsoDate } from '../core/fields';

/** GET /v1/audit's query; the range's own rules (order, length) are core/audit-query.ts's. */
export const AuditQuery = v.object({
  from: v.optional(
    v.pipe(
      IsoDate,
      v.description(
        `first local date searched (default: ${DEFAULT_AUDIT_DAYS - 1} days before to)`,
      ),
    ),
  ),
  to: v.optional(
    v.pipe(
      IsoDate,
      v.description(`last local date searched (default today); at most ${MAX_AUDIT_DAYS} dates`),
    ),
  ),
  actor: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9._@-]{1,128}$/, 'an employee id (e.g. NIP), or system'),
      v.description('who made the change: an employee id, or `system` (the scheduled tick)'),
    ),
  ),
  subject: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z][a-z-]{0,31}:[^\s]{1,300}$/, 'a subject such as employee:demo-004'),
      v.description('what was changed, `<kind>:<id>`: `employee:demo-004`, `site:yard`, …'),
    ),
  ),
  cursor: v.optional(
    v.pipe(v.string(), v.maxLength(2_000), v.description('from the previous page; same search')),
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(200),
      v.description('entries a page, 1–200 (default 50)'),
    ),
  ),
});

const JsonValue = v.pipe(v.unknown(), v.description('the record as it was (before) / is (after)'));

export const AuditEntrySchema = v.object({
  id: v.string(),
  at: v.pipe(v.string(), v.description('ISO instant of the change')),
  actor: v.pipe(v.string(), v.description('employee id of who made it; `system` for the tick')),
  action: v.pipe(v.string(), v.description('`<thing>.<verb>`: `employee.put`, `site.delete`, …')),
  subject: v.pipe(v.string(), v.description('`<kind>:<id>`')),
  before: v.optional(JsonValue),
  after: v.optional(JsonValue),
});

export const AuditPageSchema = v.object({
  from: v.string(),
  to: v.string(),
  items: v.array(AuditEntrySchema),
  cursor: v.optional(v.pipe(v.string(), v.description('the next page; absent on the last'))),
});
