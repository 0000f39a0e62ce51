import type { ErrorCode, ErrorDetails } from '../core/errors';
import { LOCALES } from '../core/time-labels';
import type { Lang } from './env';

type Template = (d: ErrorDetails, n: (x: unknown) => string) => string;

/**
 * What a person reads when something is refused: Bahasa Indonesia first, English second.
 * One entry per code (the typecheck holds it to ErrorCode). Free text from other parts (a
 * reason in English) stays in `details`, never in a sentence of the other language.
 * The page client bundles this file too: keep it plain data, no imports beyond types.
 */
const MESSAGES = {
  NOT_ON_ROSTER: {
    id: () => 'Anda tidak terdaftar sebagai peserta apel yang aktif. Hubungi BKD.',
    en: () => 'You are not on the active apel roster. Contact the personnel office (BKD).',
  },
  NO_GROUND_ASSIGNED: {
    id: () => 'Belum ada lapangan apel yang ditetapkan untuk Anda. Hubungi BKD.',
    en: () => 'No apel ground is assigned to you. Contact the personnel office (BKD).',
  },
  MOCK_LOCATION: {
    id: () => 'Lokasi palsu terdeteksi. Matikan aplikasi pemalsu lokasi lalu coba lagi.',
    en: () => 'A mock location was detected. Turn off location spoofing and try again.',
  },
  CLOCK_SKEW: {
    id: (d, n) =>
      `Jam perangkat Anda selisih ${n(d.skewS)} detik dari jam server. Aktifkan waktu otomatis.`,
    en: (d, n) =>
      `Your device clock is ${n(d.skewS)} s away from the server's. Turn on automatic time.`,
  },
  NOT_A_WORKDAY: {
    id: (d) => `Hari ini bukan hari kerja${d.holiday ? ` (${d.holiday})` : ''}; tidak ada apel.`,
    en: (d) => `Today is not a workday${d.holiday ? ` (${d.holiday})` : ''}; there is no apel.`,
  },
  WINDOW_NOT_OPEN: {
    id: (d) => `Absen apel belum dibuka. Dibuka pukul ${String(d.opensAt).replace(':', '.')}.`,
    en: (d) => `Check-in is not open yet. It opens at ${d.opensAt}.`,
  },
  WINDOW_CLOSED: {
    id: (d) => `Absen apel sudah ditutup pukul ${String(d.closesAt).replace(':', '.')}.`,
    en: (d) => `Check-in closed at ${d.closesAt}.`,
  },
  NO_ROLL_CALL_OPEN: {
    id: (d) =>
      d.rollCallId === undefined
        ? 'Tidak ada apel yang sedang dibuka untuk Anda saat ini.'
        : `Apel ${d.rollCallId} tidak dibuka untuk Anda saat ini.`,
    en: (d) =>
      d.rollCallId === undefined
        ? 'No roll call is open for you right now.'
        : `Roll call ${d.rollCallId} is not open to you right now.`,
  },
  ACCURACY_TOO_LOW: {
    id: (d, n) =>
      `Akurasi GPS ${n(d.accuracyM)} m, batasnya ${n(d.maxAccuracyM)} m. Coba di tempat terbuka.`,
    en: (d, n) =>
      `GPS accuracy is ${n(d.accuracyM)} m; the limit is ${n(d.maxAccuracyM)} m. Try in the open.`,
  },
  OUTSIDE_GEOFENCE: {
    id: (d, n) => `Anda berada ${n(d.distanceM)} m di luar lapangan apel.`,
    en: (d, n) => `You are ${n(d.distanceM)} m outside the apel ground.`,
  },
  VALIDATION_FAILED: {
    id: (d) => `Permintaan tidak valid${firstIssue(d)}.`,
    en: (d) => `The request is not valid${firstIssue(d)}.`,
  },
  INVALID_GEOMETRY: {
    id: (d) => `Bentuk lapangan apel tidak valid: ${d.problem}.`,
    en: (d) => `The apel ground's shape is not valid: ${d.problem}.`,
  },
  REPORT_TOO_EARLY: {
    id: (d) =>
      `Laporan ${d.date} baru bisa diterbitkan setelah absen ditutup pukul ${String(d.closesAt).replace(':', '.')}.`,
    en: (d) => `The report of ${d.date} can be published once check-in closes at ${d.closesAt}.`,
  },
  APPEAL_CLOSED: {
    id: (d) =>
      `Sanggahan untuk ${d.date} hanya bisa diajukan dari ${stamp(d.appealOpensAt)} sampai ${stamp(d.appealClosesAt)}.`,
    en: (d) =>
      `An appeal for ${d.date} can be made from ${d.appealOpensAt} until ${d.appealClosesAt}.`,
  },
  ALREADY_CHECKED_IN: {
    id: (d) =>
      `Pegawai ini sudah tercatat hadir (${stamp(d.checkedInAt)}); tanda hadir manual tidak menggantikan absen.`,
    en: (d) =>
      `This employee already checked in (${d.checkedInAt}); a manual mark never replaces a check-in.`,
  },
  MONTH_IN_FUTURE: {
    id: (d) => `${d.month} belum dimulai (hari ini ${d.today}); belum ada yang bisa direkap.`,
    en: (d) => `${d.month} has not begun (today is ${d.today}); there is nothing to recap yet.`,
  },
  MONTH_NOT_OVER: {
    id: (d) =>
      `Bulan ${d.month} baru bisa dikunci setelah hari terakhirnya (${d.endsOn}) berakhir.`,
    en: (d) => `${d.month} can be locked once its last day (${d.endsOn}) is over.`,
  },
  MONTH_LOCKED: {
    id: (d) =>
      `Bulan ${d.month} sudah dikunci untuk rekap TPP sejak ${stamp(d.lockedAt)}; minta admin membukanya.`,
    en: (d) =>
      `${d.month} has been locked for the allowance recap since ${d.lockedAt}; ask an admin to unlock it.`,
  },
  APPEAL_DECIDED: {
    id: (d) =>
      `Sanggahan ini sudah diputuskan (${d.status === 'accepted' ? 'diterima' : 'ditolak'}, ${stamp(d.decidedAt)}) dan tidak dapat diubah lagi.`,
    en: (d) => `This appeal was already ${d.status} (${d.decidedAt}) and cannot be changed.`,
  },
  NOT_ABSENT: {
    id: (d) =>
      d.because === 'excused'
        ? `Anda tidak tercatat tidak hadir pada ${d.date}: keterangan (izin/sakit/dinas) sudah tercatat.`
        : `Anda tidak tercatat tidak hadir pada ${d.date}: kehadiran Anda sudah ditandai petugas.`,
    en: (d) =>
      d.because === 'excused'
        ? `You are not named absent on ${d.date}: an excuse is already recorded.`
        : `You are not named absent on ${d.date}: your attendance was already marked.`,
  },
  CODE_REQUIRED: {
    id: () =>
      'Lapangan ini meminta kode lapangan. Pindai kode QR di layar petugas apel, atau ketik 6 angkanya.',
    en: () =>
      "This ground asks for its ground code. Scan the QR code on the officers' screen, or type its 6 digits.",
  },
  CODE_INVALID: {
    id: (d) =>
      d.reason === 'stale'
        ? 'Kode lapangan sudah kedaluwarsa. Pindai lagi kode yang tampil sekarang.'
        : d.reason === 'reused'
          ? 'Kode lapangan ini sudah Anda pakai. Tunggu kode berikutnya, lalu pindai lagi.'
          : 'Kode lapangan tidak cocok untuk lapangan ini. Pindai lagi kode yang tampil sekarang.',
    en: (d) =>
      d.reason === 'stale'
        ? 'The ground code has expired. Scan the code shown now.'
        : d.reason === 'reused'
          ? 'You have used this ground code already. Wait for the next one and scan again.'
          : 'The ground code does not match this ground. Scan the code shown now.',
  },
  DEVICE_NOT_BOUND: {
    id: (d) =>
      d.reason === 'pending_approval'
        ? 'Ponsel ini menunggu persetujuan admin BKD. Absen dari ponsel yang sudah terdaftar, atau minta admin menyetujuinya.'
        : 'Absen harus dari ponsel yang terdaftar. Daftarkan ponsel ini dulu (tombol "Daftarkan ponsel ini").',
    en: (d) =>
      d.reason === 'pending_approval'
        ? 'This phone is waiting for an admin’s approval. Check in from your registered phone, or ask an admin to approve it.'
        : 'Check-in must come from a registered phone. Register this phone first ("Register this phone").',
  },
  ASSERTION_INVALID: {
    id: () => 'Bukti ponsel tidak sah atau sudah dipakai. Coba absen sekali lagi.',
    en: () => 'The phone’s proof is not valid or was used already. Try checking in once more.',
  },
  PASSKEY_INVALID: {
    id: () => 'Ponsel ini tidak dapat didaftarkan. Coba lagi dari halaman absen.',
    en: () => 'This phone could not be registered. Try again from the check-in page.',
  },
  BAD_REQUEST: {
    id: () => 'Permintaan tidak dapat diproses.',
    en: () => 'The request cannot be processed.',
  },
  BEFORE_DEPLOYMENT: {
    id: (d) => `Tidak ada laporan untuk ${d.date}: aplikasi baru dipakai sejak ${d.firstDay}.`,
    en: (d) => `There is no report for ${d.date}: the deployment's first day is ${d.firstDay}.`,
  },
  UNAUTHORIZED: {
    id: () => 'Anda belum masuk atau sesi Anda sudah berakhir. Silakan masuk kembali.',
    en: () => 'You are not signed in, or your session has ended. Please sign in again.',
  },
  INVALID_GRANT: {
    id: () => 'Kode masuk tidak berlaku atau sudah kedaluwarsa. Silakan masuk lagi.',
    en: () => 'The sign-in code is not valid or has expired. Please sign in again.',
  },
  HOST_NOT_ALLOWED: {
    id: (d) =>
      `Penerbit token lokal hanya melayani localhost, bukan ${d.host}. Buka apel lewat http://localhost atau http://127.0.0.1, atau atur APEL_PUBLIC_URL ke alamat publiknya.`,
    en: (d) =>
      `The local token issuer answers on localhost only, not on ${d.host}. Open apel at http://localhost or http://127.0.0.1, or set APEL_PUBLIC_URL to its public address.`,
  },
  FORBIDDEN: {
    id: () => 'Anda tidak berhak melakukan ini.',
    en: () => 'You are not allowed to do this.',
  },
  NOT_FOUND: {
    id: () => 'Tidak ditemukan.',
    en: () => 'Not found.',
  },
  PAYLOAD_TOO_LARGE: {
    id: (d, n) => `Isi permintaan terlalu besar (paling banyak ${n(d.maxBytes)} bita).`,
    en: (d, n) => `The request body is too large (at most ${n(d.maxBytes)} bytes).`,
  },
  RATE_LIMITED: {
    id: (d, n) => `Terlalu sering mencoba. Coba lagi dalam ${n(d.retryAfterS)} detik.`,
    en: (d, n) => `Too many attempts. Try again in ${n(d.retryAfterS)} s.`,
  },
  STORE_UNAVAILABLE: {
    id: () => 'Layanan sedang sibuk. Data Anda aman; coba lagi sebentar lagi.',
    en: () => 'The service is busy. Nothing was lost; try again shortly.',
  },
  AUTH_UNAVAILABLE: {
    id: () => 'Status masuk belum bisa diperiksa. Coba lagi sebentar lagi.',
    en: () => 'Sign-in cannot be checked right now. Try again shortly.',
  },
  INTERNAL_ERROR: {
    id: () => 'Terjadi kesalahan pada server. Coba lagi nanti.',
    en: () => 'Something went wrong on the server. Try again later.',
  },
} satisfies Record<ErrorCode, Record<Lang, Template>>;

