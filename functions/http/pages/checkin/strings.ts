import type { Lang } from '../../env';
import { COMMON, fill } from '../shared/strings';

/**
 * Every word the check-in page shows, Bahasa Indonesia first. The server renders the page in
 * Indonesian from this table and the browser script switches it to English on request, so the
 * two can never disagree. `{name}` marks a value filled in at run time.
 */
const id = {
  title: 'Absen Apel',
  ...COMMON.id,
  signInLead: 'Masuk dengan akun pegawai Anda untuk absen apel pagi.',
  present: 'Hadir',
  presentHint: 'Tekan saat Anda sudah berada di lapangan apel. Izinkan akses lokasi bila diminta.',
  locating: 'Mencari lokasi Anda…',
  locatingDetail: '{s} detik (paling lama {max} detik). Tetap di tempat terbuka.',
  sending: 'Mengirim absen…',
  recorded: 'Anda tercatat hadir pukul {time} — {status}.',
  alreadyRecorded: 'Anda sudah tercatat hadir pukul {time} — {status}.',
  onTime: 'tepat waktu',
  late: 'terlambat',
  nearEdge: 'Lokasi Anda di tepi lapangan apel.',
  yourLocation: 'Lokasi Anda: akurasi ± {m} m, diambil pukul {time}.',
  notSent: 'Absen belum dikirim.',
  tryAgain: 'Coba lagi',
  sendAgain: 'Kirim ulang',
  freshFix: 'Ambil lokasi baru',
  refusedTitle: 'Absen ditolak',
  geoDenied:
    'Izin lokasi ditolak. Izinkan lokasi untuk situs ini di pengaturan peramban (ikon gembok di samping alamat), lalu tekan Coba lagi.',
  geoUnavailable:
    'Lokasi Anda tidak dapat ditentukan. Pastikan Lokasi/GPS ponsel menyala, lalu coba lagi.',
  geoTimeout:
    'GPS belum mendapat lokasi dalam {max} detik. Pindah ke tempat terbuka, lalu coba lagi.',
  geoUnsupported: 'Peramban ini tidak dapat membaca lokasi. Gunakan Chrome atau Safari terbaru.',
  offline:
    'Tidak ada koneksi internet. Absen Anda disimpan dan dikirim otomatis begitu koneksi kembali.',
  serverBusy: 'Server belum dapat dihubungi. Absen Anda disimpan; tekan Kirim ulang.',
  staleCapture:
    'Lokasi ini diambil pukul {time}, sudah terlalu lama untuk dikirim. Ambil lokasi baru di lapangan apel.',
  sessionExpired:
    'Sesi masuk Anda sudah berakhir. Silakan masuk lagi; absen yang tersimpan dikirim setelahnya.',
  pendingSaved: 'Absen Anda (lokasi pukul {time}) tersimpan dan belum terkirim.',
  signInDenied: 'Masuk dibatalkan. Tekan Masuk untuk mencoba lagi.',
  signInUnavailable: 'Layanan masuk sedang bermasalah. Coba masuk lagi sebentar lagi.',
  signInRefused:
    'Layanan masuk menolak permintaan ini. Silakan coba masuk lagi; bila terus gagal, hubungi admin (BKD).',
  signInCode: 'Kode masuk sudah tidak berlaku. Silakan masuk lagi.',
  signInToken:
    'Jawaban layanan masuk tidak dapat diverifikasi, jadi Anda belum masuk. Silakan coba lagi; bila terus gagal, hubungi admin (BKD).',
  signInClock:
    'Masa berlaku tanda masuk tidak cocok dengan jam ponsel Anda. Atur tanggal dan jam ponsel ke otomatis, lalu masuk lagi.',
  signInNetwork: 'Layanan masuk tidak dapat dihubungi. Periksa koneksi internet, lalu coba lagi.',
  signInMissing: 'Masuk belum diatur di server ini. Hubungi admin (BKD).',
  configFailed: 'Halaman tidak dapat dimuat. Periksa koneksi internet, lalu coba lagi.',
  insecure:
    'Halaman ini harus dibuka lewat alamat https:// (atau http://localhost); tanpa itu peramban tidak memberi lokasi.',
  windowInfo: 'Absen dibuka {opens}, tepat waktu s.d. {starts}, ditutup {closes} {tz}.',
  noscript: 'Halaman ini memerlukan JavaScript.',
} as const;

export type StringKey = keyof typeof id;

const en: Record<StringKey, string> = {
  title: 'Roll-Call Check-in',
  ...COMMON.en,
  signInLead: 'Sign in with your employee account to check in to the morning apel.',
  present: 'Present',
  presentHint: 'Tap when you are on the apel ground. Allow location access if asked.',
  locating: 'Finding your location…',
  locatingDetail: '{s} s (at most {max} s). Stay out in the open.',
  sending: 'Sending your check-in…',
  recorded: 'You are recorded present at {time} — {status}.',
  alreadyRecorded: 'You were already recorded present at {time} — {status}.',
  onTime: 'on time',
  late: 'late',
  nearEdge: 'You are at the edge of the apel ground.',
  yourLocation: 'Your location: accuracy ± {m} m, taken at {time}.',
  notSent: 'Nothing was sent.',
  tryAgain: 'Try again',
  sendAgain: 'Send again',
  freshFix: 'Take a new location',
  refusedTitle: 'Check-in refused',
  geoDenied:
    'Location permission was denied. Allow location for this site in your browser settings (the padlock next to the address), then tap Try again.',
  geoUnavailable:
    'Your location could not be determined. Make sure Location/GPS is on, then try again.',
  geoTimeout: 'GPS found no location within {max} s. Move into the open, then try again.',
  geoUnsupported: 'This browser cannot read your location. Use a recent Chrome or Safari.',
  offline:
    'No internet connection. Your check-in is saved and will be sent as soon as you are back online.',
  serverBusy: 'The server cannot be reached. Your check-in is saved; tap Send again.',
  staleCapture:
    'This location was taken at {time}, too long ago to be sent. Take a new location on the apel ground.',
  sessionExpired:
    'Your sign-in has expired. Please sign in again; your saved check-in will be sent afterwards.',
  pendingSaved: 'Your check-in (location taken at {time}) is saved and not sent yet.',
  signInDenied: 'Sign-in was cancelled. Tap Sign in to try again.',
  signInUnavailable: 'The sign-in service is having trouble. Try signing in again shortly.',
  signInRefused:
    'The sign-in service refused this request. Please try signing in again; if it keeps failing, contact the admin (BKD).',
  signInCode: 'The sign-in code is no longer valid. Please sign in again.',
  signInToken:
    'The sign-in service’s answer could not be verified, so you are not signed in. Please try again; if it keeps failing, contact the admin (BKD).',
  signInClock:
    'The sign-in’s validity does not match your phone’s clock. Set the phone’s date and time to automatic, then sign in again.',
  signInNetwork:
    'The sign-in service cannot be reached. Check your internet connection, then try again.',
  signInMissing: 'Sign-in is not set up on this server. Contact the admin (BKD).',
  configFailed: 'The page could not be loaded. Check your internet connection, then try again.',
  insecure:
    'Open this page at an https:// address (or http://localhost); otherwise the browser gives no location.',
  windowInfo: 'Check-in opens {opens}, on time until {starts}, closes {closes} {tz}.',
  noscript: 'This page needs JavaScript.',
};

export const STRINGS: Record<Lang, Record<StringKey, string>> = { id, en };

/** The text for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function text(
  lang: Lang,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  return fill(STRINGS[lang][key], vars);
}
