import { beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config';
import { synthApel } from './synth';

// One synth, without bundling: a deployment with the city's own map tiles.
let s: ReturnType<typeof synthApel>;
const TILE_URL = 'https://{s}.peta.pemkomedan.go.id/tiles/{z}/{x}/{y}.png';
beforeAll(() => {
  s = synthApel({ tileUrl: TILE_URL, tileAttribution: '© Pemko Medan, OpenStreetMap' }, false);
});

const apiEnv = (template: ReturnType<typeof synthApel>['template']) => {
  const [f] = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([id]) =>
    id.startsWith('ApiFunction'),
  );
  return f?.[1].Properties.Environment.Variables as Record<string, unknown>;
};

describe('-c tileUrl: the console map’s tiles', () => {
  it('reach the API function as TILE_URL and TILE_ATTRIBUTION', () => {
    expect(apiEnv(s.template)).toMatchObject({
      TILE_URL: TILE_URL,
      TILE_ATTRIBUTION: '© Pemko Medan, OpenStreetMap',
    });
  });

  it('a URL template without {z}/{x}/{y}, or not http(s), stops synth naming the key', () => {
    const from = (c: Record<string, unknown>) => readConfig((k) => c[k]);
    expect(() => from({ tileUrl: 'https://peta.example.org/tile.png' })).toThrow(
      /-c tileUrl: must contain \{z\}, \{x\} and \{y\}/,
    );
    expect(() => from({ tileUrl: 'file:///tiles/{z}/{x}/{y}.png' })).toThrow(/-c tileUrl/);
    expect(from({}).tileUrl).toBeUndefined();
  });
});
