import { fill } from '../../shared/strings';
import { lang } from './state';

/** The Staff screen's and the kiosk links' words, Bahasa Indonesia first; same keys in English. */
const id = {
  title: 'Staf: operator OPD dan petugas apel',
  lead: 'Operator OPD melihat pegawai, keterangan dan laporan unitnya saja. Petugas apel melihat papan hari ini dan kode lapangan apelnya. Berlaku sejak disimpan.',
  listTitle: 'Staf saat ini',
  none: 'Belum ada operator atau petugas apel.',
  colUser: 'ID pengguna',
  colName: 'Nama',
  colRoles: 'Peran',
  colScope: 'Unit / apel',
  colActions: 'Tindakan',
  operator: 'Operator OPD',
  officer: 'Petugas apel',
  edit: 'Ubah',
  editLabel: 'Ubah {who}',
  revoke: 'Cabut',
  revokeLabel: 'Cabut semua peran {who}',
  revokeQuestion: 'Cabut semua peran {who}?',
  yesRevoke: 'Ya, cabut',
  cancel: 'Batal',
  revoked: 'Peran {who} dicabut.',
  formTitle: 'Beri peran',
  formEditTitle: 'Ubah peran {who}',
  userId: 'ID pengguna (NIP)',
  userHint: 'ID yang dibawa token masuknya, biasanya NIP pegawai.',
  name: 'Nama (boleh kosong)',
  asOperator: 'Operator OPD untuk unit:',
  asOfficer: 'Petugas apel untuk apel:',
  unitsLoading: 'Memuat unit dari daftar pegawai…',
  save: 'Simpan',
  saved: 'Peran {who} disimpan.',
  pickRole: 'Pilih paling sedikit satu peran beserta unit atau apelnya.',
  kioskTitle: 'Kios lapangan',
  kioskLead: 'Buka kios di tablet atau layar di lapangan: kode lapangan berganti setiap 30 detik.',
  kioskOpen: 'Buka kios {ground}',
  kioskNone: 'Tidak ada lapangan untuk apel Anda.',
  kioskFor: 'Apel Anda: {names}',
};
export type StaffKey = keyof typeof id;

const en: Record<StaffKey, string> = {
  title: 'Staff: unit operators and apel officers',
  lead: 'A unit (OPD) operator sees the employees, excuses and reports of their units only. An apel officer sees today’s board and the ground code of their roll calls. Applies once saved.',
  listTitle: 'Current staff',
  none: 'No operators or officers yet.',
  colUser: 'User id',
  colName: 'Name',
  colRoles: 'Roles',
  colScope: 'Units / roll calls',
  colActions: 'Actions',
  operator: 'Unit operator',
  officer: 'Apel officer',
  edit: 'Edit',
  editLabel: 'Edit {who}',
  revoke: 'Revoke',
  revokeLabel: 'Revoke every role of {who}',
  revokeQuestion: 'Revoke every role of {who}?',
  yesRevoke: 'Yes, revoke',
  cancel: 'Cancel',
  revoked: 'The roles of {who} were revoked.',
  formTitle: 'Grant roles',
  formEditTitle: 'Change the roles of {who}',
  userId: 'User id (NIP)',
  userHint: 'The id their sign-in token carries, usually the employee’s NIP.',
  name: 'Name (optional)',
  asOperator: 'Unit operator for:',
  asOfficer: 'Apel officer for:',
  unitsLoading: 'Reading the units from the roster…',
  save: 'Save',
  saved: 'The roles of {who} were saved.',
  pickRole: 'Choose at least one role with its units or roll calls.',
  kioskTitle: 'Ground kiosks',
  kioskLead:
    'Open the kiosk on a tablet or screen at the ground: the ground code changes every 30 s.',
  kioskOpen: 'Open the kiosk of {ground}',
  kioskNone: 'No ground for your roll calls.',
  kioskFor: 'Your roll calls: {names}',
};

const TABLES = { id, en } as const;

export function st(key: StaffKey, vars?: Record<string, string | number>): string {
  return fill(TABLES[lang.value][key], vars);
}
