import fc from 'fast-check';
import { DEMO_SITE, DEMO_UNITS } from '../../../functions/local/demo';
import { oddString } from './values';

const HEADERS = [
  ['NIP', 'Nama', 'Unit Kerja', 'Lapangan', 'Aktif'],
  ['id', 'name', 'unit', 'siteIds', 'active', 'since', 'until'],
  ['nip', 'NAMA', 'OPD'],
  ['NIP', 'Nama', 'Satker', 'Lapangan Apel', 'Status', 'Mulai', 'Sampai'],
] as const;

/** A cell as a column wants it, or (one time in ten) something Excel or a person might put there. */
function cell(column: string): fc.Arbitrary<string> {
  const c = column.toLowerCase().replace(/[^a-z]/g, '');
  const valid = ['nip', 'id'].includes(c)
    ? fc.oneof(
        fc.stringMatching(/^19\d{16}$/),
        fc.integer({ min: 1, max: 80 }).map((n) => `demo-${String(n).padStart(3, '0')}`),
      )
    : ['nama', 'name'].includes(c)
      ? fc.constantFrom('Hendra Siregar', 'Rina Lubis', 'Siti Nasution', 'Ömer Ğ', 'Ni Luh Putu')
      : ['unitkerja', 'unit', 'opd', 'satker'].includes(c)
        ? fc.constantFrom(...DEMO_UNITS)
        : ['lapangan', 'siteids', 'lapanganapel'].includes(c)
          ? fc.constantFrom(DEMO_SITE.siteId, `${DEMO_SITE.siteId}|lapangan-merdeka`, '')
          : ['aktif', 'active', 'status'].includes(c)
            ? fc.constantFrom('ya', 'tidak', 'yes', 'no', 'Aktif', '')
            : fc.constantFrom('', '2026-01-02', '2026-12-31');
  const odd = fc.oneof(
    oddString,
    fc.constantFrom('1.98E+17', '=cmd|"/c calc"!A1', '"', '""', '"a;b"', '\r', '\n', ';', ','),
  );
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: odd, weight: 1 });
}

/**
 * A roster file as Excel or a hurried person writes it: a known header in Indonesian or English,
 * ";" or "," or tab, a BOM or not, CRLF or LF, rows with odd cells, short or long rows.
 */
export const rosterCsv: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.constantFrom(';', ',', '\t'),
    fc.constantFrom('\r\n', '\n', '\r'),
    fc.boolean(),
    fc.integer({ min: 0, max: 9 }),
  )
  .chain(([header, sep, eol, bom, shout]) =>
    fc
      .array(
        fc.tuple(
          ...header.map(cell),
          fc.constantFrom(0, 0, 0, -1, 1), // a cell missing, or one too many
        ),
        { maxLength: 8 },
      )
      .map((rows) => {
        const lines = rows.map((r) => {
          const cells = r.slice(0, header.length) as string[];
          const trim = r[header.length] as number;
          const out = trim < 0 ? cells.slice(0, -1) : trim > 0 ? [...cells, 'extra'] : cells;
          return out.join(sep);
        });
        const text = [header.join(sep), ...lines].join(eol);
        return `${bom ? '\uFEFF' : ''}${shout === 0 ? text.toUpperCase() : text}`;
      }),
  );

/** Anything at all as a CSV body: a roster file, or text that is no roster file. */
export const csvBody: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: rosterCsv, weight: 4 },
  { arbitrary: oddString, weight: 1 },
  {
    arbitrary: fc.constantFrom('', '\uFEFF', 'NIP', 'NIP;Nama;Unit\n', '{"lat":1}', '\u0000\u0000'),
    weight: 1,
  },
);
