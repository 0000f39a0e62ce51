import type { Lang } from '../../../env';
import { COMMON, fill } from '../../shared/strings';

/**
 * Every word the console shows, Bahasa Indonesia first. `{name}` marks a value filled in at run
 * time. The English table must have the same keys (the type says so).
 */
const id = {
  appName: 'Konsol apel',
  ...COMMON.id,
  signInTitle: 'Konsol BKD',
  signInLead:
    'Konsol untuk petugas BKD: pantau apel hari ini, atur hari libur dan pengaturan apel. Masuk dengan akun Anda.',
  signInFailed: 'Gagal masuk. Silakan coba lagi.',
  signInDenied: 'Masuk dibatalkan.',
  signInUnavailable: 'Layanan masuk sedang tidak tersedia. Coba lagi beberapa saat lagi.',
  sessionExpired: 'Sesi Anda berakhir. Silakan masuk lagi.',
  noSignIn: 'Penerapan ini belum mengatur cara masuk (klien web). Hubungi pengelola sistem.',
  insecure: 'Konsol hanya dapat dibuka lewat https.',
  broken: 'Konsol tidak dapat memuat konfigurasi server. Periksa koneksi lalu muat ulang.',
  reload: 'Muat ulang',
  noAccessTitle: 'Anda tidak memiliki akses ke konsol',
  noAccessLead:
    'Akun {who} tidak termasuk admin BKD, operator OPD, atau petugas apel. Bila Anda pegawai, gunakan halaman absen apel. Bila Anda perlu akses, hubungi admin BKD.',
  toCheckin: 'Ke halaman absen apel',
  navLabel: 'Menu konsol',
  navToday: 'Hari ini',
  navSettings: 'Pengaturan',
  navHolidays: 'Hari libur',
  navRoster: 'Pegawai',
  skipToMain: 'Langsung ke isi',
  errorGeneric: 'Permintaan gagal ({code}). {message}',
  errorNetwork: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
  // Today
  todayTitle: 'Apel pagi hari ini',
  expected: 'Wajib hadir',
  onTime: 'Tepat waktu',
  late: 'Terlambat',
  excused: 'Berketerangan',
  notYetIn: 'Belum hadir',
  absentFinal: 'Tidak hadir',
  liveNote: 'Data langsung, diperbarui otomatis setiap {s} detik. Terakhir {time}.',
  publishedNote: 'Daftar sudah diterbitkan pukul {time} (versi {version}).',
  publishAt: 'Daftar tidak hadir diterbitkan pukul {time} {zone}.',
  windowInfo:
    'Absen dibuka {opens}, tepat waktu sampai {starts}, terlambat sampai {closes} {zone}.',
  notWorkday: 'Hari ini bukan hari kerja: tidak ada apel.',
  holidayToday: 'Hari ini hari libur: {name}. Tidak ada apel.',
  refreshNow: 'Perbarui sekarang',
  byUnit: 'Per unit kerja',
  unit: 'Unit kerja',
  missingTitle: 'Belum hadir ({n})',
  missingTitleFinal: 'Tidak hadir ({n})',
  searchName: 'Cari nama',
  searchHint: 'Ketik sebagian nama atau NIP.',
  noneMissing: 'Semua yang wajib hadir sudah tercatat.',
  noMatch: 'Tidak ada yang cocok dengan “{q}”.',
  employeeId: 'NIP / ID',
  name: 'Nama',
  showing: 'Menampilkan {shown} dari {total}.',
  // Settings
  settingsTitle: 'Pengaturan apel',
  settingsLead:
    'Aturan apel pagi untuk seluruh pegawai. Perubahan berlaku sejak disimpan, juga untuk sisa hari ini.',
  windowLegend: 'Jam apel',
  gpsLegend: 'Lokasi (GPS)',
  wallLegend: 'Papan informasi dan laporan',
  timezone: 'Zona waktu',
  timezoneHint: 'WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura.',
  opensAt: 'Absen dibuka',
  startsAt: 'Apel dimulai (tepat waktu sampai)',
  closesAt: 'Absen ditutup (terlambat sampai)',
  reportAt: 'Daftar diterbitkan pukul',
  reportAtHint: 'Format JJ:MM (24 jam). Harus sesudah absen ditutup.',
  timeHint: 'Format JJ:MM (24 jam), mis. 07:30.',
  showMore: 'Tampilkan {n} lagi',
  workdays: 'Hari kerja',
  maxAccuracyM: 'Akurasi GPS terburuk yang diterima (meter)',
  maxAccuracyHint: '1–1000 m. Ponsel di tempat terbuka biasanya 5–20 m.',
  edgeToleranceM: 'Toleransi di luar tepi lapangan (meter)',
  edgeToleranceHint: '0–500 m.',
  maxClockSkewS: 'Selisih jam ponsel yang diterima (detik)',
  maxClockSkewHint: '0–3600 detik.',
  wallAccess: 'Papan informasi dapat dibuka oleh',
  wallAuthenticated: 'Hanya yang sudah masuk',
  wallPublic: 'Siapa saja (publik)',
  language: 'Bahasa laporan',
  langId: 'Bahasa Indonesia',
  langEn: 'English',
  save: 'Simpan',
  saving: 'Menyimpan…',
  saved: 'Pengaturan tersimpan.',
  fixFields: 'Pengaturan belum disimpan: periksa isian yang ditandai.',
  // Holidays
  holidaysTitle: 'Hari libur {year}',
  holidaysLead: 'Pada hari libur tidak ada apel dan tidak ada yang dicatat tidak hadir.',
  year: 'Tahun',
  prevYear: 'Tahun sebelumnya',
  nextYear: 'Tahun berikutnya',
  date: 'Tanggal',
  holidayName: 'Nama hari libur',
  add: 'Tambah',
  remove: 'Hapus',
  removeLabel: 'Hapus {name}',
  added: '{name} ditambahkan.',
  removed: '{name} dihapus.',
  noHolidays: 'Belum ada hari libur untuk tahun ini.',
  addHoliday: 'Tambah hari libur',
  // Excuses, reports, trends (their words: excuses-strings, reports-strings, trends-strings)
  navExcuses: 'Keterangan',
  navReports: 'Laporan',
  navTrends: 'Tren',

  // Grounds (the screen's own words: grounds-strings.ts)
  navGrounds: 'Lapangan',

  // Roll calls (the screen's own words are in rollcalls-strings.ts)
  navRollCalls: 'Apel',

  // Bukti kehadiran (presence.ts; its own words are in presence-strings.ts)
  navPresence: 'Bukti kehadiran',

  // Staf (staff.ts, kiosk-links.ts; their own words are in staff-strings.ts)
  navStaff: 'Staf',
  navKiosk: 'Kios lapangan',

  // Jejak audit (audit.ts; its own words are in audit-strings.ts)
  navAudit: 'Jejak audit',

  // Sanggahan (appeals.ts; its own words are in appeals-strings.ts)
  navAppeals: 'Sanggahan',

  // Recaps (recaps.ts; its own words are in recaps-strings.ts)
  navRecaps: 'Rekap',

  // Tandai hadir (marking.ts; its own words are in marking-strings.ts)
  navMarking: 'Tandai hadir',
};

