import type { Lang } from '../../../env';
import { fill } from '../../shared/strings';
import { lang } from './state';

/** The audit search's words (audit.ts), Bahasa Indonesia first. */
const id = {
  title: 'Jejak audit',
  lead: 'Setiap perubahan: siapa, kapan, sebelum dan sesudah. Jejak tidak dapat diubah atau dihapus dan disimpan paling sedikit 5 tahun.',
  search: 'Cari',
  searchTitle: 'Cari perubahan',
  actor: 'Oleh (NIP / ID, atau system)',
  subject: 'Yang diubah',
  subjectHint: 'Contoh: employee:demo-004, site:balai-kota-medan, report:2026-12-01/pagi',
  from: 'Dari tanggal',
  to: 'Sampai tanggal',
  when: 'Waktu',
  who: 'Oleh',
  what: 'Perubahan',
  change: 'Sebelum → sesudah',
  none: 'Tidak ada perubahan yang cocok pada rentang ini.',
  more: 'Muat lebih banyak',
  shown: '{n} perubahan ditampilkan, dari {from} sampai {to}.',
  created: 'dibuat',
  removed: 'dihapus',
  same: 'tanpa perbedaan isi',
  system: 'system (jadwal otomatis)',
  omitted: 'terlalu besar untuk disimpan ({bytes} bita)',
  'employee.put': 'Pegawai disimpan',
  'employee.patch': 'Pegawai diubah',
  'employee.delete': 'Pegawai dinonaktifkan',
  'employee.import': 'Pegawai diimpor',
  'site.put': 'Lapangan disimpan',
  'site.delete': 'Lapangan dipensiunkan',
  'groundcode.rotate': 'Rahasia kode lapangan diganti',
  'settings.put': 'Pengaturan diganti',
  'rollcall.put': 'Apel disimpan',
  'rollcall.delete': 'Apel dihapus',
  'holiday.put': 'Hari libur ditetapkan',
  'holiday.delete': 'Hari libur dicabut',
  'excuse.create': 'Keterangan dibuat',
  'excuse.revoke': 'Keterangan dicabut',
  'passkey.register': 'Ponsel didaftarkan',
  'passkey.approve': 'Ponsel disetujui',
  'passkey.reset': 'Ponsel pegawai diatur ulang',
  'report.publish': 'Laporan diterbitkan',
};

type Key = keyof typeof id;

const en: Record<Key, string> = {
  title: 'Audit trail',
  lead: 'Every change: who, when, before and after. The trail cannot be changed or deleted and is kept for at least 5 years.',
  search: 'Search',
  searchTitle: 'Search the changes',
  actor: 'By (employee ID, or system)',
  subject: 'What changed',
  subjectHint: 'E.g. employee:demo-004, site:balai-kota-medan, report:2026-12-01/pagi',
  from: 'From',
  to: 'To',
  when: 'When',
  who: 'By',
  what: 'Change',
  change: 'Before → after',
  none: 'No change matches in this range.',
  more: 'Load more',
  shown: '{n} changes shown, from {from} to {to}.',
  created: 'created',
  removed: 'removed',
  same: 'no difference in content',
  system: 'system (the schedule)',
  omitted: 'too large to keep ({bytes} bytes)',
  'employee.put': 'Employee saved',
  'employee.patch': 'Employee changed',
  'employee.delete': 'Employee deactivated',
  'employee.import': 'Employee imported',
  'site.put': 'Ground saved',
  'site.delete': 'Ground retired',
  'groundcode.rotate': 'Ground code secret rotated',
  'settings.put': 'Settings replaced',
  'rollcall.put': 'Roll call saved',
  'rollcall.delete': 'Roll call removed',
  'holiday.put': 'Holiday declared',
  'holiday.delete': 'Holiday withdrawn',
  'excuse.create': 'Excuse entered',
  'excuse.revoke': 'Excuse revoked',
  'passkey.register': 'Phone registered',
  'passkey.approve': 'Phone approved',
  'passkey.reset': "Employee's phones reset",
  'report.publish': 'Report published',
};

const TABLES: Record<Lang, Record<Key, string>> = { id, en };

export function ta(key: Key, vars?: Record<string, string | number>): string {
  return fill(TABLES[lang.value][key], vars);
}

/** An action in words; an action this console does not know yet (a newer route) as it is. */
export function actionText(action: string): string {
  return action in id ? ta(action as Key) : action;
}
