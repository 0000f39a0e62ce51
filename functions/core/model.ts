import type { GroundGeometry } from './geo/ground';
import type { LocationFlag } from './geo/location';
import type { ProofMode } from './presence/modes';

/** A roster member. The id is the deployment's employee id (e.g. NIP), from the token claim. */
export interface Employee {
  readonly employeeId: string;
  readonly name: string;
  /** Organisational unit (OPD), used to group the report. */
  readonly unit: string;
  /** The apel grounds the employee may check in at; a fix inside any of them counts. */
  readonly siteIds: readonly string[];
  readonly active: boolean;
  /** First apel date the employee is expected at (inclusive); unset: since always. */
  readonly since?: string;
  /** Last apel date the employee is expected at (inclusive); unset: no end. */
  readonly until?: string;
}

/** Whether the employee is expected at the apel of `date` (a workday). */
export function isExpectedOn(e: Employee, date: string): boolean {
  if (e.since !== undefined && date < e.since) return false;
  if (e.until !== undefined) return date <= e.until;
  return e.active;
}

export const EXCUSE_KINDS = ['leave', 'sick', 'duty', 'permit', 'other'] as const;
export type ExcuseKind = (typeof EXCUSE_KINDS)[number];

/** Leave, sickness, official duty, a permit or another reason, over a range of dates. */
export interface Excuse {
  readonly excuseId: string;
  readonly employeeId: string;
  readonly from: string;
  readonly to: string;
  readonly kind: ExcuseKind;
  readonly note?: string;
  readonly createdAt: string;
  readonly createdBy: string;
  /** Set once, by the revocation, with who revoked it and when; a revoked excuse is never reused. */
  readonly revoked?: boolean;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
}

/** Whether the excuse stands on `date`: not revoked, and the date within its range. */
export function excuseCovers(x: Excuse, date: string): boolean {
  return !x.revoked && x.from <= date && date <= x.to;
}

/** An apel ground. */
export interface Site {
  readonly siteId: string;
  readonly name: string;
  readonly geometry: GroundGeometry;
  /** Proof of presence at this ground (docs/presence.md); absent: the code is off. */
  readonly presence?: { readonly code: ProofMode };
}

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

export type CheckinStatus = 'on_time' | 'late';

/** The one accepted check-in of an employee on an apel date. Holds no raw coordinates. */
export interface Checkin {
  readonly employeeId: string;
  readonly date: string;
  /** The roll call it is for; absent on check-ins from before roll calls (they are `pagi`'s). */
  readonly rollCallId?: string;
  readonly status: CheckinStatus;
  readonly siteId: string;
  readonly distanceToEdgeM: number;
  readonly accuracyM: number;
  readonly flags: readonly (LocationFlag | string)[];
  readonly capturedAt: string;
  readonly receivedAt: string;
}

/**
 * Every evaluated submission, accepted or not, kept for audit with its raw fix until `expiresAt`
 * (epoch seconds, the table's TTL attribute).
 */
export interface Attempt {
  readonly employeeId: string;
  readonly date: string;
  /** The roll call it was for, when one was chosen. */
  readonly rollCallId?: string;
  readonly receivedAt: string;
  readonly capturedAt: string;
  readonly lat: number;
  readonly lon: number;
  readonly accuracyM: number;
  readonly mock: boolean;
  readonly deviceId?: string;
  /** "accepted" or the rejection code (OUTSIDE_GEOFENCE, …). */
  readonly outcome: string;
  readonly siteId?: string;
  readonly distanceToEdgeM?: number;
  readonly expiresAt: number;
}
