import { describe, expect, it } from 'vitest';
import { AccuracyTooLow, OutsideGeofence } from '../../../functions/core/checkin-errors';
import { Geofence } from '../../../functions/core/geo/geofence';
import { CompiledGround } from '../../../functions/core/geo/ground';
import { judgeLocation } from '../../../functions/core/geo/location';
import { multi, offset, square } from '../../support/shapes';

const LON = 98.6773;
const LAT = 3.5905;
const T = { maxAccuracyM: 50, edgeToleranceM: 10 };
// A 200 m square with a 60 m hole (a fountain) in the middle.
const fence = new Geofence([new CompiledGround('yard', square(LON, LAT, 200, 60))]);

function at(east: number, north: number, accuracyM = 5) {
  const [lon, lat] = offset(LON, LAT, east, north);
  return { lon, lat, accuracyM };
}

describe('judgeLocation', () => {
  it('accepts a fix well inside, without flags', () => {
    const v = judgeLocation(fence, at(60, 0), T);
    expect(v).toMatchObject({ siteId: 'yard', flags: [] });
    expect(v?.distanceToEdgeM).toBeCloseTo(30, 0);
  });

  it('flags near_edge when the edge is closer than the accuracy', () => {
    expect(judgeLocation(fence, at(95, 0, 8), T)?.flags).toEqual(['near_edge']);
  });

  it('accepts a fix outside by no more than the tolerance, flagged', () => {
    const v = judgeLocation(fence, at(108, 0), T);
    expect(v?.flags).toEqual(['near_edge', 'outside_edge']);
    expect(v?.distanceToEdgeM).toBeCloseTo(8, 0);
  });

  it('rejects a fix beyond the tolerance with the distance', () => {
    try {
      judgeLocation(fence, at(400, 0), T);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OutsideGeofence);
      expect((e as OutsideGeofence).details).toMatchObject({ siteId: 'yard', edgeToleranceM: 10 });
      expect((e as OutsideGeofence).details.distanceM).toBeCloseTo(300, 0);
    }
  });

  it('rejects a fix in the hole when the hole edge is beyond the tolerance', () => {
    expect(() => judgeLocation(fence, at(0, 0), T)).toThrow(OutsideGeofence);
  });

  it('rejects poor accuracy before looking at the ground', () => {
    expect(() => judgeLocation(fence, at(60, 0, 51), T)).toThrow(AccuracyTooLow);
    expect(judgeLocation(fence, at(60, 0, 50), T)).not.toBeNull();
  });

  it('accepts inside any ground of a MultiPolygon and any of several grounds', () => {
    const east = offset(LON, LAT, 1_000, 0);
    const mp = new Geofence([
      new CompiledGround('mp', multi(square(LON, LAT, 50), square(east[0], east[1], 50))),
    ]);
    expect(judgeLocation(mp, at(1_000, 0), T)?.siteId).toBe('mp');
    const two = new Geofence([
      new CompiledGround('a', square(LON, LAT, 50)),
      new CompiledGround('b', square(east[0], east[1], 50)),
    ]);
    expect(judgeLocation(two, at(1_000, 10), T)?.siteId).toBe('b');
    expect(judgeLocation(two, at(0, 10), T)?.siteId).toBe('a');
  });

  it('returns null when no ground is allowed', () => {
    expect(judgeLocation(new Geofence([]), at(0, 0), T)).toBeNull();
  });
});
