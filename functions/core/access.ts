import type { Principal } from './ports/auth';
import { type StaffRecord, unitKey } from './staff';

/**
 * What a caller may act on beyond their own data (DESIGN.md, "Who may do what"): an admin acts on
 * everything; an operator on the employees of their units; an officer on their roll calls. Pure
 * rules: the HTTP edge reads the staff record once per request (http/access.ts) and asks these.
 */
export interface Access {
  /** principal.employeeId */
  readonly userId: string;
  readonly admin: boolean;
  /** Units this caller operates (staff record), as stored. */
  readonly units: readonly string[];
  /** Roll calls this caller officiates. */
  readonly rollCallIds: readonly string[];
}

/** The caller's access from their principal and staff record (none: an employee only). */
export function accessOf(principal: Principal, staff: StaffRecord | null): Access {
  return {
    userId: principal.employeeId,
    admin: principal.admin,
    units: staff?.roles.includes('operator') ? staff.units : [],
    rollCallIds: staff?.roles.includes('officer') ? staff.rollCallIds : [],
  };
}

/** Admin, or the unit (any case) among the caller's units. */
export function mayOperateUnit(a: Access, unit: string): boolean {
  if (a.admin) return true;
  const k = unitKey(unit);
  return a.units.some((u) => unitKey(u) === k);
}

/** Admin, or the roll call among the caller's. */
export function mayOfficiate(a: Access, rollCallId: string): boolean {
  return a.admin || a.rollCallIds.includes(rollCallId);
}

/** An operator of at least one unit (admins count). */
export const isOperator = (a: Access) => a.admin || a.units.length > 0;
/** An officer of at least one roll call (admins count). */
export const isOfficer = (a: Access) => a.admin || a.rollCallIds.length > 0;
