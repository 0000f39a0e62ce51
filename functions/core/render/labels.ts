import type { ExcuseKind } from '../model';
import { LOCALES } from '../time-labels';

// Dates and zone names live in ../time-labels (the check-in page shares them); re-exported
// here for the renderers that import them from this file.
export { type Lang, localStamp, longDate, zoneName } from '../time-labels';

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
    excusedHeading: 'Berhalangan dengan keterangan',
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
    locale: LOCALES.id,
  },
  en: {
    title: 'Employees Absent from the Morning Apel',
    expected: 'Expected',
    present: 'On time',
    late: 'Late',
    excused: 'Excused',
    absent: 'Absent',
    absentHeading: 'Absent without an excuse',
    excusedHeading: 'Excused',
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
    locale: LOCALES.en,
  },
} as const;
