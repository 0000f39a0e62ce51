import * as v from 'valibot';
import { RollCallId, RollCallSchema } from '../core/rollcalls';
import { CheckinSchema } from './schemas';

export { RollCallBody } from '../core/rollcalls';

export const RollCallIdParam = v.object({ id: RollCallId });

export const RollCallList = v.object({
  items: v.pipe(v.array(RollCallSchema), v.description('`pagi` first, then the others by id')),
});

export const RollCallRemoved = v.object({ id: v.string(), removed: v.literal(true) });

/** One roll call of the caller's day, with its window's state now and the caller's check-in. */
export const TodayRollCall = v.object({
  ...RollCallSchema.entries,
  state: v.pipe(
    v.picklist(['not_open', 'open', 'closed']),
    v.description('the window now: not open yet, open (on time or late), closed'),
  ),
  status: v.pipe(
    v.nullable(v.picklist(['on_time', 'late'])),
    v.description("the caller's standing check-in, or null when none"),
  ),
  checkin: v.nullable(CheckinSchema),
});

export const TodayResponse = v.object({
  date: v.pipe(v.string(), v.description("today, in the deployment's time zone")),
  timezone: v.string(),
  holiday: v.optional(v.string()),
  rollCalls: v.pipe(
    v.array(TodayRollCall),
    v.description('the roll calls the caller must attend today, earliest-opening first'),
  ),
});
