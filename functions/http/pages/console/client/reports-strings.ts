import { MAX_TRAVEL_KMH, MIN_TRAVEL_M } from '../../../../core/integrity';
import { translator } from './screen-text';

/** The words of the Laporan / Reports screen, Bahasa Indonesia first. */
const id = {
  title: 'Laporan harian',
  lead: 'Kalender hari yang sudah diterbitkan dan versinya. Pilih satu hari untuk membuka, mencetak atau mengunduh laporannya, menerbitkannya sekarang, dan memeriksa absen yang ditandai.',
  calendarLabel: 'Kalender laporan {month}',
  prevMonth: 'Bulan sebelumnya',
  nextMonth: 'Bulan berikutnya',
  legendPublished: 'v2 = diterbitkan, versi 2; angka merah = tidak hadir.',
  dayPublished: '{date}: diterbitkan versi {version}, {absent} tidak hadir',
  dayNotPublished: '{date}: belum diterbitkan',
  statusPublished: 'Diterbitkan {time}, versi {version}.',
  statusLive: 'Belum diterbitkan: angka di bawah ini data langsung dan dapat berubah.',
  notWorkday: 'Bukan hari kerja: tidak ada apel.',
  holiday: 'Hari libur: {name}. Tidak ada apel.',
  open: 'Buka laporan',
  close: 'Tutup laporan',
  print: 'Cetak',
  downloadJson: 'Unduh JSON',
  downloadCsv: 'Unduh CSV',
  downloaded: '{file} diunduh.',
  publish: 'Terbitkan sekarang',
  publishConfirm: 'Terbitkan laporan {date} sekarang? Papan informasi akan menampilkannya.',
  yesPublish: 'Ya, terbitkan',
  cancel: 'Batal',
  published: 'Laporan {date} diterbitkan, versi {version}.',
  unchanged: 'Tidak ada perubahan sejak versi {version}: tidak ada versi baru.',
  previewTitle: 'Pratinjau laporan {date}',
  previewFrame: 'Laporan {date} seperti di papan informasi',
  flaggedTitle: 'Absen yang perlu diperiksa ({n})',
  flaggedLead:
    'Absen ini diterima, tetapi ada tanda yang perlu dilihat admin. Tanda tidak pernah tampil di papan informasi.',
  noFlagged: 'Tidak ada absen yang ditandai pada hari ini.',
  status: 'Status',
  signals: 'Tanda dan sebabnya',
  onTime: 'Tepat waktu',
  late: 'Terlambat',
};

export type ReportKey = keyof typeof id;

const en: Record<ReportKey, string> = {
  title: 'Daily reports',
  lead: 'A calendar of the days published and their versions. Pick a day to open, print or download its report, publish it now, and review the flagged check-ins.',
  calendarLabel: 'Report calendar {month}',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  legendPublished: 'v2 = published, version 2; the red number = absent.',
  dayPublished: '{date}: published version {version}, {absent} absent',
  dayNotPublished: '{date}: not published',
  statusPublished: 'Published {time}, version {version}.',
  statusLive: 'Not published yet: the numbers below are live and may change.',
  notWorkday: 'Not a workday: no roll call.',
  holiday: 'A holiday: {name}. No roll call.',
  open: 'Open the report',
  close: 'Close the report',
  print: 'Print',
  downloadJson: 'Download JSON',
  downloadCsv: 'Download CSV',
  downloaded: '{file} downloaded.',
  publish: 'Publish now',
  publishConfirm: 'Publish the report of {date} now? The information wall will show it.',
  yesPublish: 'Yes, publish',
  cancel: 'Cancel',
  published: 'The report of {date} was published, version {version}.',
  unchanged: 'Nothing changed since version {version}: no new version.',
  previewTitle: 'The report of {date}',
  previewFrame: 'The report of {date} as the information wall shows it',
  flaggedTitle: 'Check-ins to review ({n})',
  flaggedLead:
    'These check-ins were accepted, but carry a signal an admin should look at. Signals never appear on the information wall.',
  noFlagged: 'No check-in was flagged on this day.',
  status: 'Status',
  signals: 'Signals and what triggered them',
  onTime: 'On time',
  late: 'Late',
};

export const rt = translator<ReportKey>({ id, en });

const km = MIN_TRAVEL_M / 1000;

/**
 * What triggered each integrity flag (functions/core/integrity.ts, core/geo/location.ts, and the
 * proof-of-presence flags of DESIGN.md), in words an admin can act on.
 */
export const FLAG_WHY: Record<'id' | 'en', Record<string, string>> = {
  id: {
    near_edge:
      'Posisi dekat batas lapangan: jarak ke tepi lebih kecil daripada akurasi GPS, jadi ponsel mungkin sebenarnya di luar lapangan.',
    outside_edge:
      'Posisi di luar batas lapangan, tetapi masih dalam toleransi tepi (pengaturan); diterima, sebaiknya dicek.',
    impossible_travel: `Dari posisi absen sebelumnya ke posisi ini (lebih dari ${km} km) kecepatannya di atas ${MAX_TRAVEL_KMH} km/jam, lebih cepat dari pesawat: biasanya lokasi palsu atau ponsel yang dipinjamkan.`,
    new_device:
      'Absen dari perangkat yang belum pernah dipakai pegawai ini: bisa ponsel baru, bisa juga orang lain yang mengabsenkannya.',
    shared_coordinates:
      'Koordinat persis sama dengan absen pegawai lain hari ini. Dua ponsel jarang melaporkan titik yang sama persis: lokasinya mungkin disalin.',
    shared_device:
      'Perangkat yang sama juga dipakai untuk absen pegawai lain: satu ponsel untuk beberapa orang. Periksa apakah semuanya hadir.',
    no_code:
      'Absen tanpa kode lapangan (kode yang tampil di layar kios), di lapangan yang menandai absen tanpa kode.',
    unbound_device:
      'Absen tanpa passkey perangkat yang terdaftar untuk pegawai ini (pengikatan perangkat: tandai).',
  },
  en: {
    near_edge:
      'Near the ground’s edge: closer to the edge than the GPS accuracy, so the phone may have been outside the ground.',
    outside_edge:
      'Outside the ground’s edge, but within the edge tolerance (a setting); accepted, worth a look.',
    impossible_travel: `From the previous check-in’s position to this one (over ${km} km) the speed was above ${MAX_TRAVEL_KMH} km/h, faster than an airliner: usually a faked position or a lent phone.`,
    new_device:
      'Checked in from a device this employee had not used before: a new phone, or someone checking in for them.',
    shared_coordinates:
      'Exactly the same coordinates as another employee’s check-in today. Two phones rarely report the very same point: the position may have been copied.',
    shared_device:
      'The same device also checked in another employee: one phone for several people. Check that they were all there.',
    no_code:
      'Checked in without the ground code (shown on the kiosk screen), at a ground that flags a check-in without one.',
    unbound_device:
      'Checked in without a passkey registered for this employee’s device (device binding: flag).',
  },
};

/** A flag this console does not know yet (a newer server): said as its code. */
export const UNKNOWN_FLAG: Record<'id' | 'en', string> = {
  id: 'Tanda “{code}”: lihat panduan admin.',
  en: 'Signal “{code}”: see the admin guide.',
};
