import type { Bilingual } from '../core/errors';
import { lineMessageIndonesian } from './roster-line-messages';

/**
 * What a person reads about one field that failed its schema, in Indonesian and English.
 * valibot's own messages are English ("Invalid type: Expected number but received "x"") and its
 * i18n package has no Indonesian, so each issue is worded here from its machine-readable parts
 * (type, expected, requirement, input). Messages the schemas spell out themselves are English
 * sentences; CUSTOM gives each its Indonesian (a test walks every schema the routes validate
 * with and fails on one missing here).
 */

/** The subset of a valibot issue the wording needs (hono's validator passes valibot's issues). */
export interface SchemaIssue {
  readonly kind?: string;
  readonly type?: string;
  readonly expected?: string | null;
  readonly requirement?: unknown;
  readonly input?: unknown;
  readonly message: string;
}

/** Indonesian for the English messages written into the schemas. */
export const CUSTOM: Readonly<Record<string, string>> = {
  'expected an ISO 8601 timestamp with a time zone, e.g. 2026-11-27T00:12:00Z':
    'harus berupa waktu ISO 8601 dengan zona waktu, mis. 2026-11-27T00:12:00Z',
  'expected a timestamp such as 2026-11-27T07:12:00+07:00 (offsets as ±HH:MM)':
    'harus berupa waktu seperti 2026-11-27T07:12:00+07:00 (selisih zona ditulis ±HH:MM)',
  'expected a calendar date "YYYY-MM-DD"': 'harus berupa tanggal "YYYY-MM-DD"',
  'a ground id: lowercase letters, digits, . _ -':
    'harus berupa id lapangan: huruf kecil, angka, . _ -',
  'an employee id (e.g. NIP)': 'harus berupa id pegawai (mis. NIP)',
  'an excuse id': 'harus berupa id keterangan (20 karakter heksadesimal)',
  'since must not be after until': 'since (mulai) tidak boleh sesudah until (sampai)',
  'from must not be after to': 'from (dari) tidak boleh sesudah to (sampai)',
  'an excuse covers at most 366 days': 'satu keterangan paling lama 366 hari',
  'a listing covers at most 366 days': 'satu daftar paling lama 366 hari',
  'expected an IANA time zone such as "Asia/Jakarta"':
    'harus berupa zona waktu IANA, mis. "Asia/Jakarta"',
  'expected a 24-hour time "HH:MM"': 'harus berupa jam (24 jam) "HH:MM"',
  'at least one workday': 'paling sedikit satu hari kerja',
  'workdays must not repeat': 'hari kerja tidak boleh berulang',
  // Proof of presence (presence-schemas.ts)
  'expected base64url': 'harus berupa base64url',
  'expected the 6 digits shown at the ground': 'harus berupa 6 angka yang tampil di lapangan',
  'opensAt must not be after startsAt': 'opensAt (buka) tidak boleh sesudah startsAt (mulai)',
  'startsAt must not be after closesAt': 'startsAt (mulai) tidak boleh sesudah closesAt (tutup)',
  'reportAt must be after closesAt, or late check-ins would be missed':
    'reportAt harus sesudah closesAt, agar absen yang terlambat ikut terhitung',
  'not an S256 challenge': 'bukan code_challenge S256',
  'only S256 is supported': 'hanya S256 yang didukung',
  'not a PKCE verifier': 'bukan code_verifier PKCE',
  'must not be empty': 'tidak boleh kosong',
  'at least 2 letters or digits': 'paling sedikit 2 huruf atau angka',
  'an employee id (e.g. NIP): 1–128 letters, digits or . _ @ -':
    'harus berupa id pegawai (mis. NIP): 1–128 huruf, angka, atau . _ @ -',
  'at most 50 grounds per employee': 'paling banyak 50 lapangan per pegawai',
  'a roll call id: lowercase letters, digits and -':
    'harus berupa id apel: huruf kecil, angka, dan -',
  'this id is reserved': 'id ini sudah dipakai sistem',
  'at least one weekday': 'paling sedikit satu hari',
  'weekdays must not repeat': 'hari tidak boleh berulang',
  'at least one ground, or leave siteIds out':
    'paling sedikit satu lapangan, atau kosongkan siteIds',
  'at most 50 grounds': 'paling banyak 50 lapangan',
  'at least one unit, or leave units out': 'paling sedikit satu unit, atau kosongkan units',
  'at most 200 units': 'paling banyak 200 unit',
  // Attendance marks (mark-schemas.ts)
  'a reason is required': 'alasan wajib diisi',

  // Staff records (core/staff.ts)
  'at least one role: "operator" or "officer"':
    'paling sedikit satu peran: "operator" atau "officer"',
  'each role at most once': 'setiap peran paling banyak sekali',
  'at most 200 roll calls': 'paling banyak 200 apel',
  'an operator needs at least one unit, and units need the role "operator"':
    'operator perlu paling sedikit satu unit, dan unit hanya untuk peran "operator"',
  'an officer needs at least one roll call, and roll calls need the role "officer"':
    'petugas apel perlu paling sedikit satu apel, dan apel hanya untuk peran "officer"',

  // The audit log's search (audit-schemas.ts)
  'an employee id (e.g. NIP), or system': 'harus berupa id pegawai (mis. NIP), atau system',
  'a subject such as employee:demo-004': 'harus berupa subjek seperti employee:demo-004',

  // Appeals (appeal-schemas.ts)
  'an excused claim needs its kind (leave, sick, duty, permit, other); a present claim has none':
    'klaim berhalangan perlu jenisnya (cuti, sakit, dinas, izin, lainnya); klaim hadir tanpa jenis',
  'an appeal id: {date}.{rollCallId}.{employeeId}':
    'harus berupa id sanggahan: {tanggal}.{idApel}.{idPegawai}',
  // Recaps (recap-schemas.ts)
  'late tiers must rise: TL1 < TL2 < TL3': 'batas keterlambatan harus naik: TL1 < TL2 < TL3',
  'expected a month "YYYY-MM"': 'harus berupa bulan "YYYY-MM"',
  'expected a year "YYYY" or a month "YYYY-MM"': 'harus berupa tahun "YYYY" atau bulan "YYYY-MM"',
};

