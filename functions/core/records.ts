import * as v from 'valibot';
import { EmployeeId, IsoDate, SiteId, Text } from './fields';
import { EXCUSE_KINDS } from './model';
import { ProofModeSchema } from './presence/modes';

/**
 * One schema per record an admin writes. The JSON routes validate bodies with them, and the CSV
 * import turns each line into the same object and validates it with the same schema, so a file
 * can never hold what PUT refuses (it used to take `since` after `until` and 60 grounds).
 */

/** Grounds one employee may be assigned. */
export const MAX_GROUNDS_PER_EMPLOYEE = 50;

/** An employee as PUT /v1/employees/{id} and one CSV line give it. */
export const EmployeeRecord = v.pipe(
  v.object({
    name: Text(200),
    unit: Text(200),
    siteIds: v.pipe(
      v.array(SiteId),
      v.maxLength(
        MAX_GROUNDS_PER_EMPLOYEE,
        `at most ${MAX_GROUNDS_PER_EMPLOYEE} grounds per employee`,
      ),
    ),
    active: v.boolean(),
    since: v.optional(IsoDate),
    until: v.optional(IsoDate),
  }),
  v.forward(
    v.check((e) => !e.since || !e.until || e.since <= e.until, 'since must not be after until'),
    ['until'],
  ),
);

export type EmployeeRecordInput = v.InferOutput<typeof EmployeeRecord>;

/**
 * PATCH: any of the record's fields. name, unit, siteIds and active are merged with the stored
 * record; since and until, when given, are as in PUT's body, and when left out, as PUT without
 * them. The merged record is then checked whole with EmployeeRecord. Unknown keys are refused,
 * so a typo ("activ") cannot be a silent no-op.
 */
export const EmployeePatch = v.strictObject({
  name: v.optional(Text(200)),
  unit: v.optional(Text(200)),
  siteIds: v.optional(v.array(SiteId)),
  active: v.optional(v.boolean()),
  since: v.optional(IsoDate),
  until: v.optional(IsoDate),
});

/** A ground Feature's properties; the geometry is checked in depth by validateGround. */
export const SiteProperties = v.looseObject({
  name: Text(200),
  /** Proof of presence at the ground: `code` off (default), flag or require. */
  presence: v.optional(v.strictObject({ code: v.optional(ProofModeSchema, 'off') })),
});

export const MAX_EXCUSE_DAYS = 366;

/** Leave, sickness, duty, a permit or another reason for an employee over a range of dates. */
export const ExcuseRecord = v.pipe(
  v.object({
    employeeId: EmployeeId,
    from: IsoDate,
    to: IsoDate,
    kind: v.picklist(EXCUSE_KINDS),
    note: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  v.forward(
    v.check((x) => x.from <= x.to, 'from must not be after to'),
    ['to'],
  ),
  v.forward(
    v.check(
      (x) => Date.parse(x.to) - Date.parse(x.from) <= MAX_EXCUSE_DAYS * 86_400_000,
      `an excuse covers at most ${MAX_EXCUSE_DAYS} days`,
    ),
    ['to'],
  ),
);

/** A day of the holiday calendar (the date is the path's). */
export const HolidayRecord = v.object({ name: Text(200) });
