import Flatbush from 'flatbush';
import { type CompiledGround, M_PER_DEG_LAT } from './ground';

/** Where a point stands relative to the nearest (or the containing) ground. */
export interface Placement {
  readonly siteId: string;
  readonly inside: boolean;
  /** Metres to the nearest edge of that ground: inside, the margin; outside, the gap. */
  readonly distanceToEdgeM: number;
}

export type SiteFilter = (siteId: string) => boolean;

/**
 * A set of grounds with a packed Hilbert R-tree (flatbush) over their bounding boxes, so that a
 * decision touches only the grounds near the fix: the cost stays flat from one ground to 10,000.
 */
export class Geofence {
  private readonly index: Flatbush | null;

  constructor(readonly grounds: readonly CompiledGround[]) {
    if (grounds.length === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(grounds.length);
    for (const g of grounds) index.add(g.minLon, g.minLat, g.maxLon, g.maxLat);
    index.finish();
    this.index = index;
  }

  /**
   * The best placement of a point among the allowed grounds: the containing ground with the
   * widest margin; else the nearest ground. `nearM` is the radius searched first (accuracy or
   * edge tolerance); beyond it the nearest ground anywhere is found for the error's distance.
   * Null when no ground is allowed.
   */
  place(lon: number, lat: number, nearM: number, allow?: SiteFilter): Placement | null {
    let inside: Placement | null = null;
    let outside: Placement | null = null;
    for (const i of this.within(lon, lat, nearM, allow)) {
      const g = this.grounds[i]!;
      const d = g.distanceToEdgeM(lon, lat);
      if (g.contains(lon, lat)) {
        if (!inside || d > inside.distanceToEdgeM) {
          inside = { siteId: g.siteId, inside: true, distanceToEdgeM: d };
        }
      } else if (!outside || d < outside.distanceToEdgeM) {
        outside = { siteId: g.siteId, inside: false, distanceToEdgeM: d };
      }
    }
    if (inside) return inside;
    if (outside && outside.distanceToEdgeM <= nearM) return outside;
    return this.nearest(lon, lat, allow);
  }

  private nearest(lon: number, lat: number, allow?: SiteFilter): Placement | null {
    if (!this.index) return null;
    const filter = allow && ((i: number) => allow(this.grounds[i]!.siteId));
    // The nearest bounding box gives an upper bound on the distance; every ground that could be
    // nearer has its box within that bound, so one box search finishes the job.
    const [first] = this.index.neighbors(lon, lat, 1, Infinity, filter);
    if (first === undefined) return null;
    const bound = this.grounds[first]!.distanceToEdgeM(lon, lat);
    let best: Placement | null = null;
    for (const i of this.within(lon, lat, bound, allow)) {
      const g = this.grounds[i]!;
      const d = g.distanceToEdgeM(lon, lat);
      if (!best || d < best.distanceToEdgeM) {
        best = { siteId: g.siteId, inside: g.contains(lon, lat), distanceToEdgeM: d };
      }
    }
    return best;
  }

  /** Indexes of allowed grounds whose bounding box lies within `metres` of the point. */
  private within(lon: number, lat: number, metres: number, allow?: SiteFilter): number[] {
    if (!this.index) return [];
    // Degrees that surely cover `metres` (1% margin for the planar approximation).
    const m = metres * 1.01 + 0.01;
    const dLat = m / M_PER_DEG_LAT;
    const cosLat = Math.cos((Math.min(89, Math.abs(lat) + dLat) * Math.PI) / 180);
    const dLon = m / (M_PER_DEG_LAT * cosLat);
    const filter = allow && ((i: number) => allow(this.grounds[i]!.siteId));
    return this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat, filter);
  }
}
