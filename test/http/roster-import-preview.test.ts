import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportPreviewSchema, XLSX_TYPE } from '../../functions/http/import-schemas';
import { DEMO_SITE } from '../../functions/local/demo';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

// The import's preview (dry run) and Excel workbooks, through the app on dynalite.
const clock = new FakeClock(new Date('2026-11-26T22:00:00.000Z')); // Friday 05:00 WIB
let rt: Awaited<ReturnType<typeof testRuntime>>;
const ADMIN = { as: 'bkd-admin', admin: true };

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 5 });
});
afterAll(() => rt.close());

async function post(body: string | Uint8Array, query = '', type = 'text/csv', lang = 'id') {
  const res = await rt.app.request(`/v1/employees/import${query}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await rt.token('bkd-admin', true)}`,
      'content-type': type,
      'accept-language': lang,
    },
    body: body as BodyInit,
  });
  return answerOf(res);
}
const employee = async (id: string) => rt.call('GET', `/v1/employees/${id}`, ADMIN);

async function xlsx(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = 'NIP;Nama;Unit kerja;Lapangan;Aktif\n';

describe('POST /v1/employees/import?dryRun=true', () => {
  it('answers the planned changes and every bad line, and writes nothing', async () => {
    const before = (await employee('demo-002')).json;
    const file =
      HEADER +
      `demo-001;${(await employee('demo-001')).json.name};${(await employee('demo-001')).json.unit};${DEMO_SITE.siteId};ya\n` +
      `demo-002;${before.name};Dinas Pemadam Kebakaran;${DEMO_SITE.siteId};ya\n` +
      `demo-003;x;BKD;${DEMO_SITE.siteId};mungkin\n` +
      `demo-004;Seseorang;BKD;${DEMO_SITE.siteId};tidak\n` +
      `pv-1;Putri Hasibuan;Dinas Kesehatan;${DEMO_SITE.siteId};ya\n`;
    const r = await post(file, '?dryRun=true');
    expect(r.status).toBe(200);
    expect(v.safeParse(ImportPreviewSchema, r.json).success).toBe(true);
    expect(r.json).toMatchObject({
      dryRun: true,
      total: 4,
      created: 1,
      updated: 1,
      deactivated: 1,
      unchanged: 1,
      badLines: 1,
    });
    // demo-004's name changes too, but leaving is what the preview calls it.
    expect(r.json.changes.map((c: { line: number; kind: string }) => [c.line, c.kind])).toEqual([
      [3, 'changed'],
      [5, 'deactivated'],
      [6, 'new'],
    ]);
    expect(r.json.changes[0]).toMatchObject({
      employeeId: 'demo-002',
      fields: ['unit'],
      before: { unit: before.unit },
      after: { unit: 'Dinas Pemadam Kebakaran' },
    });
    expect(r.json.errors).toEqual([
      {
        line: 4,
        errors: [
          expect.stringMatching(
            /^Aktif: harus ya\/tidak atau aktif\/tidak aktif, bukan "mungkin"$/,
          ),
        ],
      },
    ]);
    // Nothing was written.
    expect((await employee('demo-002')).json.unit).toBe(before.unit);
    expect((await employee('demo-004')).json.active).toBe(true);
    expect((await employee('pv-1')).status).toBe(404);
    // The same file applied is refused whole, naming the same line.
    const applied = await post(file);
    expect(applied.status).toBe(400);
    expect(applied.json.error.details.lines).toEqual([
      { line: 4, errors: r.json.errors[0].errors },
    ]);
    expect((await employee('pv-1')).status).toBe(404);
  });

  it('lists a file it cannot read at all as its one bad line (200), and refuses it when applied', async () => {
    const bytes = new TextEncoder().encode('NIP;Nama;Unit\nx;y;z\n');
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes, 0xff, 0x0a]);
    const r = await post(bad, '?dryRun=true', 'text/csv', 'en');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ total: 0, changes: [], badLines: 1 });
    expect(r.json.errors[0].errors[0]).toMatch(/CSV UTF-8/);
    expect((await post(bad)).status).toBe(400);
  });

  it('refuses an unknown dryRun value and an empty body with 400 VALIDATION_FAILED', async () => {
    const r = await post(`${HEADER}a;b;c;${DEMO_SITE.siteId};ya\n`, '?dryRun=maybe');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    expect(r.json.error.details.issues[0].path).toBe('dryRun');
    const empty = await post('', '?dryRun=true');
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('VALIDATION_FAILED');
  });

  it('dryRun=false imports, as without it', async () => {
    const r = await post(
      `${HEADER}pv-2;Rahmat Ginting;BKD;${DEMO_SITE.siteId};ya\n`,
      '?dryRun=false',
    );
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ total: 1, created: 1, updated: 0, unchanged: 0 });
    expect((await employee('pv-2')).json.name).toBe('Rahmat Ginting');
  });
});

describe('an Excel workbook (.xlsx) is imported like its CSV', () => {
  const rows = [
    ['NIP', 'Nama', 'Unit Kerja', 'Lapangan', 'Aktif'],
    ['pv-10', 'Maya Sembiring', 'Dinas Pendidikan', DEMO_SITE.name, 'ya'],
    ['pv-11', 'Yusuf Harahap', 'Dinas Pendidikan', DEMO_SITE.siteId, true],
  ];

  it('previews by its content type, then applies', async () => {
    const bytes = await xlsx(rows);
    const dry = await post(bytes, '?dryRun=true', XLSX_TYPE);
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ created: 2, badLines: 0 });
    expect((await employee('pv-10')).status).toBe(404);
    const r = await post(bytes, '', XLSX_TYPE);
    expect(r.json).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0 });
    expect((await employee('pv-11')).json).toMatchObject({
      name: 'Yusuf Harahap',
      siteIds: [DEMO_SITE.siteId],
      active: true,
    });
  });

  it('is recognised by its bytes when sent as application/octet-stream', async () => {
    const bytes = await xlsx([...rows, ['pv-12', '', 'BKD', DEMO_SITE.siteId, 'ya']]);
    const dry = await post(bytes, '?dryRun=true', 'application/octet-stream', 'en');
    expect(dry.json).toMatchObject({ unchanged: 2, created: 0, badLines: 1 });
    expect(dry.json.errors).toEqual([{ line: 4, errors: [expect.stringMatching(/^Nama: /)] }]);
    const r = await post(bytes, '', 'application/octet-stream');
    expect(r.status).toBe(400);
    expect(r.json.error.details.lines[0].line).toBe(4);
  });

  it('a corrupt workbook is a 400 naming the file, never a 500', async () => {
    const bytes = (await xlsx(rows)).slice(0, 200);
    const r = await post(bytes, '', XLSX_TYPE, 'en');
    expect(r.status).toBe(400);
    expect(r.json.error.details.lines[0].errors[0]).toMatch(/not a readable Excel workbook/);
  });
});
