import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Poppler's pdftotext (Debian: `apt-get install -y poppler-utils`), to read back what a printed
 * page shows. Required where the wall's print test runs; there is no JavaScript PDF reader among
 * the dependencies, and Chromium's PDFs keep their text in subset fonts that need one.
 */
export const PDFTOTEXT = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';

export interface PdfLine {
  readonly text: string;
  /** Points from the page's top left corner. */
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly bottom: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly lines: PdfLine[];
  /** The page's lines top to bottom, one per line of text. */
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(\w+);/g, (m, e: string) => ENTITIES[e] ?? m);
const num = (attrs: string, name: string) =>
  Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1] ?? Number.NaN);

/** Every page of a PDF file with its lines of text and where they sit (pdftotext -bbox-layout). */
export function pdfPages(file: string): PdfPage[] {
  if (!existsSync(PDFTOTEXT)) {
    throw new Error(
      `pdftotext not found at ${PDFTOTEXT}: apt-get install -y poppler-utils (or set PDFTOTEXT_PATH)`,
    );
  }
  const xml = execFileSync(PDFTOTEXT, ['-bbox-layout', file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    ([, width, height, body]) => {
      const lines = [...(body ?? '').matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map(
        ([, attrs = '', words = '']) => ({
          text: [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)]
            .map((w) => decode(w[1] ?? ''))
            .join(' '),
          x: num(attrs, 'xMin'),
          y: num(attrs, 'yMin'),
          right: num(attrs, 'xMax'),
          bottom: num(attrs, 'yMax'),
        }),
      );
      lines.sort((a, b) => a.y - b.y || a.x - b.x);
      return {
        width: Number(width),
        height: Number(height),
        lines,
        text: lines.map((l) => l.text).join('\n'),
      };
    },
  );
}