export type StringKey = keyof typeof id;

const en: Record<StringKey, string> = {
  appName: 'apel console',
  ...COMMON.en,
  signInTitle: 'BKD console',
  signInLead:
    'The console for BKD staff: follow today’s roll call, keep the holidays and the roll-call settings. Sign in with your account.',
  signInFailed: 'Signing in failed. Please try again.',
  signInDenied: 'Signing in was cancelled.',
  signInUnavailable: 'The sign-in service is unavailable. Try again in a moment.',
  sessionExpired: 'Your session has ended. Please sign in again.',
  noSignIn: 'This deployment has no sign-in (web client) configured. Contact the system operator.',
  insecure: 'The console opens over https only.',
  broken: 'The console could not load the server’s configuration. Check the connection and reload.',
  reload: 'Reload',
  noAccessTitle: 'You do not have access to the console',
  noAccessLead:
    'The account {who} is not a BKD admin, a unit operator or an apel officer. Employees use the check-in page. If you need access, ask a BKD admin.',
  toCheckin: 'To the check-in page',
  navLabel: 'Console menu',
  navToday: 'Today',
  navSettings: 'Settings',
  navHolidays: 'Holidays',
  navRoster: 'Employees',
  skipToMain: 'Skip to content',
  errorGeneric: 'The request failed ({code}). {message}',
  errorNetwork: 'The server cannot be reached. Check the connection and try again.',
  todayTitle: 'Today’s morning roll call',
  expected: 'Expected',
  onTime: 'On time',
  late: 'Late',
  excused: 'Excused',
  notYetIn: 'Not yet in',
  absentFinal: 'Absent',
  liveNote: 'Live, refreshed every {s} seconds. Last at {time}.',
  publishedNote: 'The list was published at {time} (version {version}).',
  publishAt: 'The absentee list publishes at {time} {zone}.',
  windowInfo: 'Check-in opens {opens}, on time until {starts}, late until {closes} {zone}.',
  notWorkday: 'Today is not a workday: no roll call.',
  holidayToday: 'Today is a holiday: {name}. No roll call.',
  refreshNow: 'Refresh now',
  byUnit: 'By unit',
  unit: 'Unit',
  missingTitle: 'Not yet in ({n})',
  missingTitleFinal: 'Absent ({n})',
  searchName: 'Search by name',
  searchHint: 'Type part of a name or an id (NIP).',
  noneMissing: 'Everyone expected is accounted for.',
  noMatch: 'Nobody matches “{q}”.',
  employeeId: 'NIP / id',
  name: 'Name',
  showing: 'Showing {shown} of {total}.',
  settingsTitle: 'Roll-call settings',
  settingsLead:
    'The morning roll call’s rules for every employee. A change applies from the moment it is saved, to the rest of today too.',
  windowLegend: 'Roll-call times',
  gpsLegend: 'Location (GPS)',
  wallLegend: 'Information wall and reports',
  timezone: 'Time zone',
  timezoneHint: 'WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura.',
  opensAt: 'Check-in opens',
  startsAt: 'Roll call starts (on time until)',
  closesAt: 'Check-in closes (late until)',
  reportAt: 'List publishes at',
  reportAtHint: 'HH:MM (24-hour). Must be after check-in closes.',
  timeHint: 'HH:MM (24-hour), e.g. 07:30.',
  showMore: 'Show {n} more',
  workdays: 'Workdays',
  maxAccuracyM: 'Worst GPS accuracy accepted (metres)',
  maxAccuracyHint: '1–1000 m. A phone in the open usually gets 5–20 m.',
  edgeToleranceM: 'Tolerance outside the ground’s edge (metres)',
  edgeToleranceHint: '0–500 m.',
  maxClockSkewS: 'Phone clock difference accepted (seconds)',
  maxClockSkewHint: '0–3600 seconds.',
  wallAccess: 'The information wall may be opened by',
  wallAuthenticated: 'Signed-in users only',
  wallPublic: 'Anyone (public)',
  language: 'Report language',
  langId: 'Bahasa Indonesia',
  langEn: 'English',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Settings saved.',
  fixFields: 'The settings were not saved: check the marked fields.',
  holidaysTitle: 'Holidays {year}',
  holidaysLead: 'On a holiday there is no roll call and nobody is listed absent.',
  year: 'Year',
  prevYear: 'Previous year',
  nextYear: 'Next year',
  date: 'Date',
  holidayName: 'Holiday name',
  add: 'Add',
  remove: 'Remove',
  removeLabel: 'Remove {name}',
  added: '{name} added.',
  removed: '{name} removed.',
  noHolidays: 'No holidays for this year yet.',
  addHoliday: 'Add a holiday',
  navExcuses: 'Excuses',
  navReports: 'Reports',
  navTrends: 'Trends',

  navGrounds: 'Grounds',

  navRollCalls: 'Roll calls',

  // Proof of presence (presence.ts; its own words are in presence-strings.ts)
  navPresence: 'Proof of presence',

  // Staff (staff.ts, kiosk-links.ts; their own words are in staff-strings.ts)
  navStaff: 'Staff',
  navKiosk: 'Ground kiosks',

  // Audit trail (audit.ts; its own words are in audit-strings.ts)
  navAudit: 'Audit trail',

  // Appeals (appeals.ts; its own words are in appeals-strings.ts)
  navAppeals: 'Appeals',

  // Recaps (recaps.ts; its own words are in recaps-strings.ts)
  navRecaps: 'Recaps',

  // Mark present (marking.ts; its own words are in marking-strings.ts)
  navMarking: 'Mark present',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { id, en };

export function text(
  lang: Lang,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  return fill(TABLES[lang][key], vars);
}
