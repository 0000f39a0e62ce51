import type { ExcuseKind } from '../model';

export type Lang = 'id' | 'en';

/** Words on published reports: Bahasa Indonesia first, English second. */
export const LABELS = {
  id: {
    title: 'Daftar Pegawai Tidak Hadir Apel Pagi',
    expected: 'Wajib hadir',
    present: 'Hadir tepat waktu',
    late: 'Terlambat',
    excused: 'Berhalangan',
    absent: 'Tidak hadir',
    absentHeading: 'Tidak hadir tanpa keterangan',
    continued: '(lanjutan)',
    screenOf: 'Layar {i} dari {n}',
    pageOf: ['Halaman ', ' dari '],
    noAbsentees: 'Semua pegawai hadir atau berhalangan dengan keterangan.',
    notWorkday: 'Bukan hari kerja; tidak ada apel.',
    published: 'Diterbitkan',
    version: 'versi',
    unit: 'Unit kerja',
    id: 'NIP / ID',
    name: 'Nama',
    status: 'Status',
    reason: 'Keterangan',
    time: 'Jam',
    flags: 'Tanda',
    flagNames: {
      near_edge: 'dekat batas lapangan',
      outside_edge: 'di luar batas (dalam toleransi)',
      impossible_travel: 'perpindahan tidak wajar',
      new_device: 'perangkat baru',
      shared_coordinates: 'koordinat sama dengan pegawai lain',
      shared_device: 'perangkat dipakai pegawai lain',
    } as Record<string, string>,
    kinds: {
      leave: 'Cuti',
      sick: 'Sakit',
      duty: 'Dinas luar',
      permit: 'Izin',
      other: 'Lainnya',
    } satisfies Record<ExcuseKind, string>,
    locale: 'id-ID',
  },
  en: {
    title: 'Employees Absent from the Morning Apel',
    expected: 'Expected',
    present: 'On time',
    late: 'Late',
    excused: 'Excused',
    absent: 'Absent',
    absentHeading: 'Absent without an excuse',
    continued: '(continued)',
    screenOf: 'Screen {i} of {n}',
    pageOf: ['Page ', ' of '],
    noAbsentees: 'Everyone was present or excused.',
    notWorkday: 'Not a workday; there is no apel.',
    published: 'Published',
    version: 'version',
    unit: 'Unit',
    id: 'Employee ID',
    name: 'Name',
    status: 'Status',
    reason: 'Reason',
    time: 'Time',
    flags: 'Flags',
    flagNames: {
      near_edge: 'near the edge',
      outside_edge: 'outside the edge (within tolerance)',
      impossible_travel: 'impossible travel',
      new_device: 'new device',
      shared_coordinates: 'same coordinates as another employee',
      shared_device: 'device used by another employee',
    } as Record<string, string>,
    kinds: {
      leave: 'Leave',
      sick: 'Sick',
      duty: 'Official duty',
      permit: 'Permit',
      other: 'Other',
    } satisfies Record<ExcuseKind, string>,
    locale: 'en-GB',
  },
} as const;

/** "Jumat, 27 November 2026" / "Friday 27 November 2026". */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LABELS[lang].locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** Indonesia's zones by their everyday names, as the check-in page writes them. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** "WIB", "WITA" or "WIT"; any other zone by Intl's short name at that instant ("GMT+1"). */
export function zoneName(timeZone: string, lang: Lang, at: Date): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat(LABELS[lang].locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A timestamp as the deployment's wall clock shows it, with its zone:
 * "27 November 2026 pukul 08.30 WIB" / "27 November 2026, 08:30 WIB".
 */
export function localStamp(iso: string, timeZone: string, lang: Lang): string {
  const at = new Date(iso);
  const locale = LABELS[lang].locale;
  const day = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  const zone = zoneName(timeZone, lang, at);
  return lang === 'id' ? `${day} pukul ${time} ${zone}` : `${day}, ${time} ${zone}`;
}
