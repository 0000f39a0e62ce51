/**
 * Bytes of a roster file → text. Excel's plain "CSV" save on Windows is Windows-1252, not UTF-8:
 * read as UTF-8 it was stored as "Andr� Tamp�bolon". A file that is valid UTF-8 is read as UTF-8
 * (with or without a BOM); UTF-16 with a BOM (Excel's "Unicode text") as UTF-16; anything else as
 * Windows-1252, unless it holds a byte Windows-1252 leaves undefined — then it is no text this
 * reader knows, and it is refused rather than stored garbled.
 */

/** Windows-1252's 0x80–0x9F; null where the code page defines no character. */
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly line: number; readonly message: string };

const UNREADABLE =
  'berkas bukan teks UTF-8 atau Windows-1252; di Excel pilih Simpan Sebagai → "CSV UTF-8" / ' +
  'the file is not UTF-8 or Windows-1252 text; in Excel choose Save As → "CSV UTF-8"';

/** The line (1-based) on which byte `at` lies. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Node's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters (it takes
 * the label as ISO-8859-1), so "€" and curly quotes would come out wrong: decoded by hand.
 */
function decodeCp1252(bytes: Uint8Array): Decoded {
  const chars: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80 || b > 0x9f) {
      chars.push(String.fromCharCode(b));
      continue;
    }
    const cp = CP1252_HIGH[b - 0x80];
    if (cp === null || cp === undefined) {
      return { ok: false, line: lineAt(bytes, i), message: UNREADABLE };
    }
    chars.push(String.fromCharCode(cp));
  }
  return { ok: true, text: chars.join(''), encoding: 'windows-1252' };
}

export function decodeRosterFile(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bom ? bytes.subarray(3) : bytes,
    );
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    // A file that says it is UTF-8 (a BOM) and is not: say so rather than guess.
    if (bom) return { ok: false, line: firstBadUtf8Line(bytes), message: UNREADABLE };
    return decodeCp1252(bytes);
  }
}

/** Where a UTF-8 file stops being UTF-8, for the error's line number. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const at = text.indexOf('\uFFFD');
  return text.slice(0, Math.max(0, at)).split('\n').length;
}
