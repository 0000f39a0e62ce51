import { area } from '@turf/area';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../functions/core/errors';
import { Geofence } from '../../functions/core/geo/geofence';
import { CompiledGround, type GroundGeometry } from '../../functions/core/geo/ground';
import { judgeLocation } from '../../functions/core/geo/location';
import { MAX_AREA_M2, MAX_VERTICES, MIN_AREA_M2 } from '../../functions/core/geo/validate';
import { DEFAULT_SETTINGS } from '../../functions/core/settings';
import { testRuntime } from '../support/app';
import { groundFeature } from '../support/fuzz/geometry';
import { serialize } from '../support/fuzz/json';
import { expectErrorBody, FUZZ_RUNS, fuzzParams, fuzzTimeout } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 5 });
afterAll(() => rt.close());

/** What the validator promises of every ground it lets through. */
function expectPlausibleGround(g: GroundGeometry) {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let vertices = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      vertices += ring.length;
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const p of ring) {
        expect(p).toHaveLength(2);
        const [lon, lat] = p as [number, number];
        expect(Math.abs(lon) <= 180 && Math.abs(lat) <= 90).toBe(true);
      }
    }
  }
  expect(vertices).toBeLessThanOrEqual(MAX_VERTICES);
  const m2 = area(g);
  expect(m2).toBeGreaterThanOrEqual(MIN_AREA_M2);
  expect(m2).toBeLessThanOrEqual(MAX_AREA_M2);
}

/** A stored ground must serve check-ins: compiling it and judging fixes near it never throws. */
function expectUsable(siteId: string, g: GroundGeometry) {
  const fence = new Geofence([new CompiledGround(siteId, g)]);
  const first = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0])?.[0] as Position;
  const [lon, lat] = first as [number, number];
  for (const [dLon, dLat] of [
    [0, 0],
    [0.0001, 0.0001],
    [-0.01, 0.02],
  ] as const) {
    try {
      const v = judgeLocation(
        fence,
        { lon: lon + dLon, lat: lat + dLat, accuracyM: 10 },
        DEFAULT_SETTINGS,
      );
      expect(v?.siteId).toBe(siteId);
      expect(Number.isFinite(v?.distanceToEdgeM)).toBe(true);
    } catch (e) {
      expect(e, String(e)).toBeInstanceOf(DomainError);
      expect(Number.isFinite((e as DomainError).details.distanceM)).toBe(true);
    }
  }
}

describe('fuzzing ground geometry (PUT /v1/sites/{id})', () => {
  it(
    `${FUZZ_RUNS} grounds: a 400 naming the problem, or a ground that is plausible and usable`,
    async () => {
      const admin = `Bearer ${await rt.token('bkd-admin', true)}`;
      let n = 0;
      const seen = { accepted: 0, invalid: 0 };
      await fc.assert(
        fc.asyncProperty(groundFeature, async (feature) => {
          const siteId = `fuzz-${n++}`;
          const res = await rt.app.request(`/v1/sites/${siteId}`, {
            method: 'PUT',
            headers: { authorization: admin, 'content-type': 'application/json' },
            body: serialize(feature),
          });
          const text = await res.text();
          const a = { status: res.status, headers: res.headers, text, json: JSON.parse(text) };
          expect(a.status, text.slice(0, 300)).toBeLessThan(500);
          if (a.status >= 400) {
            expectErrorBody(a);
            expect(['INVALID_GEOMETRY', 'VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']).toContain(
              a.json.error.code,
            );
            if (a.json.error.code === 'INVALID_GEOMETRY') seen.invalid++;
            return;
          }
          expect(a.status).toBe(201);
          seen.accepted++;
          const stored = a.json.geometry as GroundGeometry;
          expectPlausibleGround(stored);
          expectUsable(siteId, stored);
          const back = await rt.app.request(`/v1/sites/${siteId}`, {
            headers: { authorization: admin },
          });
          expect((await back.json()).geometry).toEqual(stored);
        }),
        fuzzParams(),
      );
      // The generator must reach both sides of the validator, or it tests nothing.
      expect(seen.accepted).toBeGreaterThanOrEqual(Math.floor(FUZZ_RUNS / 20));
      expect(seen.invalid).toBeGreaterThanOrEqual(Math.floor(FUZZ_RUNS / 4));
    },
    fuzzTimeout(),
  );
});
