/**
 * Integrity signals: facts an admin should look at, stored as flags on the check-in and listed in
 * the report. They never refuse a check-in on their own — a shared office phone or a GPS jump has
 * innocent explanations — but they are never silent either.
 */
import type { Bilingual } from './errors';
import type { PresenceFlag } from './presence/modes';

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
  | 'shared_device'
  // The proofs of presence (core/presence/), when a deployment asks for them as `flag`.
  | PresenceFlag;

/**
 * For the admin reviewing a flagged check-in: what the flag shows, and what it does not. A flag
 * is a reason to look, never a verdict (docs/presence.md has the limits of each proof).
 */
export const FLAG_EXPLANATIONS: Readonly<Record<IntegrityFlag, Bilingual>> = {
  impossible_travel: {
    id: 'Titik ini terlalu jauh dari titik sebelumnya untuk ditempuh dalam waktu itu. Bisa lokasi palsu; bisa juga GPS yang melompat.',
    en: 'This fix is too far from the previous one to be travelled in the time between. A faked location, or a GPS that jumped.',
  },
  new_device: {
    id: 'Absen dari perangkat yang belum pernah dipakai pegawai ini. Bisa ponsel baru; bisa juga orang lain.',
    en: 'Checked in from a device this employee had not used. A new phone, or someone else.',
  },
  shared_coordinates: {
    id: 'Koordinat persis sama dengan absen pegawai lain hari ini: titik yang disalin, bukan diukur. Dua GPS jarang sama sampai sentimeter.',
    en: "Exactly the coordinates of another employee's check-in today: a copied fix, not a measured one. Two GPS fixes rarely agree to the centimetre.",
  },
  shared_device: {
    id: 'Perangkat ini juga dipakai pegawai lain. Bisa ponsel kantor bersama; bisa juga satu orang mengabsenkan yang lain.',
    en: 'Another employee used this device too. A shared office phone, or one person checking in for others.',
  },
  no_code: {
    id: 'Tanpa kode lapangan: tidak terbukti pegawai melihat layar di lapangan. Lokasi GPS tetap di dalam lapangan, tetapi lokasi bisa dipalsukan.',
    en: "No ground code: nothing shows the employee saw the ground's screen. The GPS fix was inside the ground, but a fix can be faked.",
  },
  unbound_device: {
    id: 'Tanpa kunci sandi ponsel terdaftar: tidak terbukti absen dari ponsel pegawai ini. Bisa ponsel baru yang belum disetujui; bisa juga orang lain dengan kata sandinya.',
    en: "No registered phone's passkey: nothing shows the check-in came from this employee's phone. A new phone awaiting approval, or someone else with their password.",
  },
};

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
