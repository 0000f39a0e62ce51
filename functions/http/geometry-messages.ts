/**
 * Indonesian for the problems validateGround names (core/geo/validate.ts, in English, also kept
 * as `details.problem`), so that the INVALID_GEOMETRY message is one language throughout.
 * A problem not listed here gets a pointer to `details.problem` rather than English mid-sentence.
 */
const PROBLEMS: readonly (readonly [RegExp, string])[] = [
  [/^geometry must be a GeoJSON object$/, 'geometry harus berupa objek GeoJSON'],
  [
    /^a MultiPolygon needs at least one polygon$/,
    'MultiPolygon memerlukan paling sedikit satu poligon',
  ],
  [/^at most (\d+) polygons$/, 'paling banyak $1 poligon'],
  [
    /^geometry type must be Polygon or MultiPolygon$/,
    'jenis geometry harus Polygon atau MultiPolygon',
  ],
  [/^a polygon needs an outer ring$/, 'poligon memerlukan cincin luar'],
  [
    /^a ring needs at least 4 positions.*$/,
    'cincin memerlukan paling sedikit 4 titik (titik pertama diulang di akhir)',
  ],
  [/^at most (\d+) vertices in all$/, 'paling banyak $1 titik seluruhnya'],
  [
    /^a ring must be closed.*$/,
    'cincin harus tertutup: titik terakhir harus sama dengan titik pertama',
  ],
  [
    /^a ring needs at least 3 distinct positions$/,
    'cincin memerlukan paling sedikit 3 titik yang berbeda',
  ],
  [
    /^the boundary crosses itself near (\[.*\])$/,
    'batas lapangan memotong dirinya sendiri di dekat $1',
  ],
  [/^a hole must lie inside its outer ring$/, 'lubang harus berada di dalam cincin luarnya'],
  [
    /^an area of (\d+) m² is not plausible for an apel ground \((\S+) m² to (\S+) km²\)$/,
    'luas $1 m² tidak wajar untuk lapangan apel ($2 m² s.d. $3 km²)',
  ],
  [
    /^a position must be \[longitude, latitude\] in numbers$/,
    'setiap titik harus [bujur, lintang] berupa angka',
  ],
  [
    /^coordinates look like \[lat, lon\] \((.*)\); GeoJSON wants \[lon, lat\]$/,
    'koordinat tampaknya tertukar menjadi [lintang, bujur] ($1); GeoJSON memakai [bujur, lintang]',
  ],
  [
    /^longitude must be within ±180 and latitude within ±90$/,
    'bujur harus dalam ±180 dan lintang dalam ±90',
  ],
];

/** The geometry problem in Indonesian. */
export function problemInIndonesian(problem: string): string {
  for (const [pattern, id] of PROBLEMS) {
    if (pattern.test(problem)) return problem.replace(pattern, id);
  }
  return 'lihat details.problem';
}
