import type { MultiPolygon, Polygon, Position } from 'geojson';

const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;

/** A point `north` and `east` metres from (lon, lat), on Turf's sphere. */
export function offset(lon: number, lat: number, east: number, north: number): [number, number] {
  return [lon + east / (M_PER_DEG * Math.cos((lat * Math.PI) / 180)), lat + north / M_PER_DEG];
}

/** A closed ring of `n` vertices on a circle of `radiusM` around (lon, lat), counter-clockwise. */
export function circleRing(lon: number, lat: number, radiusM: number, n: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push(offset(lon, lat, radiusM * Math.cos(a), radiusM * Math.sin(a)));
  }
  ring.push(ring[0] as Position);
  return ring;
}

/** An axis-aligned square of side `sideM` centred on (lon, lat), optionally with a square hole. */
export function square(lon: number, lat: number, sideM: number, holeM = 0): Polygon {
  const ring = (s: number, ccw: boolean): Position[] => {
    const h = s / 2;
    const corners = [
      offset(lon, lat, -h, -h),
      offset(lon, lat, h, -h),
      offset(lon, lat, h, h),
      offset(lon, lat, -h, h),
    ];
    const r = ccw ? corners : corners.reverse();
    return [...r, r[0] as Position];
  };
  return {
    type: 'Polygon',
    coordinates: holeM > 0 ? [ring(sideM, true), ring(holeM, false)] : [ring(sideM, true)],
  };
}

export function multi(...polygons: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

/** A deterministic PRNG (mulberry32) so that random cases repeat. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
