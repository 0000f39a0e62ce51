import * as v from 'valibot';
import { EmployeeId, HhMm, IsoDate } from '../core/fields';
import { MARK_REASON_MAX, MARK_STATUSES } from '../core/mark-record';
import { EXCUSE_KINDS } from '../core/model';
import { RollCallId } from '../core/rollcalls';

/** `/v1/attendance/{date}/{rollCallId}/{employeeId}`. */
export const MarkParam = v.object({
  date: IsoDate,
  rollCallId: RollCallId,
  employeeId: EmployeeId,
});
/** `/v1/attendance/{date}/{rollCallId}`. */
export const MarkDayParam = v.object({ date: IsoDate, rollCallId: RollCallId });

/** PUT body: what the marker states, and why. The rules that join fields are core/marks.ts's. */
export const MarkBody = v.strictObject({
  status: v.pipe(v.picklist(MARK_STATUSES), v.description('how the employee counts')),
  kind: v.optional(
    v.pipe(v.picklist(EXCUSE_KINDS), v.description('with `excused` only, and required there')),
  ),
  at: v.optional(
    v.pipe(HhMm, v.description('local time the employee was seen; required with `late`')),
  ),
  reason: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'a reason is required'),
    v.maxLength(MARK_REASON_MAX, `at most ${MARK_REASON_MAX} characters`),
    v.description('why (who saw them, the duty letter): kept with the mark, never on the wall'),
  ),
});

export const MarkSchema = v.object({
  employeeId: v.string(),
  date: v.string(),
  rollCallId: v.string(),
  status: v.picklist(MARK_STATUSES),
  kind: v.optional(v.picklist(EXCUSE_KINDS)),
  at: v.optional(v.string()),
  reason: v.string(),
  method: v.picklist(['manual', 'appeal']),
  by: v.string(),
  markedAt: v.string(),
});

/** A report's `marked` entry: the mark with the person (core/report.ts, MarkedPerson). */
export const MarkedPersonSchema = v.object({
  employeeId: v.string(),
  name: v.string(),
  unit: v.string(),
  status: v.picklist(MARK_STATUSES),
  method: v.picklist(['manual', 'appeal']),
  by: v.string(),
  reason: v.string(),
  markedAt: v.string(),
  at: v.optional(v.string()),
  kind: v.optional(v.picklist(EXCUSE_KINDS)),
  superseded: v.optional(
    v.pipe(v.literal(true), v.description('a check-in came after the mark and counts instead')),
  ),
});

export const AttendanceQuery = v.object({
  q: v.optional(
    v.pipe(v.string(), v.maxLength(200), v.description('words of the name, or the id; any case')),
  ),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(1_000)),
  ),
});

/** One attendee of a roll call on a date, as the marking screen shows them. */
export const AttendeeSchema = v.object({
  employeeId: v.string(),
  name: v.string(),
  unit: v.string(),
  status: v.picklist(['on_time', 'late', 'excused', 'absent']),
  source: v.pipe(
    v.picklist(['checkin', 'mark', 'excuse', 'none']),
    v.description(
      'what the status comes from: a check-in stands over a mark, a mark over an excuse',
    ),
  ),
  at: v.optional(v.string()),
  mark: v.optional(MarkSchema),
});

export const AttendanceSchema = v.object({
  date: v.string(),
  rollCallId: v.string(),
  rollCallName: v.string(),
  held: v.boolean(),
  /** Attendees matching the query, by unit then name. */
  items: v.array(AttendeeSchema),
  /** How many attendees there are in all (before `q` and `limit`). */
  total: v.number(),
});