const byCode: Readonly<Record<string, Record<Lang, Template> | undefined>> = MESSAGES;

function firstIssue(d: ErrorDetails): string {
  const issues = d.issues;
  if (!Array.isArray(issues) || issues.length === 0) return '';
  const i = issues[0] as { path?: string; message?: string };
  return `: ${i.path ? `${i.path} — ` : ''}${i.message ?? ''}`;
}

// Made on first use, not at import: the first Intl object loads ICU locale data, which cost
// ~8 ms of every cold start (BENCHMARKS.md) while most requests never format a message.
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
    numberFormats.set(lang, f);
  }
  return f;
}

/** The message for a code in `lang`; a code this build does not know gets `fallback`. */
export function messageFor(code: string, details: ErrorDetails, lang: Lang, fallback: string) {
  const t = byCode[code]?.[lang];
  if (!t) return fallback;
  const fmt = numberFormat(lang);
  return t(details, (x) => (typeof x === 'number' ? fmt.format(x) : String(x)));
}

/** A time or an ISO instant as Indonesians write it: `2026-12-04 08.00`, `07.12`. */
function stamp(v: unknown): string {
  const m = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}):(\d{2})/.exec(String(v));
  if (!m) return String(v);
  return `${m[1] ? `${m[1]} ` : ''}${m[2]}.${m[3]}`;
}
