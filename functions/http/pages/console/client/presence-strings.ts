import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { lang } from './state';

/** The proof-of-presence screen's words (presence.ts), Bahasa Indonesia first. */
const id = {
  title: 'Bukti kehadiran',
  lead: 'Kode lapangan di layar tiap lapangan, dan ponsel yang terdaftar untuk absen. Aturan tiap bukti: docs/presence.md.',
  grounds: 'Kode lapangan per lapangan',
  ground: 'Lapangan',
  mode: 'Kode',
  kiosk: 'Layar kiosk',
  openKiosk: 'Buka layar {name}',
  rotate: 'Ganti rahasia',
  rotateLabel: 'Ganti rahasia kode {name}',
  rotated: 'Rahasia kode {name} diganti: kode yang tampil sebelumnya tidak berlaku lagi.',
  off: 'nonaktif',
  flag: 'ditandai bila tanpa kode',
  require: 'wajib',
  modeHint: 'Ubah lewat properties.presence.code pada lapangan (PUT /v1/sites/{id}).',
  binding: 'Ponsel terdaftar: {mode}',
  bindingHint: 'Ubah di Pengaturan (deviceBinding).',
  pending: 'Ponsel kedua menunggu persetujuan',
  noPending: 'Tidak ada ponsel yang menunggu persetujuan.',
  employee: 'Pegawai',
  unit: 'Unit kerja',
  since: 'Didaftarkan',
  approve: 'Setujui',
  approveLabel: 'Setujui ponsel {name}',
  approved: 'Ponsel {name} disetujui.',
  reset: 'Atur ulang ponsel pegawai',
  resetLead:
    'Untuk ponsel yang hilang atau diganti: semua kunci sandi pegawai dihapus, ponsel berikutnya yang didaftarkan langsung aktif.',
  employeeId: 'NIP / ID pegawai',
  resetButton: 'Atur ulang',
  resetDone: '{n} kunci sandi {id} dihapus.',
};

type Key = keyof typeof id;

const en: Record<Key, string> = {
  title: 'Proof of presence',
  lead: "The ground code on each ground's screen, and the phones registered for check-in. The rules of each proof: docs/presence.md.",
  grounds: 'Ground code per ground',
  ground: 'Ground',
  mode: 'Code',
  kiosk: 'Kiosk screen',
  openKiosk: 'Open the screen of {name}',
  rotate: 'Rotate the secret',
  rotateLabel: 'Rotate the code secret of {name}',
  rotated: 'The code secret of {name} was rotated: codes shown before no longer work.',
  off: 'off',
  flag: 'flagged without a code',
  require: 'required',
  modeHint: "Change it in the ground's properties.presence.code (PUT /v1/sites/{id}).",
  binding: 'Registered phones: {mode}',
  bindingHint: 'Change it in Settings (deviceBinding).',
  pending: 'Second phones waiting for approval',
  noPending: 'No phone is waiting for approval.',
  employee: 'Employee',
  unit: 'Unit',
  since: 'Registered',
  approve: 'Approve',
  approveLabel: 'Approve the phone of {name}',
  approved: 'The phone of {name} was approved.',
  reset: "Reset an employee's phones",
  resetLead:
    'For a lost or changed phone: every passkey of the employee is removed; the next phone registered is active at once.',
  employeeId: 'Employee ID (NIP)',
  resetButton: 'Reset',
  resetDone: '{n} passkeys of {id} removed.',
};

const TABLES: Record<Lang, Record<Key, string>> = { id, en };

export function tp(key: Key, vars?: Record<string, string | number>): string {
  return fill(TABLES[lang.value][key], vars);
}
