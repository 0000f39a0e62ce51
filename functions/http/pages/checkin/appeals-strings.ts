import type { Lang } from '../../env';

/** The words of the check-in page's appeals (client/appeals.ts), Indonesian first. */
export const APPEAL_TEXT: Record<Lang, Record<AppealKey, string>> = {
  id: {
    heading: 'Sanggahan',
    lead: 'Anda tercatat tidak hadir pada apel berikut. Jika itu keliru, ajukan sanggahan.',
    openDay: '{rollCall}, {date} — sanggahan dapat diajukan sampai {until}',
    appeal: 'Ajukan sanggahan',
    claim: 'Yang sebenarnya terjadi',
    claimPresent: 'Saya hadir, GPS bermasalah',
    claimExcused: 'Saya sakit / izin / dinas',
    kind: 'Keterangan',
    reason: 'Alasan (paling banyak 500 karakter)',
    send: 'Kirim sanggahan',
    cancel: 'Batal',
    sending: 'Mengirim…',
    sent: 'Sanggahan terkirim. Operator unit Anda atau BKD akan memutuskannya.',
    failed: 'Sanggahan belum terkirim: {why}',
    unreachable: 'Server tidak dapat dihubungi. Coba lagi.',
    reasonMissing: 'Tulis alasannya.',
    mine: 'Sanggahan saya',
    item: '{rollCall}, {date}: {claim}',
    open: 'Menunggu keputusan',
    accepted: 'Diterima',
    rejected: 'Ditolak',
    note: 'Catatan: {note}',
    leave: 'Cuti',
    sick: 'Sakit',
    duty: 'Dinas',
    permit: 'Izin',
    other: 'Lainnya',
    present: 'hadir',
  },
  en: {
    heading: 'Appeals',
    lead: 'You were recorded absent from the roll calls below. If that is wrong, appeal.',
    openDay: '{rollCall}, {date} — you may appeal until {until}',
    appeal: 'Appeal',
    claim: 'What happened',
    claimPresent: 'I was there, my GPS failed',
    claimExcused: 'I was sick / on leave / on duty',
    kind: 'Kind',
    reason: 'Reason (at most 500 characters)',
    send: 'Send the appeal',
    cancel: 'Cancel',
    sending: 'Sending…',
    sent: 'Appeal sent. Your unit’s operator or the BKD will decide it.',
    failed: 'The appeal was not sent: {why}',
    unreachable: 'The server cannot be reached. Try again.',
    reasonMissing: 'Write the reason.',
    mine: 'My appeals',
    item: '{rollCall}, {date}: {claim}',
    open: 'Awaiting a decision',
    accepted: 'Accepted',
    rejected: 'Rejected',
    note: 'Note: {note}',
    leave: 'Leave',
    sick: 'Sick',
    duty: 'Duty',
    permit: 'Permit',
    other: 'Other',
    present: 'present',
  },
};

export type AppealKey =
  | 'heading'
  | 'lead'
  | 'openDay'
  | 'appeal'
  | 'claim'
  | 'claimPresent'
  | 'claimExcused'
  | 'kind'
  | 'reason'
  | 'send'
  | 'cancel'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'unreachable'
  | 'reasonMissing'
  | 'mine'
  | 'item'
  | 'open'
  | 'accepted'
  | 'rejected'
  | 'note'
  | 'leave'
  | 'sick'
  | 'duty'
  | 'permit'
  | 'other'
  | 'present';
