import { describe, expect, it } from 'vitest';
import { wordLineError } from '../../functions/http/validation-messages';

// What the roster reader says about a line, as the console's Indonesian reader sees it.
describe('a roster line error in the reader’s language', () => {
  it.each([
    [
      'NIP: "1,98E+17" was rounded by Excel; format the column as Text',
      'NIP: "1,98E+17" sudah dibulatkan oleh Excel; format kolom ini sebagai Teks',
    ],
    ['NIP: demo-001 repeats line 2', 'NIP: demo-001 sudah ada di baris 2'],
    [
      'Aktif: must be ya/tidak, aktif/tidak aktif (yes/no), not "mungkin"',
      'Aktif: harus ya/tidak atau aktif/tidak aktif, bukan "mungkin"',
    ],
    ['Lapangan: unknown ground(s): Benteng, x', 'Lapangan: lapangan tidak dikenal: Benteng, x'],
    ['unknown ground(s): lapangan-bulan', 'lapangan tidak dikenal: lapangan-bulan'],
    [
      'Mulai: expected a date YYYY-MM-DD or DD/MM/YYYY, not "besok"',
      'Mulai: harus tanggal TTTT-BB-HH atau HH/BB/TTTT, bukan "besok"',
    ],
    [
      'no ground: add a column "Lapangan" with ground ids or names',
      'belum ada lapangan: tambahkan kolom "Lapangan" berisi id atau nama lapangan',
    ],
    [
      'missing column(s): name, unit — expected a header such as "NIP;Nama;Unit kerja;Lapangan;Aktif"',
      'kolom belum ada: name, unit — baris judul yang diharapkan mis. "NIP;Nama;Unit kerja;Lapangan;Aktif"',
    ],
    ['the file is empty', 'berkas kosong'],
    [
      'until: until 2026-01-01 is before since 2026-02-01',
      'until: sampai 2026-01-01 sebelum mulai 2026-02-01',
    ],
  ])('%s', (en, id) => {
    expect(wordLineError(en, 'id')).toBe(id);
    expect(wordLineError(en, 'en')).toBe(en);
  });

  it('leaves a message of an unknown shape as the core wrote it', () => {
    expect(wordLineError('Nama: something new happened', 'id')).toBe(
      'Nama: something new happened',
    );
  });
});
