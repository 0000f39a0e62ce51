/**
 * The base map under the console's grounds screen: a raster tile URL template (Leaflet's
 * `{z}/{x}/{y}`, `{s}` for subdomains) and the attribution its licence asks for. A deployment
 * names its own (TILE_URL, `-c tileUrl=`); OpenStreetMap's by default. The console's CSP allows
 * images from that one host and no other, and the screen works without it (no network).
 */
export interface MapTiles {
  readonly url: string;
  /** HTML, as Leaflet shows it in the corner of the map (the deployment's own text). */
  readonly attribution: string;
}

export const OSM_TILES: MapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

/** The tiles a deployment set, or OpenStreetMap's (with its attribution) when it set none. */
export function mapTiles(url?: string, attribution?: string): MapTiles {
  if (!url) return OSM_TILES;
  return { url, attribution: attribution ?? (url === OSM_TILES.url ? OSM_TILES.attribution : '') };
}

/**
 * The CSP source for a tile URL template: its origin, with a `{s}` subdomain as a wildcard
 * (`https://{s}.tile.example.org/…` → `https://*.tile.example.org`).
 */
export function tileSource(url: string): string {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(url);
  if (!m) throw new Error(`not an http(s) tile URL: ${url}`);
  const host = (m[2] as string).toLowerCase().replace(/^\{s\}\./, '*.');
  return `${(m[1] as string).toLowerCase()}://${host}`;
}
