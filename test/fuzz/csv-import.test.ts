import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { answerOf } from '../support/answer';
import { testRuntime } from '../support/app';
import { csvBody } from '../support/fuzz/csv';
import { expectNo5xx, FUZZ_RUNS, fuzzParams, fuzzTimeout } from '../support/fuzz/oracle';
import { FakeClock } from '../support/memory-store';

const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
const rt = await testRuntime(clock, { roster: 60 });
afterAll(() => rt.close());

/** Every roster item as stored, by Scan (tests may scan; the app never does). */
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

describe('fuzzing the roster CSV import (POST /v1/employees/import)', () => {
  it(
    `${FUZZ_RUNS} files: all or nothing, per-line errors, and a second import changes nothing`,
    async () => {
      const admin = `Bearer ${await rt.token('bkd-admin', true)}`;
      const post = async (csv: string) =>
        answerOf(
          await rt.app.request('/v1/employees/import', {
            method: 'POST',
            headers: { authorization: admin, 'content-type': 'text/csv' },
            body: csv,
          }),
        );
      const seen = { imported: 0, refused: 0 };
      // The roster as stored; only a successful import changes it.
      let before = await rosterNow();
      await fc.assert(
        fc.asyncProperty(csvBody, async (csv) => {
          const a = await post(csv);
          expectNo5xx(a, (ok) => {
            expect(ok.status).toBe(200);
            const { total, created, updated, unchanged } = ok.json;
            expect(created + updated + unchanged).toBe(total);
          });
          if (a.status >= 400) {
            seen.refused++;
            expect(['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']).toContain(a.json.error.code);
            // All or nothing: a refused file wrote nobody.
            expect(await rosterNow()).toBe(before);
            const lines = (a.json.error.details.lines ?? []) as { line: number }[];
            const numbers = lines.map((l) => l.line);
            expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
            for (const n of numbers) expect(n).toBeGreaterThanOrEqual(1);
            return;
          }
          seen.imported++;
          // Importing the same file again is a no-op.
          const again = await post(csv);
          expect(again.status).toBe(200);
          expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: a.json.total });
          before = await rosterNow();
        }),
        fuzzParams(),
      );
      expect(seen.imported).toBeGreaterThanOrEqual(Math.floor(FUZZ_RUNS / 20));
      expect(seen.refused).toBeGreaterThanOrEqual(Math.floor(FUZZ_RUNS / 4));
    },
    fuzzTimeout(),
  );
});
