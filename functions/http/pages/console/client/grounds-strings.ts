import { fill } from '../../shared/strings';
import { lang } from './state';

/**
 * The grounds screen's words, Bahasa Indonesia first. A table of its own, so this screen's
 * text does not crowd strings.ts; the English table must have the same keys (the type says so).
 */
const id = {
  groundsTitle: 'Lapangan apel',
  groundsLead:
    'Batas tiap lapangan tempat pegawai absen. Absen dihitung bila lokasi ponsel berada di dalam batas, dan tidak di dalam lubangnya.',
  groundsList: 'Daftar lapangan',
  noGrounds: 'Belum ada lapangan. Buat lapangan baru lalu gambar batasnya di peta.',
  newGround: 'Lapangan baru',
  editGround: 'Ubah',
  editGroundLabel: 'Ubah lapangan {name}',
  groundName: 'Nama lapangan',
  groundId: 'ID lapangan',
  groundIdHint:
    'Huruf kecil, angka, titik, garis bawah atau tanda hubung. Tidak dapat diubah sesudah disimpan.',
  mapLabel: 'Peta lapangan {name}',
  mapHelp:
    'Gambar: klik di peta untuk tiap sudut, klik sudut pertama untuk menutup. Lubang: gambar di dalam batas. Ubah titik: seret sudut; klik kanan sudut untuk menghapusnya.',
  toolsLabel: 'Alat gambar',
  toolDraw: 'Gambar batas',
  toolDrawMore: 'Tambah bagian',
  toolEdit: 'Ubah titik',
  toolCut: 'Buat lubang',
  toolDone: 'Selesai',
  toolClear: 'Hapus bentuk',
  drawing: 'Menggambar: klik di peta untuk tiap sudut, klik sudut pertama untuk menutup.',
  cutting: 'Membuat lubang: gambar lubang di dalam batas, klik sudut pertama untuk menutup.',
  editingVertices:
    'Mengubah titik: seret sudut atau titik tengah; klik kanan sudut untuk menghapusnya.',
  shapeNone: 'Belum ada bentuk.',
  shapeSummary: '{parts} bagian, {holes} lubang, {vertices} titik sudut.',
  upload: 'Unggah GeoJSON',
  uploadHint: 'Berkas .geojson atau .json: Feature, FeatureCollection, Polygon atau MultiPolygon.',
  uploaded: 'Bentuk dari {file} dimuat. Periksa di peta, lalu simpan.',
  fileNotJson: '{file} bukan JSON yang sah.',
  fileEmpty: '{file} tidak berisi satu pun bentuk.',
  fileType: '{file} berisi {type}, bukan Polygon atau MultiPolygon.',
  saveGround: 'Simpan lapangan',
  groundSaved: 'Lapangan “{name}” tersimpan.',
  groundCreated: 'Lapangan “{name}” dibuat.',
  deleteGround: 'Hapus lapangan',
  confirmDelete:
    'Hapus lapangan {name}? Pegawai yang hanya terdaftar di lapangan ini tidak dapat absen.',
  groundDeleted: 'Lapangan “{name}” dihapus.',
  needShape: 'Gambar batas lapangan atau unggah GeoJSON dulu.',
  needName: 'Isi nama lapangan.',
  unsaved: 'Ada perubahan yang belum disimpan.',
  cancelEdit: 'Batal',
  geometryRefused: 'Server menolak bentuk ini:',
  problemHere: 'Masalah di sini',
  problemAt: 'Ditandai di peta: lintang {lat}, bujur {lon}.',
  mapLoading: 'Memuat peta…',
  mapFailed: 'Peta tidak dapat dimuat. Bentuk tetap dapat diunggah sebagai GeoJSON.',
  baseMapMissing:
    'Peta dasar tidak tersedia (tidak ada jaringan atau server peta tidak menjawab). Batas lapangan tetap dapat digambar dan diubah di atas latar polos.',
};

export type GroundsKey = keyof typeof id;

const en: Record<GroundsKey, string> = {
  groundsTitle: 'Roll-call grounds',
  groundsLead:
    'The boundary of each ground where employees check in. A check-in counts when the phone is inside the boundary and not in one of its holes.',
  groundsList: 'Grounds',
  noGrounds: 'No grounds yet. Make a new ground and draw its boundary on the map.',
  newGround: 'New ground',
  editGround: 'Edit',
  editGroundLabel: 'Edit ground {name}',
  groundName: 'Ground name',
  groundId: 'Ground id',
  groundIdHint: 'Lowercase letters, digits, dots, underscores or hyphens. Fixed once saved.',
  mapLabel: 'Map of ground {name}',
  mapHelp:
    'Draw: click the map for each corner, click the first corner to close. Hole: draw inside the boundary. Edit vertices: drag a corner; right-click a corner to remove it.',
  toolsLabel: 'Drawing tools',
  toolDraw: 'Draw boundary',
  toolDrawMore: 'Add a part',
  toolEdit: 'Edit vertices',
  toolCut: 'Cut a hole',
  toolDone: 'Done',
  toolClear: 'Clear shape',
  drawing: 'Drawing: click the map for each corner, click the first corner to close.',
  cutting: 'Cutting a hole: draw the hole inside the boundary, click the first corner to close.',
  editingVertices:
    'Editing vertices: drag a corner or a midpoint; right-click a corner to remove it.',
  shapeNone: 'No shape yet.',
  shapeSummary: '{parts} part(s), {holes} hole(s), {vertices} corners.',
  upload: 'Upload GeoJSON',
  uploadHint: 'A .geojson or .json file: Feature, FeatureCollection, Polygon or MultiPolygon.',
  uploaded: 'The shape from {file} is loaded. Check it on the map, then save.',
  fileNotJson: '{file} is not valid JSON.',
  fileEmpty: '{file} holds no shape.',
  fileType: '{file} holds {type}, not a Polygon or MultiPolygon.',
  saveGround: 'Save ground',
  groundSaved: 'Ground “{name}” saved.',
  groundCreated: 'Ground “{name}” created.',
  deleteGround: 'Delete ground',
  confirmDelete: 'Delete ground {name}? Employees assigned to this ground only cannot check in.',
  groundDeleted: 'Ground “{name}” deleted.',
  needShape: 'Draw the ground’s boundary or upload GeoJSON first.',
  needName: 'Give the ground a name.',
  unsaved: 'There are unsaved changes.',
  cancelEdit: 'Cancel',
  geometryRefused: 'The server refused this shape:',
  problemHere: 'The problem is here',
  problemAt: 'Marked on the map: latitude {lat}, longitude {lon}.',
  mapLoading: 'Loading the map…',
  mapFailed: 'The map could not be loaded. A shape can still be uploaded as GeoJSON.',
  baseMapMissing:
    'The base map is unavailable (no network, or the tile server does not answer). Boundaries can still be drawn and edited on a plain background.',
};

const TABLES = { id, en } as const;

export function gt(key: GroundsKey, vars: Record<string, string | number> = {}): string {
  return fill(TABLES[lang.value][key], vars);
}
