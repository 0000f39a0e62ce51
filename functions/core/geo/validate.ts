import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import type { Polygon, Position } from 'geojson';
import { DomainError } from '../errors';
import type { GroundGeometry } from './ground';

export const MAX_VERTICES = 2_000;
export const MIN_AREA_M2 = 50;
export const MAX_AREA_M2 = 10_000_000;

export class InvalidGeometry extends DomainError {
  constructor(problem: string, details: Record<string, string | number> = {}) {
    super('INVALID_GEOMETRY', problem, { problem, ...details });
  }
}

/**
 * Check an apel ground before it is stored, naming the first problem found: shape, closed rings
 * of at least 4 positions, lon/lat in range (and the common [lat, lon] mix-up), at most 2,000
 * vertices, no self-intersection, holes inside their outer ring, a plausible area.
 */
export function validateGround(geometry: unknown): GroundGeometry {
  if (!isObject(geometry)) throw new InvalidGeometry('geometry must be a GeoJSON object');
  const { type, coordinates } = geometry;
  let polygons: unknown[];
  if (type === 'Polygon') polygons = [coordinates];
  else if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) {
      throw new InvalidGeometry('a MultiPolygon needs at least one polygon');
    }
    if (coordinates.length > 100) throw new InvalidGeometry('at most 100 polygons');
    polygons = coordinates;
  } else {
    throw new InvalidGeometry('geometry type must be Polygon or MultiPolygon', {
      type: String(type),
    });
  }

  let vertices = 0;
  const checked: Position[][][] = polygons.map((poly, p) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      throw new InvalidGeometry('a polygon needs an outer ring', { polygon: p });
    }
    return poly.map((ring, r) => {
      const where = { polygon: p, ring: r };
      if (!Array.isArray(ring) || ring.length < 4) {
        throw new InvalidGeometry(
          'a ring needs at least 4 positions (the first repeated last)',
          where,
        );
      }
      vertices += ring.length;
      if (vertices > MAX_VERTICES) {
        throw new InvalidGeometry(`at most ${MAX_VERTICES} vertices in all`, { max: MAX_VERTICES });
      }
      const positions = ring.map((pos, i) => position(pos, { ...where, position: i }));
      const first = positions[0] as Position;
      const last = positions[positions.length - 1] as Position;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        throw new InvalidGeometry(
          'a ring must be closed: its last position must equal its first',
          where,
        );
      }
      if (new Set(positions.map((q) => `${q[0]},${q[1]}`)).size < 3) {
        throw new InvalidGeometry('a ring needs at least 3 distinct positions', where);
      }
      return positions;
    });
  });

  for (const [p, rings] of checked.entries()) {
    const poly: Polygon = { type: 'Polygon', coordinates: rings };
    const crossing = kinks(poly).features[0]?.geometry.coordinates;
    if (crossing) {
      throw new InvalidGeometry(
        `the boundary crosses itself near [${crossing.map((x) => round6(x)).join(', ')}]`,
        // Where, as numbers too: the console marks the spot on its map.
        { polygon: p, lon: round6(crossing[0] as number), lat: round6(crossing[1] as number) },
      );
    }
    const outer: Polygon = { type: 'Polygon', coordinates: [rings[0] as Position[]] };
    for (let r = 1; r < rings.length; r++) {
      const inside = (rings[r] as Position[]).every((q) => booleanPointInPolygon(q, outer));
      if (!inside) {
        throw new InvalidGeometry('a hole must lie inside its outer ring', { polygon: p, ring: r });
      }
    }
  }

  const result = (
    type === 'Polygon'
      ? { type: 'Polygon', coordinates: checked[0] }
      : { type: 'MultiPolygon', coordinates: checked }
  ) as GroundGeometry;
  const m2 = area(result);
  if (m2 < MIN_AREA_M2 || m2 > MAX_AREA_M2) {
    throw new InvalidGeometry(
      `an area of ${Math.round(m2)} m² is not plausible for an apel ground (${MIN_AREA_M2} m² to ${MAX_AREA_M2 / 1_000_000} km²)`,
      { areaM2: Math.round(m2) },
    );
  }
  return result;
}

function position(value: unknown, where: Record<string, number>): Position {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    value.length > 3 ||
    !value.every((x) => typeof x === 'number' && Number.isFinite(x))
  ) {
    throw new InvalidGeometry('a position must be [longitude, latitude] in numbers', where);
  }
  const [lon, lat] = value as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
      throw new InvalidGeometry(
        `coordinates look like [lat, lon] (${lon}, ${lat}); GeoJSON wants [lon, lat]`,
        where,
      );
    }
    throw new InvalidGeometry('longitude must be within ±180 and latitude within ±90', where);
  }
  return [lon, lat];
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