/** Indonesian for a message a schema spells out (CUSTOM, or a pattern with a number in it). */
export function customIndonesian(message: string): string | undefined {
  const fixed = CUSTOM[message];
  if (fixed !== undefined) return fixed;
  const max = /^at most (\d+) characters$/.exec(message);
  return max ? `paling banyak ${max[1]} karakter` : undefined;
}

/**
 * A CSV line's error, "Column: message" as the core writes it, in the reader's language: the
 * message is the schema's own, so it reads as the same field refused by PUT.
 */
export function wordLineError(error: string, lang: 'id' | 'en'): string {
  if (lang === 'en') return error;
  const whole = lineMessageIndonesian(error);
  if (whole !== undefined) return whole;
  const cut = error.indexOf(': ');
  if (cut < 0) return customIndonesian(error) ?? error;
  const rest = error.slice(cut + 2);
  const id = lineMessageIndonesian(rest) ?? customIndonesian(rest);
  return id === undefined ? error : `${error.slice(0, cut)}: ${id}`;
}

/** A JSON type as the reader knows it. */
function kindOf(x: unknown): Bilingual {
  if (x === undefined || x === null) return { id: 'kosong', en: 'nothing' };
  if (Array.isArray(x)) return { id: 'daftar (array)', en: 'a list (array)' };
  switch (typeof x) {
    case 'string':
      return { id: 'teks', en: 'text' };
    case 'number':
      return { id: 'angka', en: 'a number' };
    case 'boolean':
      return { id: 'true/false', en: 'true/false' };
    default:
      return { id: 'objek', en: 'an object' };
  }
}

const EXPECTED: Readonly<Record<string, Bilingual>> = {
  number: { id: 'angka', en: 'a number' },
  string: { id: 'teks', en: 'text' },
  boolean: { id: 'true atau false', en: 'true or false' },
  Object: { id: 'objek JSON', en: 'a JSON object' },
  Array: { id: 'daftar (array)', en: 'a list (array)' },
};

const both = (id: string, en: string): Bilingual => ({ id, en });

/** One schema issue in both languages. */
export function wordIssue(issue: SchemaIssue): Bilingual {
  const custom = customIndonesian(issue.message);
  if (custom !== undefined) return both(custom, issue.message);
  const req = String(issue.requirement);
  const expected = issue.expected ?? '';
  const unit = typeof issue.input === 'string' ? ['karakter', 'characters'] : ['butir', 'items'];
  switch (issue.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (expected === 'never') return both('kolom ini tidak dikenal', 'this field is not known');
      if (expected.startsWith('"')) return both('wajib diisi', 'is required');
      break;
    case 'picklist':
    case 'enum':
    case 'literal':
    case 'union':
    case 'variant':
      return both(`harus salah satu dari ${expected}`, `must be one of ${expected}`);
    case 'min_value':
      return both(`paling kecil ${req}`, `must be at least ${req}`);
    case 'max_value':
      return both(`paling besar ${req}`, `must be at most ${req}`);
    case 'gt_value':
      return both(`harus lebih dari ${req}`, `must be more than ${req}`);
    case 'lt_value':
      return both(`harus kurang dari ${req}`, `must be less than ${req}`);
    case 'min_length':
      return both(`paling sedikit ${req} ${unit[0]}`, `must have at least ${req} ${unit[1]}`);
    case 'max_length':
      return both(`paling banyak ${req} ${unit[0]}`, `must have at most ${req} ${unit[1]}`);
    case 'length':
      return both(`harus tepat ${req} ${unit[0]}`, `must have exactly ${req} ${unit[1]}`);
    case 'finite':
      return both('harus berupa angka terhingga', 'must be a finite number');
    case 'integer':
      return both('harus berupa bilangan bulat', 'must be a whole number');
    case 'url':
      return both('harus berupa URL', 'must be a URL');
    case 'iso_timestamp':
      return both('harus berupa waktu ISO 8601', 'must be an ISO 8601 timestamp');
    case 'regex':
      return both('bentuknya tidak sesuai', 'is not in the expected form');
    case 'check':
    case 'custom':
    case 'raw_check':
    case 'partial_check':
      // A rule the schema states in its own words, not yet in CUSTOM.
      return both('nilainya tidak memenuhi aturan', issue.message);
  }
  if (issue.kind === 'schema') {
    const want = EXPECTED[expected] ?? both(expected, expected);
    const got = kindOf(issue.input);
    return both(`harus berupa ${want.id}, bukan ${got.id}`, `must be ${want.en}, not ${got.en}`);
  }
  return both('nilainya tidak valid', 'is not valid');
}
