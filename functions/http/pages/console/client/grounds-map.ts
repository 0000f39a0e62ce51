import type { Feature } from 'geojson';
import L from 'leaflet';
// After Leaflet, which sets window.L on load: geoman extends that global (its build imports nothing).
import '@geoman-io/leaflet-geoman-free';
import { drawable, joinShapes, type LonLat, type Shape } from './grounds-shape';

/**
 * The grounds screen's map, a bundle of its own (grounds-map.js, loaded only on that screen):
 * Leaflet draws every ground, and leaflet-geoman draws, edits and cuts (holes) the one being
 * edited. The screen (grounds.ts) owns the data; this module only shows it and reports what the
 * admin did to the shape. Leaflet (imported first) sets `window.L`, which geoman extends.
 */

export interface MapGround {
  readonly id: string;
  readonly name: string;
  readonly shape: Shape | null;
}

export interface GroundsMapOptions {
  readonly tiles: { readonly tileUrl: string; readonly attribution: string };
  readonly lang: 'id' | 'en';
  /** The shape being edited changed on the map (drawn, vertices moved, a hole cut). */
  readonly onShape: (shape: Shape | null) => void;
  /** Another ground was clicked. */
  readonly onPick: (id: string) => void;
  /** The base map answered ('ok') or no tile came at all ('failed'). */
  readonly onTiles: (state: 'ok' | 'failed') => void;
  /** Drawing or cutting ended (finished or cancelled). */
  readonly onIdle: () => void;
}

export type Tool = 'draw' | 'cut' | 'edit' | null;

export interface GroundsMap {
  /** The other grounds, and the one being edited (`editing`, null for none) with its shape. */
  show(grounds: readonly MapGround[], editing: string | null, shape: Shape | null): void;
  use(tool: Tool): void;
  /** A point the server named as the problem, or none. */
  mark(at: LonLat | null, label: string): void;
  fit(): void;
  /** geoman's own hints while drawing ("Klik marker pertama untuk mengakhiri"). */
  setLang(lang: 'id' | 'en'): void;
  destroy(): void;
}

// Medan city hall's yard: where a deployment without grounds starts.
const START: L.LatLngExpression = [3.5905, 98.6773];
const EDITING: L.PathOptions = { color: '#0b5a34', weight: 3, fillOpacity: 0.25 };
const OTHER: L.PathOptions = { color: '#55606b', weight: 2, fillOpacity: 0.08, dashArray: '4 4' };

// Vertex handles are mouse and touch targets; as keyboard "buttons" without a name they would
// mislead a screen reader (the GeoJSON upload is the keyboard's way to give a shape).
L.Marker.mergeOptions({ keyboard: false });

function layerShape(layer: L.Layer): Shape | null {
  const f = (layer as L.Polygon).toGeoJSON(7) as Feature;
  const g = f.geometry;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null;
}

export function createGroundsMap(el: HTMLElement, o: GroundsMapOptions): GroundsMap {
  const map = L.map(el, { center: START, zoom: 17, zoomControl: true });
  map.pm.setLang(o.lang);
  map.pm.setGlobalOptions({ snappable: true, allowSelfIntersection: true, pathOptions: EDITING });

  let loaded = false;
  let failed = false;
  L.tileLayer(o.tiles.tileUrl, { attribution: o.tiles.attribution, maxZoom: 19 })
    .on('tileload', () => {
      if (!loaded) o.onTiles('ok');
      loaded = true;
    })
    .on('tileerror', () => {
      if (!loaded && !failed) o.onTiles('failed');
      failed = true;
    })
    .addTo(map);

  const others = L.layerGroup().addTo(map);
  let editing: L.Polygon | null = null;
  let lastShape: Shape | null = null;
  let problem: L.CircleMarker | null = null;
  let tool: Tool = null;
  let fitted = false;

  function setEditing(shape: Shape | null) {
    if (editing) {
      editing.pm.disable();
      editing.remove();
    }
    editing = null;
    lastShape = shape;
    if (shape && drawable(shape)) {
      const layer = L.geoJSON(shape, {
        style: () => EDITING,
        pmIgnore: false,
      } as L.GeoJSONOptions).getLayers()[0] as L.Polygon | undefined;
      if (layer) {
        editing = layer.addTo(map);
        // A cut fires an edit on the layer it replaced: only the current layer speaks.
        layer.on('pm:edit', () => {
          if (layer === editing) emit(layerShape(layer));
        });
        if (tool === 'edit') editing.pm.enable({ allowSelfIntersection: true });
      }
    }
  }

  function emit(shape: Shape | null) {
    lastShape = shape;
    o.onShape(shape);
  }

  map.on('pm:create', (e) => {
    const drawn = layerShape(e.layer);
    e.layer.remove();
    if (!drawn) return;
    const shape = joinShapes(lastShape && drawable(lastShape) ? lastShape : null, drawn);
    setEditing(shape);
    emit(shape);
  });
  map.on('pm:cut', (e) => {
    const cut = layerShape(e.layer);
    e.layer.remove();
    setEditing(cut);
    emit(cut);
  });
  map.on('pm:drawend', () => {
    if (tool === 'draw' || tool === 'cut') {
      tool = null;
      o.onIdle();
    }
  });
  map.on('pm:globalcutmodetoggled', (e) => {
    if (!e.enabled && tool === 'cut') {
      tool = null;
      o.onIdle();
    }
  });

  return {
    show(grounds, id, shape) {
      others.clearLayers();
      for (const g of grounds) {
        if (g.id === id || !g.shape || !drawable(g.shape)) continue;
        L.geoJSON(g.shape, { style: () => OTHER, pmIgnore: true } as L.GeoJSONOptions)
          .bindTooltip(g.name, { sticky: true })
          // While drawing, a click on another ground is a corner, not a change of ground.
          .on('click', () => {
            if (!tool) o.onPick(g.id);
          })
          .addTo(others);
      }
      // The shape this map reported itself is already on it (and may be mid-edit).
      if (shape !== lastShape) setEditing(shape);
      if (!fitted) this.fit();
    },
    use(next) {
      map.pm.disableDraw();
      if (map.pm.globalCutModeEnabled()) map.pm.disableGlobalCutMode();
      editing?.pm.disable();
      tool = next;
      if (next === 'draw') map.pm.enableDraw('Polygon', { pathOptions: EDITING });
      if (next === 'cut' && editing) {
        // Only the ground being edited is cut (geoman 2.20 reads layersToCut in cut mode too).
        map.pm.enableGlobalCutMode({
          layersToCut: [editing],
          allowSelfIntersection: false,
        } as L.PM.CutModeOptions);
      }
      if (next === 'edit') editing?.pm.enable({ allowSelfIntersection: true });
    },
    mark(at, label) {
      problem?.remove();
      problem = null;
      if (!at) return;
      problem = L.circleMarker([at[1], at[0]], {
        radius: 10,
        color: '#b3261e',
        weight: 3,
        fillOpacity: 0.3,
        pmIgnore: true,
      } as L.CircleMarkerOptions)
        .bindTooltip(label, { permanent: true, direction: 'top', className: 'problem-tip' })
        .addTo(map);
      map.panTo([at[1], at[0]], { animate: false });
    },
    fit() {
      const bounds = L.latLngBounds([]);
      if (editing) bounds.extend(editing.getBounds());
      else for (const l of others.getLayers()) bounds.extend((l as L.GeoJSON).getBounds());
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18, animate: false });
        fitted = true;
      }
    },
    setLang(lang) {
      map.pm.setLang(lang);
    },
    destroy() {
      map.remove();
    },
  };
}
