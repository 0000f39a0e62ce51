import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportPreviewSchema, XLSX_TYPE } from '../../functions/http/import-schemas';
import { DEMO_SITE } from '../../functions/local/demo';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { expectNo5xx, FUZZ_RUNS, fuzzParams, fuzzTimeout } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 30 });
afterAll(() => rt.close());

async function rosterNow() {
  const items: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await rt.stores.table.doc.send(
      new ScanCommand({
        TableName: rt.tableName,
        FilterExpression: 'begins_with(pk, :e)',
        ExpressionAttributeValues: { ':e': 'EMP#' },
        ExclusiveStartKey,
      }),
    );
    for (const i of page.Items ?? []) items.push(JSON.stringify(i));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort().join('\n');
}

/** A cell as people type them into Excel: ids, names, numbers, yes/no, dates, nothing. */
const cell = fc.oneof(
  fc.constantFrom('demo-001', 'demo-002', 'xf-1', 'xf-2', DEMO_SITE.siteId, DEMO_SITE.name),
  fc.constantFrom('ya', 'tidak', 'Aktif', 'mungkin', 'BKD', 'Dinas Sosial', ''),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 2 ** 60 }),
  fc.boolean(),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
  fc.constant(null),
);
const header = fc.constantFrom(
  ['NIP', 'Nama', 'Unit Kerja', 'Lapangan', 'Aktif'],
  ['NIP', 'Nama', 'Unit'],
  ['id', 'name', 'unit', 'sites', 'active', 'since'],
  ['Nama', 'Unit'],
);
/** How the bytes reach the server: whole, cut short, or with a byte changed. */
const damage = fc.oneof(
  { arbitrary: fc.constant({ k: 'none' as const }), weight: 4 },
  fc.record({ k: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    k: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
);

async function workbook(head: readonly string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pegawai');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('fuzzing the Excel import (POST /v1/employees/import, .xlsx)', () => {
  it(
    `${FUZZ_RUNS} workbooks: never a 5xx, the preview writes nothing, and the import does what it previewed`,
    async () => {
      const admin = `Bearer ${await rt.token('bkd-admin', true)}`;
      const post = async (bytes: Uint8Array, dry: boolean) =>
        answerOf(
          await rt.app.request(`/v1/employees/import${dry ? '?dryRun=true' : ''}`, {
            method: 'POST',
            headers: { authorization: admin, 'content-type': XLSX_TYPE },
            body: bytes as BodyInit,
          }),
        );
      const seen = { applied: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(
          header,
          fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
          damage,
          async (head, rows, d) => {
            let bytes = await workbook(head, rows);
            if (d.k === 'cut') bytes = bytes.slice(0, Math.floor(bytes.length * d.at));
            if (d.k === 'flip') bytes[Math.floor((bytes.length - 1) * d.at)] = d.byte;
            const before = await rosterNow();
            const dry = await post(bytes, true);
            let preview: v.InferOutput<typeof ImportPreviewSchema> | null = null;
            expectNo5xx(dry, (ok) => {
              expect(ok.status).toBe(200);
              const r = v.safeParse(ImportPreviewSchema, ok.json);
              expect(r.success, ok.text.slice(0, 300)).toBe(true);
              preview = r.output as typeof preview;
            });
            expect(await rosterNow()).toBe(before);
            const real = await post(bytes, false);
            expectNo5xx(real, () => {});
            const p = preview as v.InferOutput<typeof ImportPreviewSchema> | null;
            if (real.status >= 400) {
              seen.refused++;
              expect(real.json.error.code).toBe('VALIDATION_FAILED');
              expect(await rosterNow()).toBe(before);
              // What the preview called bad is what the import refused.
              if (p) expect(p.badLines).toBeGreaterThan(0);
              return;
            }
            seen.applied++;
            expect(p?.badLines).toBe(0);
            expect(real.json).toEqual({
              total: p?.total,
              created: p?.created,
              updated: (p?.updated ?? 0) + (p?.deactivated ?? 0),
              unchanged: p?.unchanged,
            });
          },
        ),
        fuzzParams(),
      );
      expect(seen.applied).toBeGreaterThanOrEqual(1);
      expect(seen.refused).toBeGreaterThanOrEqual(Math.floor(FUZZ_RUNS / 4));
    },
    fuzzTimeout(),
  );
});
