import type { ExcuseKind } from '../../../../core/model';
import { LABELS } from '../../../../core/render/labels';
import { translator } from './screen-text';
import { lang } from './state';

/** The words of the Tandai hadir / Mark present screen (marking*.ts), Bahasa Indonesia first. */
const id = {
  title: 'Tandai hadir',
  lead: 'Untuk petugas apel di lapangan: cari pegawai yang hadir tetapi tidak dapat absen (ponsel mati, GPS meleset), ketuk namanya, pilih alasannya, lalu tandai hadir. Absen sendiri selalu berlaku lebih dulu.',
  leadOperator:
    'Operator dan admin juga dapat menandai hari sebelumnya, terlambat dengan jamnya, atau berhalangan dengan jenisnya, untuk pegawai unitnya.',
  rollCall: 'Apel',
  noRollCalls: 'Anda belum ditugaskan pada apel mana pun. Minta admin menambahkannya di Staf.',
  date: 'Tanggal',
  dateHint: 'Hari ini, atau hari sebelumnya untuk tanda susulan.',
  search: 'Cari nama atau NIP',
  searchHint: 'Ketik sebagian nama; daftar tersaring saat Anda mengetik.',
  onlyAbsent: 'Hanya yang belum hadir',
  loading: 'Memuat daftar…',
  notHeld: '{name} tidak diadakan pada {date}: tidak ada yang perlu ditandai.',
  count: '{shown} dari {total} orang ditampilkan · {absent} belum hadir',
  none: 'Tidak ada nama yang cocok.',
  more: 'Tampilkan {n} berikutnya',
  listLabel: 'Pegawai yang wajib hadir',
  openPerson: '{name}, {state}. Ketuk untuk menandai.',
  // States
  stateAbsent: 'Belum hadir',
  stateCheckin: 'Sudah absen {at}',
  stateCheckinLate: 'Absen terlambat {at}',
  stateManual: 'Ditandai petugas',
  stateAppeal: 'Sanggahan diterima',
  stateExcuse: 'Berhalangan (keterangan)',
  // The person's panel
  checkedIn:
    '{name} sudah absen sendiri pukul {at}. Absennya yang berlaku, jadi tidak dapat ditandai.',
  markedBy: 'Ditandai {status} oleh {by}, {at}.',
  appealBy: 'Sanggahan diterima oleh {by}, {at}: {status}.',
  reasonOf: 'Alasan: {reason}',
  undo: 'Batalkan tanda',
  undoLabel: 'Batalkan tanda {name}',
  undoConfirm: 'Batalkan tanda {name}? Ia kembali tercatat belum hadir.',
  undoYes: 'Ya, batalkan',
  cancel: 'Tidak',
  undone: 'Tanda {name} dibatalkan; ia tercatat belum hadir lagi.',
  status: 'Dicatat sebagai',
  on_time: 'Hadir tepat waktu',
  late: 'Terlambat',
  excused: 'Berhalangan',
  at: 'Jam datang',
  atHint: 'Jam pegawai terlihat datang (JJ:MM).',
  kind: 'Jenis',
  reasonLegend: 'Alasan (wajib)',
  reasonPhone: 'HP mati / baterai habis',
  reasonGps: 'GPS tidak akurat',
  reasonNoPhone: 'HP tertinggal / tidak punya HP',
  reasonNetwork: 'Jaringan atau aplikasi bermasalah',
  reasonDuty: 'Dinas luar (surat tugas)',
  reasonText: 'Keterangan tambahan',
  reasonTextHint: 'Misalnya siapa yang melihatnya hadir. Paling banyak 500 karakter.',
  reasonMissing: 'Pilih alasan atau tuliskan keterangannya.',
  atMissing: 'Isi jam datang untuk tanda terlambat.',
  mark: 'Tandai hadir',
  markStatus: 'Simpan tanda',
  markLabel: 'Tandai {name}',
  saving: 'Menyimpan…',
  marked: '{name} ditandai: {status}.',
  close: 'Tutup',
  // Refusals, in plain words
  alreadyCheckedIn:
    '{name} ternyata sudah absen sendiri. Absennya yang berlaku; tanda tidak diperlukan.',
  monthLocked:
    'Bulan ini sudah dikunci untuk perhitungan TPP. Minta admin membuka kuncinya bila perlu dikoreksi.',
  forbidden:
    'Anda tidak berwenang membuat tanda ini: petugas apel hanya hari ini dan hanya hadir atau terlambat; operator hanya untuk pegawai unitnya.',
  notFound: 'Tanda, pegawai, atau apel ini tidak ditemukan lagi. Daftar dimuat ulang.',
};

