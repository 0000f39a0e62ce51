import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../support/app';
import { FakeClock } from '../support/memory-store';

const run = promisify(execFile);
const clock = new FakeClock(new Date('2026-11-27T00:12:00.000Z'));
let rt: Awaited<ReturnType<typeof testRuntime>>;

beforeAll(async () => {
  rt = await testRuntime(clock, { roster: 3 });
});
afterAll(() => rt.close());

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/** The document the app serves, linted by Redocly CLI with its recommended rules. */
async function lint(): Promise<{
  totals: { errors: number; warnings: number };
  problems: Problem[];
}> {
  const r = await rt.call('GET', '/v1/openapi.json');
  expect(r.status).toBe(200);
  const file = join(rt.dataDir, 'openapi.json');
  await writeFile(file, r.text);
  // Exit code 1 on errors: read the JSON report either way.
  const out = await run(
    'node_modules/.bin/redocly',
    ['lint', '--extends=recommended', '--format=json', file],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  return JSON.parse(out.stdout);
}

describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error', { timeout: 60_000 }, async () => {
    const report = await lint();
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
    // The only warnings: the routes that truly cannot answer a 4xx (no input, no token).
    const warnings = report.problems
      .filter((p) => p.severity === 'warn')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}`)
      .sort();
    expect(warnings).toEqual([
      'operation-4xx-response #/paths/~1config.json/get/responses',
      'operation-4xx-response #/paths/~1v1~1health/get/responses',
      'operation-4xx-response #/paths/~1v1~1openapi.json/get/responses',
    ]);
  });
});
