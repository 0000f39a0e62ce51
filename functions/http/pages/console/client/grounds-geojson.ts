import { joinShapes, type Shape } from './grounds-shape';

/**
 * A GeoJSON file an admin drops on the grounds screen: a Feature, a FeatureCollection (its
 * polygons become one ground, a MultiPolygon when there are several) or a bare Polygon /
 * MultiPolygon. Only the outline is read here; whether it is a valid ground is the server's
 * call (INVALID_GEOMETRY, shown on the map), so the console never judges a shape differently.
 */
export type FileRead =
  | { readonly ok: true; readonly shape: Shape; readonly name?: string }
  | { readonly ok: false; readonly why: 'json' | 'empty' | 'type'; readonly type?: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function shapeOf(g: unknown): Shape | { bad: string } {
  if (!isRecord(g)) return { bad: 'null' };
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return g as unknown as Shape;
  return { bad: String(g.type) };
}

function nameOf(f: unknown): string | undefined {
  const n = isRecord(f) && isRecord(f.properties) ? f.properties.name : undefined;
  return typeof n === 'string' && n.trim() ? n.trim() : undefined;
}

export function readGroundFile(text: string): FileRead {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, why: 'json' };
  }
  if (!isRecord(doc))
    return { ok: false, why: 'type', type: Array.isArray(doc) ? 'array' : typeof doc };
  const features =
    doc.type === 'FeatureCollection'
      ? Array.isArray(doc.features)
        ? doc.features
        : []
      : doc.type === 'Feature'
        ? [doc]
        : null;
  if (features === null) {
    const s = shapeOf(doc);
    return 'bad' in s ? { ok: false, why: 'type', type: s.bad } : { ok: true, shape: s };
  }
  if (features.length === 0) return { ok: false, why: 'empty' };
  let shape: Shape | null = null;
  for (const f of features) {
    const s = shapeOf(isRecord(f) ? f.geometry : null);
    if ('bad' in s) return { ok: false, why: 'type', type: s.bad };
    if (features.length === 1) return withName({ ok: true, shape: s }, features[0]);
    // Joining needs the parts as lists; what is inside them is still the server's to judge.
    if (!Array.isArray(s.coordinates)) return { ok: false, why: 'type', type: s.type };
    shape = joinShapes(shape, s);
  }
  return withName({ ok: true, shape: shape as Shape }, features[0]);
}

function withName(r: { ok: true; shape: Shape }, feature: unknown): FileRead {
  const name = nameOf(feature);
  return name ? { ...r, name } : r;
}
