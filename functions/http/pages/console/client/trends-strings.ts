import { translator } from './screen-text';

/** The words of the Tren / Trends screen, Bahasa Indonesia first. */
const id = {
  title: 'Tren kehadiran',
  lead: 'Tingkat kehadiran per unit kerja pada hari kerja yang sudah diterbitkan: yang hadir (tepat waktu dan terlambat) dibagi yang wajib hadir. Angka yang sama ada di tabel di bawah grafik.',
  range: 'Periode',
  days: '{n} hari terakhir',
  units: 'Unit yang ditampilkan di grafik',
  overall: 'Keseluruhan',
  chartLabel:
    'Grafik tingkat kehadiran, {from} sampai {to}. Angkanya ada di tabel “Angka per hari”.',
  noData: 'Belum ada hari yang diterbitkan dalam periode ini.',
  summaryTitle: 'Rata-rata per unit kerja',
  average: 'Rata-rata',
  lowest: 'Terendah',
  daysCounted: 'Hari dihitung',
  tableTitle: 'Angka per hari',
  tableLead: 'Tingkat kehadiran per hari untuk unit yang ditampilkan di grafik.',
  date: 'Tanggal',
  rate: 'Tingkat kehadiran (%)',
};

export type TrendKey = keyof typeof id;

const en: Record<TrendKey, string> = {
  title: 'Attendance trends',
  lead: 'The attendance rate per unit on the published workdays: those present (on time and late) over those expected. The same numbers are in the tables below the chart.',
  range: 'Period',
  days: 'Last {n} days',
  units: 'Units shown in the chart',
  overall: 'Overall',
  chartLabel:
    'Chart of the attendance rate, {from} to {to}. Its numbers are in the table “By day”.',
  noData: 'No day was published in this period yet.',
  summaryTitle: 'Average per unit',
  average: 'Average',
  lowest: 'Lowest',
  daysCounted: 'Days counted',
  tableTitle: 'By day',
  tableLead: 'The attendance rate of each day for the units the chart shows.',
  date: 'Date',
  rate: 'Attendance rate (%)',
};

export const tt = translator<TrendKey>({ id, en });
