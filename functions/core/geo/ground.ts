import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Turf's mean Earth radius, so that our distances agree with Turf's own. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
/** Metres per degree of latitude on Turf's sphere. */
export const M_PER_DEG_LAT = RAD * EARTH_RADIUS_M;

export type GroundGeometry = Polygon | MultiPolygon;

/**
 * An apel ground prepared for repeated decisions: Turf answers "inside?", and the distance to the
 * edge is computed here, in metres in a local equirectangular frame around the ground, because
 * Turf's geodesic point-to-polygon distance costs three orders of magnitude more
 * (~21 µs against 0.2 µs for 5 vertices; docs/architecture.md). Tests hold this distance to
 * Turf's within a small tolerance.
 */
export class CompiledGround {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
  private readonly lon0: number;
  private readonly lat0: number;
  /** Each ring as [dLon, dLat, dLon, dLat, …] in degrees from (lon0, lat0), closed. */
  private readonly rings: Float64Array[];
  /** Per ring: min dLon, min dLat, max dLon, max dLat. */
  private readonly ringBoxes: Float64Array;

  constructor(
    readonly siteId: string,
    readonly geometry: GroundGeometry,
  ) {
    const polygons: Position[][][] =
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (const polygon of polygons) {
      for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
    if (!Number.isFinite(minLon)) throw new Error(`ground ${siteId} has no coordinates`);
    this.minLon = minLon;
    this.minLat = minLat;
    this.maxLon = maxLon;
    this.maxLat = maxLat;
    this.lon0 = (minLon + maxLon) / 2;
    this.lat0 = (minLat + maxLat) / 2;

    const rings = polygons.flat();
    this.rings = [];
    this.ringBoxes = new Float64Array(rings.length * 4);
    rings.forEach((ring, r) => {
      const xy = new Float64Array(ring.length * 2);
      let bx0 = Infinity;
      let by0 = Infinity;
      let bx1 = -Infinity;
      let by1 = -Infinity;
      ring.forEach(([lon = 0, lat = 0], i) => {
        const x = lon - this.lon0;
        const y = lat - this.lat0;
        xy[i * 2] = x;
        xy[i * 2 + 1] = y;
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
      });
      this.rings.push(xy);
      this.ringBoxes.set([bx0, by0, bx1, by1], r * 4);
    });
  }

  /** Whether the point lies inside or on the boundary (holes excluded). */
  contains(lon: number, lat: number): boolean {
    if (lon < this.minLon || lon > this.maxLon || lat < this.minLat || lat > this.maxLat) {
      return false;
    }
    return booleanPointInPolygon([lon, lat], this.geometry);
  }

  /** Metres from the point to the nearest edge of any ring (outer boundary or hole). */
  distanceToEdgeM(lon: number, lat: number): number {
    // Scale longitude at the mean latitude of the point and the ground: exact enough near the
    // ground, and still within a fraction of a percent tens of kilometres away.
    const kx = M_PER_DEG_LAT * Math.cos(((this.lat0 + lat) / 2) * RAD);
    const ky = M_PER_DEG_LAT;
    const px = (lon - this.lon0) * kx;
    const py = (lat - this.lat0) * ky;
    let best = Infinity;
    const boxes = this.ringBoxes;
    for (let r = 0; r < this.rings.length; r++) {
      // Skip a ring whose bounding box is already farther than the best edge found.
      const ox = Math.max(boxes[r * 4]! * kx - px, px - boxes[r * 4 + 2]! * kx, 0);
      const oy = Math.max(boxes[r * 4 + 1]! * ky - py, py - boxes[r * 4 + 3]! * ky, 0);
      if (ox * ox + oy * oy >= best) continue;
      const xy = this.rings[r]!;
      let ax = xy[0]! * kx;
      let ay = xy[1]! * ky;
      for (let i = 2; i < xy.length; i += 2) {
        const bx = xy[i]! * kx;
        const by = xy[i + 1]! * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
        t = Math.min(1, Math.max(0, t));
        const ex = ax + t * dx - px;
        const ey = ay + t * dy - py;
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
        ax = bx;
        ay = by;
      }
    }
    return Math.sqrt(best);
  }
}
