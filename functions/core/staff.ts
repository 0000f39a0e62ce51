import * as v from 'valibot';
import { EmployeeId, Text } from './fields';
import { RollCallId } from './rollcalls';

/**
 * Staff records (DESIGN.md, "Who may do what"): who operates which units (OPD operators) and who
 * officiates which roll calls (apel officers). They live in apel's own table, not in the identity
 * provider, so that an admin grants them in the console without touching user pools or groups.
 */

export const STAFF_ROLES = ['operator', 'officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffRecord {
  /** The user's id, as the token's claim carries it (the employee id for people on the roster). */
  readonly userId: string;
  readonly roles: readonly StaffRole[];
  /** Units (OPD) an operator acts for, as the roster writes them; matched in any case. */
  readonly units: readonly string[];
  /** Roll calls an officer officiates. */
  readonly rollCallIds: readonly string[];
  /** Who this is, for the console's list (optional: most staff are on the roster). */
  readonly name?: string;
}

/** Units and roll calls one record may name: far beyond a city's OPD count. */
export const MAX_STAFF_SCOPE = 200;

/** Same unit, any case, as the roster's unit index matches it. */
export const unitKey = (unit: string) => unit.trim().toLocaleLowerCase('id');

function distinct<T extends string>(items: readonly T[], key: (x: T) => string = (x) => x): T[] {
  const seen = new Set<string>();
  return items.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * PUT /v1/staff/{userId}'s body. A role needs its scope and a scope needs its role, so that a
 * record never grants less (or more) than it reads as: an operator of no unit, units nobody
 * operates.
 */
export const StaffBody = v.pipe(
  v.strictObject({
    roles: v.pipe(
      v.array(v.picklist(STAFF_ROLES)),
      v.minLength(1, 'at least one role: "operator" or "officer"'),
      v.maxLength(STAFF_ROLES.length, 'each role at most once'),
    ),
    units: v.optional(
      v.pipe(v.array(Text(200)), v.maxLength(MAX_STAFF_SCOPE, `at most ${MAX_STAFF_SCOPE} units`)),
      [],
    ),
    rollCallIds: v.optional(
      v.pipe(
        v.array(RollCallId),
        v.maxLength(MAX_STAFF_SCOPE, `at most ${MAX_STAFF_SCOPE} roll calls`),
      ),
      [],
    ),
    name: v.optional(Text(200)),
  }),
  v.forward(
    v.check(
      (b) => b.roles.includes('operator') === b.units.length > 0,
      'an operator needs at least one unit, and units need the role "operator"',
    ),
    ['units'],
  ),
  v.forward(
    v.check(
      (b) => b.roles.includes('officer') === b.rollCallIds.length > 0,
      'an officer needs at least one roll call, and roll calls need the role "officer"',
    ),
    ['rollCallIds'],
  ),
);
export type StaffBodyInput = v.InferOutput<typeof StaffBody>;

/** A stored record, as the API answers it. */
export const StaffSchema = v.object({
  userId: EmployeeId,
  roles: v.array(v.picklist(STAFF_ROLES)),
  units: v.array(v.string()),
  rollCallIds: v.array(v.string()),
  name: v.optional(v.string()),
});

/** The record a PUT stores: roles in their fixed order, each unit and roll call once. */
export function staffRecord(userId: string, body: StaffBodyInput): StaffRecord {
  return {
    userId,
    roles: STAFF_ROLES.filter((r) => body.roles.includes(r)),
    units: distinct(body.units, unitKey),
    rollCallIds: distinct(body.rollCallIds),
    ...(body.name === undefined ? {} : { name: body.name }),
  };
}
