import type { Attempt, Checkin, Employee, Excuse, Site } from '../../core/model';
import { keys } from './table';
import type { Item } from './table-client';

/** Item ↔ model mapping: keys and index attributes stay here, the core never sees them. */

export function employeeItem(e: Employee): Item {
  return {
    ...keys.employee(e.employeeId),
    ...keys.rosterIndex(e.employeeId),
    ...keys.unitIndex(e.unit, e.name, e.employeeId),
    type: 'employee',
    employeeId: e.employeeId,
    name: e.name,
    unit: e.unit,
    siteIds: [...e.siteIds],
    active: e.active,
    since: e.since,
    until: e.until,
  };
}

export function toEmployee(i: Item): Employee {
  return {
    employeeId: String(i.employeeId),
    name: String(i.name),
    unit: String(i.unit),
    siteIds: Array.isArray(i.siteIds) ? i.siteIds.map(String) : [],
    active: i.active === true,
    ...(typeof i.since === 'string' ? { since: i.since } : {}),
    ...(typeof i.until === 'string' ? { until: i.until } : {}),
  };
}

export function toSite(i: Item): Site {
  return {
    siteId: String(i.siteId),
    name: String(i.name),
    geometry: JSON.parse(String(i.geometry)),
    ...(i.presenceCode === 'flag' || i.presenceCode === 'require'
      ? { presence: { code: i.presenceCode } }
      : {}),
  };
}

export function toCheckin(i: Item): Checkin {
  return {
    employeeId: String(i.employeeId),
    date: String(i.date),
    // Check-ins from before roll calls are pagi's.
    rollCallId: typeof i.rollCallId === 'string' ? i.rollCallId : 'pagi',
    status: i.status === 'late' ? 'late' : 'on_time',
    siteId: String(i.siteId),
    distanceToEdgeM: Number(i.distanceToEdgeM),
    accuracyM: Number(i.accuracyM),
    flags: Array.isArray(i.flags) ? i.flags.map(String) : [],
    capturedAt: String(i.capturedAt),
    receivedAt: String(i.receivedAt),
  };
}

export function toAttempt(i: Item): Attempt {
  return {
    employeeId: String(i.employeeId),
    date: String(i.date),
    ...(typeof i.rollCallId === 'string' ? { rollCallId: i.rollCallId } : {}),
    receivedAt: String(i.receivedAt),
    capturedAt: String(i.capturedAt),
    lat: Number(i.lat),
    lon: Number(i.lon),
    accuracyM: Number(i.accuracyM),
    mock: i.mock === true,
    ...(typeof i.deviceId === 'string' ? { deviceId: i.deviceId } : {}),
    outcome: String(i.outcome),
    ...(typeof i.siteId === 'string' ? { siteId: i.siteId } : {}),
    ...(typeof i.distanceToEdgeM === 'number' ? { distanceToEdgeM: i.distanceToEdgeM } : {}),
    expiresAt: Number(i.expiresAt),
  };
}

export function toExcuse(i: Item): Excuse {
  return {
    excuseId: String(i.excuseId),
    employeeId: String(i.employeeId),
    from: String(i.from),
    to: String(i.to),
    kind: i.kind as Excuse['kind'],
    ...(typeof i.note === 'string' ? { note: i.note } : {}),
    createdAt: String(i.createdAt),
    createdBy: String(i.createdBy),
    ...(i.revoked === true ? { revoked: true } : {}),
    ...(typeof i.revokedAt === 'string' ? { revokedAt: i.revokedAt } : {}),
    ...(typeof i.revokedBy === 'string' ? { revokedBy: i.revokedBy } : {}),
  };
}