export type MarkingKey = keyof typeof id;

const en: Record<MarkingKey, string> = {
  title: 'Mark present',
  lead: 'For roll-call officers at the ground: find the employee who is there but cannot check in (phone dead, GPS off), tap their name, choose why, and mark them present. A check-in of their own always counts first.',
  leadOperator:
    'Operators and admins can also mark earlier days, late with the time, or excused with the kind, for employees of their units.',
  rollCall: 'Roll call',
  noRollCalls: 'You are not assigned to any roll call. Ask an admin to add one under Staff.',
  date: 'Date',
  dateHint: 'Today, or an earlier day for a mark after the fact.',
  search: 'Search name or id',
  searchHint: 'Type part of the name; the list filters as you type.',
  onlyAbsent: 'Not yet present only',
  loading: 'Loading the list…',
  notHeld: '{name} was not held on {date}: there is nobody to mark.',
  count: '{shown} of {total} people shown · {absent} not yet present',
  none: 'No name matches.',
  more: 'Show {n} more',
  listLabel: 'Employees due at the roll call',
  openPerson: '{name}, {state}. Tap to mark.',
  stateAbsent: 'Not yet present',
  stateCheckin: 'Checked in {at}',
  stateCheckinLate: 'Checked in late {at}',
  stateManual: 'Marked by an officer',
  stateAppeal: 'Appeal accepted',
  stateExcuse: 'Excused',
  checkedIn: '{name} checked in themselves at {at}. Their check-in counts, so it cannot be marked.',
  markedBy: 'Marked {status} by {by}, {at}.',
  appealBy: 'Appeal accepted by {by}, {at}: {status}.',
  reasonOf: 'Reason: {reason}',
  undo: 'Withdraw the mark',
  undoLabel: 'Withdraw the mark of {name}',
  undoConfirm: 'Withdraw the mark of {name}? They count as not present again.',
  undoYes: 'Yes, withdraw',
  cancel: 'No',
  undone: 'The mark of {name} was withdrawn; they count as not present again.',
  status: 'Record as',
  on_time: 'Present on time',
  late: 'Late',
  excused: 'Excused',
  at: 'Arrived at',
  atHint: 'When the employee was seen arriving (HH:MM).',
  kind: 'Kind',
  reasonLegend: 'Reason (required)',
  reasonPhone: 'Phone off / battery dead',
  reasonGps: 'GPS inaccurate',
  reasonNoPhone: 'Phone left behind / no phone',
  reasonNetwork: 'Network or app trouble',
  reasonDuty: 'On duty elsewhere (duty letter)',
  reasonText: 'More details',
  reasonTextHint: 'For instance who saw them there. At most 500 characters.',
  reasonMissing: 'Choose a reason or write it.',
  atMissing: 'Give the time of arrival for a late mark.',
  mark: 'Mark present',
  markStatus: 'Save the mark',
  markLabel: 'Mark {name}',
  saving: 'Saving…',
  marked: '{name} marked: {status}.',
  close: 'Close',
  alreadyCheckedIn:
    '{name} has checked in themselves after all. Their check-in counts; no mark is needed.',
  monthLocked:
    'This month is locked for the allowance office. Ask an admin to unlock it if it needs a correction.',
  forbidden:
    'You may not make this mark: roll-call officers mark today only, present or late only; operators mark employees of their units only.',
  notFound: 'This mark, employee or roll call is no longer found. The list was reloaded.',
};

export const mt = translator<MarkingKey>({ id, en });

/** A mark's status in words: "hadir tepat waktu", "terlambat 07.40", "berhalangan (Sakit)". */
export function statusWords(m: {
  status: 'on_time' | 'late' | 'excused';
  at?: string;
  kind?: string;
}): string {
  const base = mt(m.status).toLocaleLowerCase(lang.value);
  if (m.status === 'late' && m.at) return `${base} ${m.at}`;
  if (m.status === 'excused' && m.kind)
    return `${base} (${LABELS[lang.value].kinds[m.kind as ExcuseKind] ?? m.kind})`;
  return base;
}
