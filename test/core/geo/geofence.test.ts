import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { describe, expect, it } from 'vitest';
import { Geofence } from '../../../functions/core/geo/geofence';
import { CompiledGround, type GroundGeometry } from '../../../functions/core/geo/ground';
import { circleRing, multi, offset, prng, square } from '../../support/shapes';

const LON = 98.6773;
const LAT = 3.5905;

/** Turf's own geodesic distance to the nearest edge, in metres (the oracle). */
function turfEdgeM(geometry: GroundGeometry, p: [number, number]): number {
  return Math.abs(pointToPolygonDistance(p, geometry, { units: 'meters' }));
}

describe('CompiledGround', () => {
  const withHole = square(LON, LAT, 200, 80);
  const g = new CompiledGround('hole', withHole);

  it('treats the hole as outside and the ring between as inside', () => {
    expect(g.contains(LON, LAT)).toBe(false);
    const [lon, lat] = offset(LON, LAT, 70, 0);
    expect(g.contains(lon, lat)).toBe(true);
    const [olon, olat] = offset(LON, LAT, 130, 0);
    expect(g.contains(olon, olat)).toBe(false);
  });

  it('measures the distance to the hole edge from inside the hole', () => {
    expect(g.distanceToEdgeM(LON, LAT)).toBeCloseTo(40, 0);
  });

  it('counts a point on the edge as inside, at distance 0', () => {
    const [lon, lat] = offset(LON, LAT, 0, -100);
    expect(g.contains(lon, lat)).toBe(true);
    expect(g.distanceToEdgeM(lon, lat)).toBeLessThan(0.01);
  });

  it('agrees with Turf on inside and on distance, for random points around many shapes', () => {
    const rand = prng(42);
    const shapes: GroundGeometry[] = [
      withHole,
      { type: 'Polygon', coordinates: [circleRing(LON, LAT, 100, 5)] },
      { type: 'Polygon', coordinates: [circleRing(LON, LAT, 100, 100)] },
      { type: 'Polygon', coordinates: [circleRing(LON, LAT, 300, 1000)] },
      multi(square(LON, LAT, 50), square(...offset(LON, LAT, 400, 0), 120, 30)),
      // Far from the equator the longitude scale matters.
      { type: 'Polygon', coordinates: [circleRing(20, 60, 150, 37)] },
    ];
    let checked = 0;
    for (const shape of shapes) {
      const c = new CompiledGround('s', shape);
      const [cLon, cLat] = [(c.minLon + c.maxLon) / 2, (c.minLat + c.maxLat) / 2];
      for (let i = 0; i < 300; i++) {
        const r = 2_000 * rand() ** 2;
        const a = 2 * Math.PI * rand();
        const p = offset(cLon, cLat, r * Math.cos(a), r * Math.sin(a));
        expect(c.contains(...p)).toBe(booleanPointInPolygon(p, shape));
        const expected = turfEdgeM(shape, p);
        // Within 0.5% or 0.5 m of Turf's geodesic figure, whichever is larger.
        expect(Math.abs(c.distanceToEdgeM(...p) - expected)).toBeLessThanOrEqual(
          Math.max(0.5, expected * 0.005),
        );
        checked++;
      }
    }
    expect(checked).toBe(1_800);
  });
});

describe('Geofence', () => {
  it('places a point inside the ground with the widest margin when grounds overlap', () => {
    const big = new CompiledGround('big', square(LON, LAT, 400));
    const small = new CompiledGround('small', square(LON, LAT, 40));
    const p = new Geofence([small, big]).place(LON, LAT, 10);
    expect(p).toMatchObject({ siteId: 'big', inside: true });
    expect(p?.distanceToEdgeM).toBeCloseTo(200, 0);
  });

  it('finds the nearest ground far away, and honours the allowed set', () => {
    const a = new CompiledGround('a', square(...offset(LON, LAT, 1_000, 0), 100));
    const b = new CompiledGround('b', square(...offset(LON, LAT, -3_000, 0), 100));
    const fence = new Geofence([a, b]);
    expect(fence.place(LON, LAT, 10)).toMatchObject({ siteId: 'a', inside: false });
    expect(fence.place(LON, LAT, 10)?.distanceToEdgeM).toBeCloseTo(950, -1);
    const onlyB = fence.place(LON, LAT, 10, (id) => id === 'b');
    expect(onlyB).toMatchObject({ siteId: 'b', inside: false });
    expect(onlyB?.distanceToEdgeM).toBeCloseTo(2_950, -1);
    expect(fence.place(LON, LAT, 10, () => false)).toBeNull();
  });

  it('is empty-safe', () => {
    expect(new Geofence([]).place(LON, LAT, 10)).toBeNull();
  });

  it('gives the same answer through the index as a brute-force loop over 10,000 grounds', () => {
    const rand = prng(7);
    const grounds: CompiledGround[] = [];
    for (let i = 0; i < 10_000; i++) {
      const c = offset(110, -2, (rand() - 0.5) * 1_500_000, (rand() - 0.5) * 1_000_000);
      grounds.push(
        new CompiledGround(`g${i}`, {
          type: 'Polygon',
          coordinates: [circleRing(c[0], c[1], 50 + rand() * 300, 8)],
        }),
      );
    }
    const fence = new Geofence(grounds);
    for (let i = 0; i < 200; i++) {
      // Half the probes sit inside a ground, half anywhere.
      const g = grounds[Math.floor(rand() * grounds.length)] as CompiledGround;
      const p: [number, number] =
        i % 2 === 0
          ? [(g.minLon + g.maxLon) / 2, (g.minLat + g.maxLat) / 2]
          : offset(110, -2, (rand() - 0.5) * 1_500_000, (rand() - 0.5) * 1_000_000);
      const got = fence.place(p[0], p[1], 20);
      let best = { d: Infinity, inside: false, id: '' };
      for (const x of grounds) {
        const inside = x.contains(...p);
        const d = x.distanceToEdgeM(...p);
        if (inside && (!best.inside || d > best.d)) best = { d, inside, id: x.siteId };
        else if (!inside && !best.inside && d < best.d) best = { d, inside, id: x.siteId };
      }
      expect(got?.siteId).toBe(best.id);
      expect(got?.inside).toBe(best.inside);
      expect(got?.distanceToEdgeM).toBeCloseTo(best.d, 6);
    }
  });
});
