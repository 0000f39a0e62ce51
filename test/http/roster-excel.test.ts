import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../../functions/local/demo';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// Issue 12.10: roster files as Indonesian-locale Excel really writes them.
const clock = new FakeClock(new Date('2026-11-26T22:00:00.000Z')); // Friday 05:00 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 2 });
  await rt.stores.sites.put({ ...DEMO_SITE, siteId: 'merdeka', name: 'Lapangan Merdeka' });
});
afterAll(() => rt.close());

/** Windows-1252 bytes of a text (the characters used here only). */
function cp1252(text: string): Uint8Array<ArrayBuffer> {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) as number)));
}

async function post(body: string | Uint8Array<ArrayBuffer>) {
  const res = await rt.app.request('/v1/employees/import', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await rt.token('bkd-admin', true)}`,
      'content-type': 'text/csv',
    },
    body,
  });
  return answerOf(res);
}
const employee = async (id: string) => (await rt.call('GET', `/v1/employees/${id}`, ADMIN)).json;

describe('the roster import reads Excel files as they are', () => {
  it('decodes the plain "CSV" save (Windows-1252) instead of storing mojibake', async () => {
    const text =
      'NIP;Nama;Unit Kerja;Lapangan;Aktif\r\n' +
      `xl-1;André Tampûbolon;Dinas Perhubungan;${DEMO_SITE.siteId};ya\r\n` +
      `xl-2;Siti Nur’aini;Dinas Kesehatan;${DEMO_SITE.siteId};ya\r\n`;
    const r = await post(cp1252(text));
    expect(r.status).toBe(200);
    expect((await employee('xl-1')).name).toBe('André Tampûbolon');
    expect((await employee('xl-2')).name).toBe('Siti Nur’aini');
    // The same file as UTF-8 changes nothing: it was read the same.
    const again = await post(text);
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses bytes that are no text it knows, and text that already lost characters', async () => {
    const bytes = cp1252('NIP;Nama;Unit\r\nxl-3;Ok;BKD\r\nxl-4;Bad X;BKD\r\n');
    bytes[bytes.length - 8] = 0x81; // undefined in Windows-1252
    const r = await post(bytes);
    expect(r.status).toBe(400);
    expect(r.json.error.details.lines[0]).toMatchObject({ line: 3 });
    expect(r.json.error.details.lines[0].errors[0]).toMatch(/CSV UTF-8/);
    const lost = await post('NIP;Nama;Unit\nxl-5;Andr\uFFFD Tamp\uFFFDbolon;BKD\n');
    expect(lost.status).toBe(400);
    expect(lost.json.error.details.lines[0].errors[0]).toMatch(/^Nama: /);
    expect((await rt.call('GET', '/v1/employees/xl-3', ADMIN)).status).toBe(404);
  });

  it('explains a NIP rounded with a decimal comma, and names columns as the header does', async () => {
    const r = await post(
      'NIP;Nama;Unit Kerja;Aktif;Mulai\n' +
        '1,98E+17;Budi Nasution;BKD;ya;\n' +
        'xl-6;Rina Lubis;BKD;mungkin;besok\n',
    );
    expect(r.status).toBe(400);
    const [a, b] = r.json.error.details.lines;
    expect(a.errors[0]).toMatch(
      /^NIP: "1,98E\+17" sudah dibulatkan oleh Excel; format kolom ini sebagai Teks$/,
    );
    expect(b.errors).toEqual([
      expect.stringMatching(/^Aktif: /),
      expect.stringMatching(/^Mulai: harus tanggal TTTT-BB-HH atau HH\/BB\/TTTT, bukan "besok"$/),
    ]);
  });

  it('takes dd/mm/yyyy dates, Tidak Aktif, ";" files with commas in names, ground names', async () => {
    const r = await post(
      'NIP;Nama;Unit Kerja;Lapangan;Aktif;Mulai;Sampai\r\n' +
        'xl-7;Hendra Siregar, S.H.;Dinas Perhubungan;Halaman Balai Kota Medan, lapangan merdeka;Aktif;01/02/2027;31/12/2027\r\n' +
        'xl-8;Agus Ginting;BKD;LAPANGAN MERDEKA;Tidak Aktif;;\r\n' +
        'xl-9;Ayu Purba;BKD;merdeka|balai-kota-medan;TRUE;1/3/2027;\r\n',
    );
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(await employee('xl-7')).toMatchObject({
      name: 'Hendra Siregar, S.H.',
      siteIds: [DEMO_SITE.siteId, 'merdeka'],
      active: true,
      since: '2027-02-01',
      until: '2027-12-31',
    });
    expect(await employee('xl-8')).toMatchObject({ siteIds: ['merdeka'], active: false });
    expect(await employee('xl-9')).toMatchObject({
      siteIds: ['merdeka', DEMO_SITE.siteId],
      since: '2027-03-01',
    });
  });

  it('reads a "sep=;" first line and an unknown ground name is named in the error', async () => {
    const r = await post('sep=;\nNIP;Nama;Unit;Lapangan\nxl-10;Eko Pane;BKD;Lapangan Benteng\n');
    expect(r.status).toBe(400);
    expect(r.json.error.details.lines[0]).toEqual({
      line: 3,
      errors: ['Lapangan: lapangan tidak dikenal: Lapangan Benteng'],
    });
  });
});
