/** The kiosk's words, Bahasa Indonesia first; it is read from a few metres, so they are few. */
export const KIOSK_TEXT = {
  title: 'Kode lapangan apel / Ground code',
  lead: 'Pindai kode QR ini dengan halaman absen, atau ketik 6 angkanya. / Scan this QR code with the check-in page, or type its 6 digits.',
  left: 'Berganti dalam {s} detik / Changes in {s} s',
  signInLead:
    'Masuk sebagai admin atau petugas apel untuk menampilkan kode lapangan. / Sign in as an admin or an apel officer to show the ground code.',
  signIn: 'Masuk / Sign in',
  noAccess:
    'Akun ini tidak boleh menampilkan kode lapangan. / This account may not show the ground code.',
  notFound: 'Lapangan tidak ditemukan. / No such ground.',
  offline: 'Tidak terhubung; mencoba lagi… / Offline; retrying…',
  modeOff:
    'Kode lapangan belum diwajibkan di lapangan ini (pengaturan: nonaktif). / The ground code is not asked for at this ground (setting: off).',
  modeFlag: 'Absen tanpa kode ditandai untuk diperiksa. / Check-ins without the code are flagged.',
  modeRequire: 'Absen wajib dengan kode ini. / Check-ins need this code.',
  broken: 'Halaman tidak dapat dimuat. / The page cannot load.',
} as const;
