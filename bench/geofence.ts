import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Position } from 'geojson';
import { Geofence } from '../functions/core/geo/geofence';
import { CompiledGround, type GroundGeometry } from '../functions/core/geo/ground';
import { type Fix, judgeLocation } from '../functions/core/geo/location';
import { DEFAULT_SETTINGS } from '../functions/core/settings';
import { circleRing, offset, prng } from '../test/support/shapes';
import { measure, median, SMOKE } from './harness';
import { duration, ms, ratio, type Section, verdict } from './output';

const LON = 98.6773;
const LAT = 3.5905;
const RADIUS_M = 100;
const ACCURACY_M = 8;
const POOL = 1024;
const SIZES = SMOKE ? [5, 100] : [5, 100, 1_000];
const MANY = SMOKE ? 200 : 10_000;
/** Vertices of each of the many grounds: the demo ground (a yard) has five. */
const MANY_VERTICES = 5;
const GRID_SPACING_M = 1_000;
const GOAL_DECISION_NS = 2_000;
const GOAL_INDEX_RATIO = 100;

type Kind = 'inside' | 'near' | 'outside';

/** A point of the given kind relative to one circle-like ground centred on (lon, lat). */
function pointNear(ring: Position[], lon: number, lat: number, kind: Kind, rnd: () => number) {
  const a = rnd() * 2 * Math.PI;
  if (kind === 'inside') {
    // Within 70 % of the radius: inside every ring of ≥ 5 vertices, clear of the edge.
    const r = rnd() * 0.7 * RADIUS_M;
    return offset(lon, lat, r * Math.cos(a), r * Math.sin(a));
  }
  if (kind === 'outside') {
    const r = RADIUS_M * (1.5 + rnd() * 2.5);
    return offset(lon, lat, r * Math.cos(a), r * Math.sin(a));
  }
  // Near: a point on the ring's boundary moved up to 8 m in or out, along the radius.
  const i = Math.floor(rnd() * (ring.length - 1));
  const [x0 = 0, y0 = 0] = ring[i]!;
  const [x1 = 0, y1 = 0] = ring[i + 1]!;
  const t = rnd();
  const bx = x0 + t * (x1 - x0);
  const by = y0 + t * (y1 - y0);
  const kx = (Math.PI / 180) * 6_371_008.8 * Math.cos((lat * Math.PI) / 180);
  const ky = (Math.PI / 180) * 6_371_008.8;
  const dx = (bx - lon) * kx;
  const dy = (by - lat) * ky;
  const len = Math.hypot(dx, dy);
  const shift = (rnd() * 2 - 1) * 8;
  return offset(bx, by, (dx / len) * shift, (dy / len) * shift);
}

/** One decision as the check-in makes it; a refusal is a thrown error, part of the cost. */
function decide(fence: Geofence, fix: Fix): unknown {
  try {
    return judgeLocation(fence, fix, DEFAULT_SETTINGS);
  } catch (e) {
    return e;
  }
}

/** What a naive implementation does: Turf's inside test and distance over every ground. */
function naivePlace(grounds: readonly { siteId: string; geometry: GroundGeometry }[], p: Position) {
  let best: { siteId: string; inside: boolean; d: number } | null = null;
  for (const g of grounds) {
    const inside = booleanPointInPolygon(p, g.geometry);
    const d = Math.abs(pointToPolygonDistance(p, g.geometry, { units: 'meters' }));
    if (
      !best ||
      (inside && (!best.inside || d > best.d)) ||
      (!inside && !best.inside && d < best.d)
    ) {
      best = { siteId: g.siteId, inside, d };
    }
  }
  return best;
}

const fixOf = ([lon = 0, lat = 0]: Position): Fix => ({ lon, lat, accuracyM: ACCURACY_M });

