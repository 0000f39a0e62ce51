/**
 * Integrity signals: facts an admin should look at, stored as flags on the check-in and listed in
 * the report. They never refuse a check-in on their own — a shared office phone or a GPS jump has
 * innocent explanations — but they are never silent either.
 */

/** The employee's previous fix and the devices they used, kept (with a TTL) between check-ins. */
export interface Trace {
  readonly lat: number;
  readonly lon: number;
  readonly capturedAt: string;
  readonly devices: readonly string[];
}

export type IntegrityFlag =
  | 'impossible_travel'
  | 'new_device'
  | 'shared_coordinates'
  | 'shared_device';

/** Faster than an airliner between two fixes is not travel. */
export const MAX_TRAVEL_KMH = 900;
/** Below this, a jump is GPS noise rather than travel. */
export const MIN_TRAVEL_M = 2_000;
/** Check-in attempts one employee may make in a minute. */
export const ATTEMPTS_PER_MINUTE = 10;

const R = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine). */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The speed implied between the previous fix and this one, or null when it says nothing. */
export function travelKmh(
  prev: Pick<Trace, 'lat' | 'lon' | 'capturedAt'>,
  fix: { lat: number; lon: number; capturedAt: string },
): number | null {
  const metres = haversineM(prev.lat, prev.lon, fix.lat, fix.lon);
  if (metres < MIN_TRAVEL_M) return null;
  const hours = Math.abs(Date.parse(fix.capturedAt) - Date.parse(prev.capturedAt)) / 3_600_000;
  // Two fixes at the same instant, far apart: infinitely fast.
  return hours === 0 ? Number.POSITIVE_INFINITY : metres / 1000 / hours;
}

/** Flags that follow from the employee's trace alone, before anything is stored. */
export function traceFlags(
  trace: Trace | null,
  fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
): IntegrityFlag[] {
  if (!trace) return [];
  const flags: IntegrityFlag[] = [];
  const kmh = travelKmh(trace, fix);
  if (kmh !== null && kmh > MAX_TRAVEL_KMH) flags.push('impossible_travel');
  if (fix.deviceId && trace.devices.length > 0 && !trace.devices.includes(fix.deviceId)) {
    flags.push('new_device');
  }
  return flags;
}
