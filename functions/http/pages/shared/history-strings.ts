import type { Lang } from '../../env';

/**
 * The words of a person's month (riwayat), on the check-in page (checkin/client/history.ts) and
 * in the console's roster (console/client/roster-history.ts) alike, Bahasa Indonesia first.
 */
export const HISTORY_TEXT: Record<Lang, Record<HistoryKey, string>> = {
  id: {
    heading: 'Riwayat',
    lead: 'Kehadiran Anda per hari, seperti yang dihitung rekap.',
    month: 'Bulan',
    prevMonth: 'Bulan sebelumnya',
    nextMonth: 'Bulan berikutnya',
    loading: 'Memuat riwayat…',
    failed: 'Riwayat tidak dapat dimuat: {why}',
    unreachable: 'Server tidak dapat dihubungi. Coba lagi.',
    retry: 'Coba lagi',
    empty: 'Belum ada hari yang tercatat pada bulan ini.',
    totals: 'Jumlah {month}',
    on_time: 'Hadir tepat waktu',
    late: 'Terlambat',
    lateAt: 'Terlambat, tiba {at}',
    lateByAt: 'Terlambat {minutes} menit, tiba {at}',
    excused: 'Izin / sakit / dinas',
    absent: 'Tidak hadir',
    pending: 'Belum diterbitkan',
    pendingHint:
      'Hari yang belum diterbitkan belum final; apel yang tidak Anda ikuti baru dihitung tidak hadir setelah laporannya terbit.',
    pendingHintStaff:
      'Hari yang belum diterbitkan belum final; apel yang tidak diikuti baru dihitung tidak hadir setelah laporannya terbit.',
    holiday: 'Libur: {name}',
    dayOff: 'Libur',
    noRollCall: 'Tidak ada apel',
    gps: 'GPS',
    manual: 'Ditandai petugas',
    appeal: 'Sanggahan diterima',
    leave: 'Cuti',
    sick: 'Sakit',
    duty: 'Dinas',
    permit: 'Izin',
    other: 'Lainnya',
    ofRollCalls: 'dari {n} apel; {marked} ditandai petugas, {appealed} lewat sanggahan',
    appealIt: 'Ajukan sanggahan',
    appealOpen: 'Sanggahan menunggu keputusan',
    appealRejected: 'Sanggahan ditolak',
    date: 'Tanggal',
    rollCall: 'Apel',
    status: 'Status',
    method: 'Cara',
    of: 'Riwayat {name}',
    close: 'Tutup riwayat',
    open: 'Riwayat',
    openLabel: 'Riwayat {name}',
    show: 'Lihat riwayat',
    hide: 'Tutup riwayat',
  },
  en: {
    heading: 'History',
    lead: 'Your attendance day by day, as the recap counts it.',
    month: 'Month',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    loading: 'Loading the history…',
    failed: 'The history could not be loaded: {why}',
    unreachable: 'The server cannot be reached. Try again.',
    retry: 'Try again',
    empty: 'No day of this month is recorded yet.',
    totals: 'Totals, {month}',
    on_time: 'On time',
    late: 'Late',
    lateAt: 'Late, arrived {at}',
    lateByAt: '{minutes} min late, arrived {at}',
    excused: 'Leave / sick / duty',
    absent: 'Absent',
    pending: 'Not yet published',
    pendingHint:
      'A day not yet published is not final; a roll call you missed counts as absent once its report is published.',
    pendingHintStaff:
      'A day not yet published is not final; a missed roll call counts as absent once its report is published.',
    holiday: 'Holiday: {name}',
    dayOff: 'Day off',
    noRollCall: 'No roll call',
    gps: 'GPS',
    manual: 'Marked by an officer',
    appeal: 'Appeal accepted',
    leave: 'Leave',
    sick: 'Sick',
    duty: 'Duty',
    permit: 'Permit',
    other: 'Other',
    ofRollCalls: 'of {n} roll calls; {marked} marked by an officer, {appealed} by appeal',
    appealIt: 'Appeal',
    appealOpen: 'Appeal awaiting a decision',
    appealRejected: 'Appeal rejected',
    date: 'Date',
    rollCall: 'Roll call',
    status: 'Status',
    method: 'How',
    of: 'History of {name}',
    close: 'Close the history',
    open: 'History',
    openLabel: 'History of {name}',
    show: 'Show my history',
    hide: 'Hide my history',
  },
};

export type HistoryKey =
  | 'heading'
  | 'lead'
  | 'month'
  | 'prevMonth'
  | 'nextMonth'
  | 'loading'
  | 'failed'
  | 'unreachable'
  | 'retry'
  | 'empty'
  | 'totals'
  | 'on_time'
  | 'late'
  | 'lateAt'
  | 'lateByAt'
  | 'excused'
  | 'absent'
  | 'pending'
  | 'pendingHint'
  | 'pendingHintStaff'
  | 'holiday'
  | 'dayOff'
  | 'noRollCall'
  | 'gps'
  | 'manual'
  | 'appeal'
  | 'leave'
  | 'sick'
  | 'duty'
  | 'permit'
  | 'other'
  | 'ofRollCalls'
  | 'appealIt'
  | 'appealOpen'
  | 'appealRejected'
  | 'date'
  | 'rollCall'
  | 'status'
  | 'method'
  | 'of'
  | 'close'
  | 'open'
  | 'openLabel'
  | 'show'
  | 'hide';