async function singleGround(): Promise<Section> {
  const rows: string[][] = [];
  for (const n of SIZES) {
    const ring = circleRing(LON, LAT, RADIUS_M, n);
    const geometry: GroundGeometry = { type: 'Polygon', coordinates: [ring] };
    const fence = new Geofence([new CompiledGround('g', geometry)]);
    const rnd = prng(n);
    const pool = (k: Kind) => Array.from({ length: POOL }, () => pointNear(ring, LON, LAT, k, rnd));
    const pools: Record<Kind, Position[]> = {
      inside: pool('inside'),
      near: pool('near'),
      outside: pool('outside'),
    };
    const mixed = Array.from({ length: POOL }, (_, i) => pools.near[i]!);
    for (let i = 0; i < POOL; i += 3) {
      mixed[i] = pools.inside[i]!;
      if (i + 1 < POOL) mixed[i + 1] = pools.outside[i + 1]!;
    }
    const fixes = (ps: Position[]) => ps.map(fixOf);
    const f = { inside: fixes(pools.inside), near: fixes(pools.near), out: fixes(pools.outside) };
    const r = await measure({
      inside: (i) => decide(fence, f.inside[i & (POOL - 1)]!),
      near: (i) => decide(fence, f.near[i & (POOL - 1)]!),
      outside: (i) => decide(fence, f.out[i & (POOL - 1)]!),
      // The same refusals without the thrown error: what the geometry alone costs.
      placeOnly: (i) => {
        const x = f.out[i & (POOL - 1)]!;
        return fence.place(x.lon, x.lat, Math.max(x.accuracyM, DEFAULT_SETTINGS.edgeToleranceM));
      },
      turf: (i) => naivePlace([{ siteId: 'g', geometry }], mixed[i & (POOL - 1)]!),
    });
    const [inside, near, outside, placeOnly, turf] = r.map((x) => x.ns) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const worst = Math.max(inside, near, outside);
    const mean = (inside + near + outside) / 3;
    rows.push([
      String(n),
      duration(inside),
      duration(near),
      duration(outside),
      duration(placeOnly),
      duration(turf),
      ratio(turf / mean),
      n === 100
        ? `≤ 2 µs: accepted ${verdict(Math.max(inside, near) <= GOAL_DECISION_NS)}, refused ${verdict(worst <= GOAL_DECISION_NS)}`
        : '',
    ]);
  }
  return {
    title: 'Geofence: one decision (`judgeLocation`) on one ground',
    columns: [
      'vertices',
      'inside',
      'near the edge (±8 m)',
      'outside (150–400 m, refused)',
      'outside: placement alone, no error',
      'Turf: inside test + distance',
      'Turf ÷ ours (mean)',
      'goal',
    ],
    rows,
    notes: [
      `A ring of N vertices around a ${RADIUS_M} m circle at ${LAT} N ${LON} E; accuracy ${ACCURACY_M} m, default settings (max accuracy 50 m, tolerance 10 m). ${POOL} random points per kind, cycled.`,
      'A refusal (OUTSIDE_GEOFENCE) is a thrown error: its construction, with the stack trace V8 captures for every Error, is part of the decision; "placement alone" is `Geofence.place` for the same points. "Near" points are accepted, some flagged.',
      'Turf column: `booleanPointInPolygon` + `@turf/point-to-polygon-distance` (geodesic, metres) on the same ground, over a mix of the three kinds.',
    ],
  };
}

async function manyGrounds(): Promise<Section> {
  const side = Math.ceil(Math.sqrt(MANY));
  const rnd = prng(42);
  const centres: [number, number][] = [];
  const grounds: { siteId: string; geometry: GroundGeometry; ring: Position[] }[] = [];
  for (let k = 0; k < MANY; k++) {
    const [lon, lat] = offset(
      LON,
      LAT,
      (k % side) * GRID_SPACING_M,
      Math.floor(k / side) * GRID_SPACING_M,
    );
    const ring = circleRing(lon, lat, RADIUS_M * (0.6 + rnd() * 0.8), MANY_VERTICES);
    centres.push([lon, lat]);
    grounds.push({ siteId: `site-${k}`, geometry: { type: 'Polygon', coordinates: [ring] }, ring });
  }
  const builds: number[] = [];
  let fence: Geofence | null = null;
  for (let i = 0; i < (SMOKE ? 1 : 5); i++) {
    const t = performance.now();
    fence = new Geofence(grounds.map((g) => new CompiledGround(g.siteId, g.geometry)));
    builds.push(performance.now() - t);
  }
  const kinds: Kind[] = ['inside', 'near', 'outside'];
  const points = Array.from({ length: POOL }, (_, i) => {
    const k = Math.floor(rnd() * MANY);
    const [lon, lat] = centres[k]!;
    return pointNear(grounds[k]!.ring, lon, lat, kinds[i % 3]!, rnd);
  });
  const fixes = points.map(fixOf);
  const f = fence!;
  const r = await measure({
    index: (i) => decide(f, fixes[i & (POOL - 1)]!),
    loop: (i) => naivePlace(grounds, points[i & (POOL - 1)]!),
  });
  const [index, loop] = r.map((x) => x.ns) as [number, number];
  return {
    title: `Geofence: ${MANY.toLocaleString('en-US')} grounds, indexed lookup against a loop over Turf`,
    columns: [
      'grounds',
      'indexed (`Geofence` + `judgeLocation`)',
      'loop over Turf',
      'loop ÷ index',
      'goal',
      'index build (once per instance)',
    ],
    rows: [
      [
        MANY.toLocaleString('en-US'),
        duration(index),
        duration(loop),
        ratio(loop / index),
        `≥ ${GOAL_INDEX_RATIO}×: ${verdict(loop / index >= GOAL_INDEX_RATIO)}`,
        ms(median(builds)),
      ],
    ],
    notes: [
      `${MANY_VERTICES}-vertex grounds (radius 60–140 m) on a ${GRID_SPACING_M} m grid; points a mix of inside, near the edge and 150–400 m outside a random ground. All grounds allowed.`,
      'The loop calls `booleanPointInPolygon` and `@turf/point-to-polygon-distance` for every ground and keeps the best placement, as a naive implementation would.',
      'Index build: compiling every ground and packing the flatbush R-tree, paid once per Lambda instance and grounds revision.',
    ],
  };
}

export async function geofenceBench(): Promise<Section[]> {
  return [await singleGround(), await manyGrounds()];
}
