import { AccuracyTooLow, OutsideGeofence } from '../checkin-errors';
import type { Settings } from '../settings';
import type { Geofence, SiteFilter } from './geofence';

export interface Fix {
  readonly lat: number;
  readonly lon: number;
  /** The phone's reported horizontal accuracy: the 68% radius, in metres. */
  readonly accuracyM: number;
}

export type LocationFlag = 'near_edge' | 'outside_edge';

export interface LocationVerdict {
  readonly siteId: string;
  readonly distanceToEdgeM: number;
  readonly flags: LocationFlag[];
}

/**
 * The accuracy-aware geofence verdict (docs/api.md, "Check-in: body, answer, rules"):
 * - accuracy worse than maxAccuracyM → AccuracyTooLow;
 * - inside a ground → accepted, flagged near_edge when the edge is closer than the accuracy;
 * - outside by at most edgeToleranceM → accepted, flagged near_edge and outside_edge;
 * - otherwise → OutsideGeofence with the distance to the nearest allowed ground.
 * Returns null when no allowed ground exists.
 */
export function judgeLocation(
  fence: Geofence,
  fix: Fix,
  t: Pick<Settings, 'maxAccuracyM' | 'edgeToleranceM'>,
  allow?: SiteFilter,
): LocationVerdict | null {
  if (fix.accuracyM > t.maxAccuracyM) throw new AccuracyTooLow(fix.accuracyM, t.maxAccuracyM);
  const near = Math.max(fix.accuracyM, t.edgeToleranceM);
  const placed = fence.place(fix.lon, fix.lat, near, allow);
  if (!placed) return null;
  const distanceToEdgeM = roundTenth(placed.distanceToEdgeM);
  if (placed.inside) {
    return {
      siteId: placed.siteId,
      distanceToEdgeM,
      flags: placed.distanceToEdgeM < fix.accuracyM ? ['near_edge'] : [],
    };
  }
  if (placed.distanceToEdgeM <= t.edgeToleranceM) {
    return { siteId: placed.siteId, distanceToEdgeM, flags: ['near_edge', 'outside_edge'] };
  }
  throw new OutsideGeofence(distanceToEdgeM, placed.siteId, t.edgeToleranceM);
}

function roundTenth(x: number): number {
  return Math.round(x * 10) / 10;
}
