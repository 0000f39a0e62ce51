import type * as GroundsMapModule from './grounds-map';

/**
 * The map bundle (Leaflet + leaflet-geoman, grounds-map.js and .css), fetched the first time the
 * grounds screen opens and never on the others: the console's document names both files on its
 * mount point (console/page.ts), so their hashed names need not be known to this bundle.
 */
export type MapModule = typeof GroundsMapModule;

let loading: Promise<MapModule> | null = null;

function stylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`stylesheet ${href}`));
    document.head.append(link);
  });
}

export function loadMap(): Promise<MapModule> {
  if (!loading) {
    loading = (async () => {
      const { mapScript, mapStyle } = document.getElementById('app')?.dataset ?? {};
      if (!mapScript || !mapStyle) throw new Error('the console document names no map bundle');
      const [mod] = await Promise.all([
        import(mapScript) as Promise<MapModule>,
        stylesheet(mapStyle),
      ]);
      return mod;
    })();
    // A failed load (offline for a moment) is tried again the next time the screen opens.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
