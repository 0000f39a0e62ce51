import fc from 'fast-check';
import type { Position } from 'geojson';
import { offset } from '../shapes';
import { Raw } from './json';
import { mutated } from './values';

/** Where grounds are drawn: the demo city, and the places where plane maths goes wrong. */
const centre = fc.oneof(
  { arbitrary: fc.constant([98.6773, 3.5905] as const), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      [179.9999, 0] as const, // the antimeridian
      [-180, -10] as const,
      [0, 89.9999] as const, // a pole
      [10, -90] as const,
      [0, 0] as const,
    ),
    weight: 1,
  },
);

/** A ground's radius: mostly ordinary, sometimes at the area limits (50 m², 10 km²) or nothing. */
const radius = fc.oneof(
  { arbitrary: fc.noBias(fc.integer({ min: 10, max: 1_500 })), weight: 6 },
  fc.constantFrom(0, 1, 4, 5, 1_800, 2_500),
);

/**
 * A ring of radius up to `radiusM` around a centre: star-shaped (hence simple) when its vertices
 * are sorted by angle, self-crossing when they are not; either direction; closed, mostly.
 */
const ring = (lon: number, lat: number, radiusM: number) =>
  fc
    .record({
      // Unbiased: fast-check's default leans to the bounds, which puts every vertex on one line.
      points: fc.array(
        fc.tuple(
          fc.noBias(fc.integer({ min: 0, max: 3599 })).map((d) => (d * Math.PI) / 1800),
          fc.noBias(fc.integer({ min: 50, max: 100 })).map((p) => p / 100),
        ),
        { minLength: 3, maxLength: 40 },
      ),
      sorted: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, fc.constant(false)),
      clockwise: fc.boolean(),
      closed: fc.oneof({ arbitrary: fc.constant(true), weight: 19 }, fc.constant(false)),
    })
    .map((r) => {
      const pts = r.sorted ? [...r.points].sort((a, b) => a[0] - b[0]) : r.points;
      if (r.clockwise) pts.reverse();
      const ring: Position[] = pts.map(([angle, f]) =>
        offset(lon, lat, radiusM * f * Math.cos(angle), radiusM * f * Math.sin(angle)),
      );
      return r.closed && ring[0] ? [...ring, ring[0]] : ring;
    });

/**
 * An outer ring and up to two holes: small and concentric (inside, mostly), or off-centre
 * (crossing the boundary, or outside it).
 */
const polygon = (lon: number, lat: number) =>
  radius.chain((r) =>
    fc
      .tuple(
        ring(lon, lat, r),
        fc.array(
          fc
            .tuple(fc.double({ min: -2 * r, max: 2 * r, noNaN: true }), fc.nat({ max: 3 }))
            .chain(([east, shape]) =>
              shape > 0 ? ring(lon, lat, r * 0.3) : ring(...offset(lon, lat, east, 0), r * 0.3),
            ),
          { maxLength: 2, size: 'xsmall' },
        ),
      )
      .map(([outer, holes]) => [outer, ...holes]),
  );

/** Ways positions get written wrong in real files (two grounds in five). */
const corruption = fc.oneof(
  { arbitrary: fc.constant('none'), weight: 9 },
  {
    arbitrary: fc.constantFrom(
      'lat-lon', // [lat, lon], the classic
      'altitude',
      'strings',
      'infinity',
      'flat', // one level of nesting missing
      'deep', // one level too many
      'dense', // past the vertex limit
    ),
    weight: 6,
  },
);

function corrupt(coords: Position[][][], how: string): unknown {
  const each = (f: (p: Position) => unknown) => coords.map((poly) => poly.map((r) => r.map(f)));
  switch (how) {
    case 'lat-lon':
      return each(([x, y]) => [y, x]);
    case 'altitude':
      return each((p) => [...p, 25]);
    case 'strings':
      return each((p) => p.map(String));
    case 'infinity':
      return each(([, y]) => [new Raw('1e999'), y]);
    case 'flat':
      return coords.map((poly) => poly.flat());
    case 'deep':
      return coords.map((poly) => poly.map((r) => r.map((p) => [p])));
    case 'dense':
      return coords.map((poly) =>
        poly.map((r) => [...Array.from({ length: 2_001 }, () => r[0] as Position), ...r]),
      );
    default:
      return coords;
  }
}

/**
 * A ground as an admin might upload it: a Polygon or MultiPolygon of 1–4 parts, sometimes with
 * its positions written wrong, sometimes not a polygon at all, then changed a little more.
 */
export const groundFeature: fc.Arbitrary<unknown> = fc
  .tuple(
    centre,
    // Parts up to 4 km apart: apart, touching or overlapping.
    fc.array(
      fc.tuple(fc.integer({ min: -4_000, max: 4_000 }), fc.integer({ min: -4_000, max: 4_000 })),
      { minLength: 1, maxLength: 4 },
    ),
    fc.oneof(
      { arbitrary: fc.constantFrom('Polygon', 'MultiPolygon'), weight: 9 },
      fc.constantFrom('Point', 'LineString', 'GeometryCollection', 'polygon'),
    ),
    corruption,
  )
  .chain(([[lon, lat], parts, type, how]) =>
    fc.tuple(...parts.map(([e, n]) => polygon(...offset(lon, lat, e, n)))).map((polys) => {
      const coords = corrupt(polys, how) as unknown[];
      return {
        type: 'Feature',
        geometry: { type, coordinates: type === 'MultiPolygon' ? coords : coords[0] },
        properties: { name: 'Lapangan uji' },
      };
    }),
  )
  .chain((feature) =>
    fc.oneof({ arbitrary: fc.constant(feature), weight: 4 }, mutated(fc.constant(feature), 2)),
  );
