import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The shape of a ground as the API keeps it (GeoJSON Polygon or MultiPolygon, holes allowed),
 * and the few things the grounds screen works out from it. Shared by the screen and the map
 * bundle; no DOM, no Leaflet.
 */
export type Shape = Polygon | MultiPolygon;
export type LonLat = readonly [number, number];

/** Each polygon of a shape as its rings: the outer ring first, then its holes. */
export function polygonsOf(s: Shape): Position[][][] {
  return s.type === 'Polygon' ? [s.coordinates] : s.coordinates;
}

/** Two shapes as one: a ground drawn in several parts is a MultiPolygon. */
export function joinShapes(a: Shape | null, b: Shape): Shape {
  if (!a) return b;
  return { type: 'MultiPolygon', coordinates: [...polygonsOf(a), ...polygonsOf(b)] };
}

/** A shape Leaflet can draw: rings of [lon, lat] numbers, nested as the type says. */
export function drawable(s: unknown): s is Shape {
  if (typeof s !== 'object' || s === null) return false;
  const { type, coordinates } = s as { type?: unknown; coordinates?: unknown };
  const ring = (r: unknown) =>
    Array.isArray(r) &&
    r.length >= 3 &&
    r.every(
      (p) =>
        Array.isArray(p) &&
        p.length >= 2 &&
        p.every((x) => typeof x === 'number' && Number.isFinite(x)),
    );
  const poly = (p: unknown) => Array.isArray(p) && p.length > 0 && p.every(ring);
  if (type === 'Polygon') return poly(coordinates);
  if (type === 'MultiPolygon') {
    return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(poly);
  }
  return false;
}

export interface ShapeSummary {
  readonly parts: number;
  readonly holes: number;
  /** Corners, without the closing repeat of the first. */
  readonly vertices: number;
}

export function summary(s: Shape): ShapeSummary {
  const polys = polygonsOf(s);
  let vertices = 0;
  for (const rings of polys) for (const r of rings) vertices += Math.max(0, r.length - 1);
  return {
    parts: polys.length,
    holes: polys.reduce((n, rings) => n + Math.max(0, rings.length - 1), 0),
    vertices,
  };
}

/**
 * Where the server says the problem is, as a point to mark: the crossing it found (`lon`, `lat`),
 * or the position, ring or polygon its details name in the shape that was sent.
 */
export function problemPoint(details: Record<string, unknown> | undefined, sent: Shape | null) {
  if (!details) return null;
  const { lon, lat } = details;
  if (typeof lon === 'number' && typeof lat === 'number') return [lon, lat] as LonLat;
  if (!sent || !drawable(sent)) return null;
  const p = typeof details.polygon === 'number' ? details.polygon : null;
  if (p === null) return null;
  const rings = polygonsOf(sent)[p];
  const ring = rings?.[typeof details.ring === 'number' ? details.ring : 0];
  const at = ring?.[typeof details.position === 'number' ? details.position : 0];
  return at && at.length >= 2 ? ([at[0], at[1]] as LonLat) : null;
}

/** A ground id from its name: lowercase letters, digits and hyphens (the API's pattern). */
export function idFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return base || 'lapangan';
}
