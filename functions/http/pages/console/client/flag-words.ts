import type { LocationFlag } from '../../../../core/geo/location';
import { type IntegrityFlag, MAX_TRAVEL_KMH, MIN_TRAVEL_M } from '../../../../core/integrity';

// Words only, no state: the tests read them without a browser.

const km = MIN_TRAVEL_M / 1000;

/** Every flag the server sets has its words here: a new one fails the type check until it does. */
type KnownFlag = IntegrityFlag | LocationFlag | 'no_code' | 'unbound_device';

/**
 * What triggered each integrity flag (functions/core/integrity.ts, core/geo/location.ts, and the
 * proof-of-presence flags of DESIGN.md), in words an admin can act on.
 */
export const FLAG_WHY: Record<'id' | 'en', Record<KnownFlag, string>> = {
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

/** Names of the proof-of-presence flags, which the published report's labels do not have yet. */
export const MORE_NAMES: Record<'id' | 'en', Record<string, string>> = {
  id: { no_code: 'tanpa kode lapangan', unbound_device: 'perangkat belum terikat' },
  en: { no_code: 'no ground code', unbound_device: 'unbound device' },
};

/** A flag this console does not know yet (a newer server): said as its code. */
export const UNKNOWN_FLAG: Record<'id' | 'en', string> = {
  id: 'Tanda “{code}”: lihat panduan admin.',
  en: 'Signal “{code}”: see the admin guide.',
};
