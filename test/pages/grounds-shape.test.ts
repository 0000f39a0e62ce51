import { describe, expect, it } from 'vitest';
import { validateGround } from '../../functions/core/geo/validate';
import { readGroundFile } from '../../functions/http/pages/console/client/grounds-geojson';
import {
  drawable,
  idFromName,
  joinShapes,
  problemPoint,
  type Shape,
  summary,
} from '../../functions/http/pages/console/client/grounds-shape';

/** What the grounds screen reads from a dropped GeoJSON file and works out from a shape. */

const ring = (x: number, y: number, d: number) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const square: Shape = { type: 'Polygon', coordinates: [ring(98.67, 3.59, 0.002)] };
const withHole: Shape = {
  type: 'Polygon',
  coordinates: [ring(98.67, 3.59, 0.002), ring(98.6705, 3.5905, 0.0005)],
};

describe('readGroundFile', () => {
  it('takes a Feature, with the name in its properties', () => {
    const r = readGroundFile(
      JSON.stringify({
        type: 'Feature',
        properties: { name: ' Lapangan Merdeka ' },
        geometry: withHole,
      }),
    );
    expect(r).toEqual({ ok: true, shape: withHole, name: 'Lapangan Merdeka' });
  });

  it('takes a bare Polygon or MultiPolygon, a byte-order mark in front too', () => {
    expect(readGroundFile(`\uFEFF${JSON.stringify(square)}`)).toEqual({ ok: true, shape: square });
    const multi: Shape = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(readGroundFile(JSON.stringify(multi))).toEqual({ ok: true, shape: multi });
  });

  it('joins a FeatureCollection’s polygons into one MultiPolygon ground', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Utara' }, geometry: square },
        { type: 'Feature', properties: {}, geometry: withHole },
      ],
    };
    const r = readGroundFile(JSON.stringify(fc));
    expect(r).toEqual({
      ok: true,
      name: 'Utara',
      shape: { type: 'MultiPolygon', coordinates: [square.coordinates, withHole.coordinates] },
    });
  });

  it('passes a shape on as it is, for the server to judge (a bow tie is still read)', () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    expect(readGroundFile(JSON.stringify(bowtie))).toEqual({ ok: true, shape: bowtie });
  });

  it('says what is wrong with a file that holds no ground', () => {
    expect(readGroundFile('{"type": "Feature",')).toEqual({ ok: false, why: 'json' });
    expect(readGroundFile('{"type":"FeatureCollection","features":[]}')).toEqual({
      ok: false,
      why: 'empty',
    });
    expect(readGroundFile('{"type":"Point","coordinates":[98.6,3.5]}')).toEqual({
      ok: false,
      why: 'type',
      type: 'Point',
    });
    expect(
      readGroundFile(
        JSON.stringify({ type: 'Feature', geometry: { type: 'LineString', coordinates: [] } }),
      ),
    ).toEqual({ ok: false, why: 'type', type: 'LineString' });
    expect(readGroundFile('[1,2]')).toEqual({ ok: false, why: 'type', type: 'array' });
  });
});

describe('shapes', () => {
  it('counts parts, holes and corners', () => {
    expect(summary(withHole)).toEqual({ parts: 1, holes: 1, vertices: 8 });
    expect(summary(joinShapes(withHole, square))).toEqual({ parts: 2, holes: 1, vertices: 12 });
    expect(joinShapes(null, square)).toBe(square);
  });

  it('knows what Leaflet can draw', () => {
    expect(drawable(withHole)).toBe(true);
    expect(drawable({ type: 'Polygon', coordinates: [[[0, 'x']]] })).toBe(false);
    expect(drawable({ type: 'MultiPolygon', coordinates: [] })).toBe(false);
    expect(drawable({ type: 'Point', coordinates: [0, 0] })).toBe(false);
  });

  it('makes an id the API accepts from a name', () => {
    expect(idFromName('Lapangan Merdeka (17 Agustus)')).toBe('lapangan-merdeka-17-agustus');
    expect(idFromName('Halaman Balai Kota — Medan')).toBe('halaman-balai-kota-medan');
    expect(idFromName('Élysée')).toBe('elysee');
    expect(idFromName('***')).toBe('lapangan');
    expect(idFromName('a'.repeat(80))).toHaveLength(64);
  });
});

describe('problemPoint: where the server says the problem is', () => {
  it('the crossing the server found, from its own INVALID_GEOMETRY details', () => {
    const bowtie: Shape = {
      type: 'Polygon',
      coordinates: [
        [
          [98.676, 3.589],
          [98.679, 3.592],
          [98.679, 3.589],
          [98.676, 3.592],
          [98.676, 3.589],
        ],
      ],
    };
    let details: Record<string, unknown> = {};
    try {
      validateGround(bowtie);
    } catch (e) {
      details = (e as { details: Record<string, unknown> }).details;
    }
    expect(details).toMatchObject({ polygon: 0, lon: 98.6775, lat: 3.5905 });
    expect(problemPoint(details, bowtie)).toEqual([98.6775, 3.5905]);
  });

  it('the position, ring or polygon the details name in the shape that was sent', () => {
    const multi = joinShapes(square, withHole);
    expect(problemPoint({ polygon: 1, ring: 1, position: 2 }, multi)).toEqual(
      withHole.coordinates[1]![2],
    );
    expect(problemPoint({ polygon: 1, ring: 1 }, multi)).toEqual(withHole.coordinates[1]![0]);
    expect(problemPoint({ polygon: 5 }, multi)).toBeNull();
    expect(problemPoint({ areaM2: 3 }, multi)).toBeNull();
    expect(problemPoint(undefined, multi)).toBeNull();
  });
});
