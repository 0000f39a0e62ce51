/**
 * Indonesian for what the roster file reader (core/roster-csv.ts, roster-plan.ts) says about a
 * line. The core words them in English, with the file's own values in them ("not \"mungkin\""),
 * so each is matched by its shape; a message not listed here stays as the core wrote it.
 */
const LINE_MESSAGES: readonly [RegExp, (...m: string[]) => string][] = [
  [
    /^"(.*)" was rounded by Excel; format the column as Text$/s,
    (v) => `"${v}" sudah dibulatkan oleh Excel; format kolom ini sebagai Teks`,
  ],
  [/^(.+) repeats line (\d+)$/s, (id, n) => `${id} sudah ada di baris ${n}`],
  [
    /^holds "\uFFFD", a character lost when the file was converted; fix the text$/,
    () => 'berisi "\uFFFD", huruf yang hilang saat berkas dikonversi; perbaiki teksnya',
  ],
  [
    /^must be ya\/tidak, aktif\/tidak aktif \(yes\/no\), not "(.*)"$/s,
    (v) => `harus ya/tidak atau aktif/tidak aktif, bukan "${v}"`,
  ],
  [/^unknown ground\(s\): (.*)$/s, (v) => `lapangan tidak dikenal: ${v}`],
  [
    /^expected a date YYYY-MM-DD or DD\/MM\/YYYY, not "(.*)"$/s,
    (v) => `harus tanggal TTTT-BB-HH atau HH/BB/TTTT, bukan "${v}"`,
  ],
  [
    /^no ground: add a column "Lapangan" with ground ids or names$/,
    () => 'belum ada lapangan: tambahkan kolom "Lapangan" berisi id atau nama lapangan',
  ],
  [
    /^missing column\(s\): (.*) — expected a header such as "(.*)"$/s,
    (cols, example) => `kolom belum ada: ${cols} — baris judul yang diharapkan mis. "${example}"`,
  ],
  [/^the file is empty$/, () => 'berkas kosong'],
  [/^until (\S+) is before since (\S+)$/, (u, s) => `sampai ${u} sebelum mulai ${s}`],
];

/** The Indonesian of one message, or undefined when its shape is not known. */
export function lineMessageIndonesian(message: string): string | undefined {
  for (const [re, say] of LINE_MESSAGES) {
    const m = re.exec(message);
    if (m) return say(...m.slice(1));
  }
  return undefined;
}
