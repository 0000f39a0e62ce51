import * as v from 'valibot';
import { APPEAL_CLAIMS, APPEAL_STATUSES } from '../core/appeals';
import { IsoDate, Text } from '../core/fields';
import { EXCUSE_KINDS } from '../core/model';

export { AppealBody, AppealIdParam, DecisionBody } from '../core/appeals';

export const AppealSchema = v.object({
  appealId: v.pipe(v.string(), v.description('`{date}.{rollCallId}.{employeeId}`')),
  employeeId: v.string(),
  name: v.string(),
  unit: v.pipe(v.string(), v.description("the employee's unit when the appeal was made")),
  date: v.string(),
  rollCallId: v.string(),
  claim: v.picklist(APPEAL_CLAIMS),
  kind: v.optional(v.picklist(EXCUSE_KINDS)),
  reason: v.string(),
  status: v.picklist(APPEAL_STATUSES),
  createdAt: v.string(),
  updatedAt: v.string(),
  decidedAt: v.optional(v.string()),
  decidedBy: v.optional(v.string()),
  note: v.optional(v.pipe(v.string(), v.description("the decider's note, shown to the employee"))),
});

export const AppealResponse = v.object({ appeal: AppealSchema });

export const MyAppealsResponse = v.object({
  items: v.pipe(v.array(AppealSchema), v.description('my appeals, newest date first')),
  open: v.pipe(
    v.array(
      v.object({
        date: v.string(),
        rollCallId: v.string(),
        rollCallName: v.string(),
        appealClosesAt: v.pipe(v.string(), v.description('the window ends at this instant')),
      }),
    ),
    v.description('roll calls I was named absent from and may still appeal, newest first'),
  ),
});

export const AppealListQuery = v.object({
  status: v.optional(v.picklist(APPEAL_STATUSES)),
  date: v.optional(IsoDate),
  unit: v.optional(
    v.pipe(Text(200), v.description('a unit (OPD), any case; operators: one of theirs')),
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2_000))),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200)),
  ),
});

export const AppealPageResponse = v.object({
  items: v.pipe(v.array(AppealSchema), v.description('open first, then decided, oldest first')),
  cursor: v.optional(v.pipe(v.string(), v.description('the next page; absent on the last'))),
});
