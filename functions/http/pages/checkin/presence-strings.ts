import type { Lang } from '../../env';

/** The words of the check-in page's proofs of presence (client/presence.ts), Indonesian first. */
export const PRESENCE_TEXT: Record<Lang, Record<PresenceKey, string>> = {
  id: {
    codeLabel: 'Kode lapangan (6 angka)',
    codeHint: 'Pindai kode QR di layar petugas apel, atau ketik 6 angkanya.',
    scan: 'Pindai kode lapangan',
    scanStop: 'Tutup kamera',
    scanning: 'Arahkan kamera ke kode QR di layar lapangan.',
    scanFailed: 'Kamera tidak dapat dibuka. Ketik 6 angka kodenya.',
    codeFromLink: 'Kode lapangan terbaca dari tautan.',
    register: 'Daftarkan ponsel ini',
    registered: 'Ponsel ini terdaftar untuk absen.',
    registeredPending: 'Ponsel ini terdaftar dan menunggu persetujuan admin BKD.',
    registerFailed: 'Ponsel ini belum dapat didaftarkan: {why}',
    registerLead:
      'Absen memakai kunci sandi (passkey) ponsel ini: daftarkan sekali, lalu setiap absen cukup sidik jari atau PIN layar.',
  },
  en: {
    codeLabel: 'Ground code (6 digits)',
    codeHint: "Scan the QR code on the officers' screen, or type its 6 digits.",
    scan: 'Scan the ground code',
    scanStop: 'Close the camera',
    scanning: 'Point the camera at the QR code on the ground’s screen.',
    scanFailed: 'The camera cannot be opened. Type the 6 digits of the code.',
    codeFromLink: 'The ground code was read from the link.',
    register: 'Register this phone',
    registered: 'This phone is registered for check-in.',
    registeredPending: 'This phone is registered and waits for an admin’s approval.',
    registerFailed: 'This phone could not be registered yet: {why}',
    registerLead:
      'Check-in uses this phone’s passkey: register it once, then each check-in takes a fingerprint or the screen PIN.',
  },
};

export type PresenceKey =
  | 'codeLabel'
  | 'codeHint'
  | 'scan'
  | 'scanStop'
  | 'scanning'
  | 'scanFailed'
  | 'codeFromLink'
  | 'register'
  | 'registered'
  | 'registeredPending'
  | 'registerFailed'
  | 'registerLead';
