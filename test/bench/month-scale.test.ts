import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** `npm run bench -- --only=month-scale` with BENCH_SMOKE=1: 200 employees, 3 days, a cache of its own. */
function smokeRun(cache: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--only=month-scale'],
      {
        env: { ...process.env, BENCH_SMOKE: '1', BENCH_CACHE: cache },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('npm run bench -- --only=month-scale (smoke)', () => {
  it('seeds a store on disk, publishes the days and answers the recap, each in a process', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'apel-month-smoke-'));
    try {
      const r = await smokeRun(cache);
      expect(r.code, r.stderr).toBe(0);
      // The daily report: one row; DynamoDB rounds each read up, so never under the item sizes'
      // minimum (at 200 employees the rounding dominates: the ratio means nothing here).
      const daily = r.stdout.match(/^\| 200 \| .* \| ([\d,]+) \/ ([\d,]+) \(([\d.]+)×\) \|/m);
      expect(daily, r.stdout).not.toBeNull();
      expect(Number(daily![3])).toBeGreaterThanOrEqual(1);
      // The recap of the 3 published days, in every format the route answers, and one unit's.
      for (const format of ['json', 'csv', 'xlsx', 'json, one unit']) {
        expect(r.stdout).toContain(`| 200 | 3 published, 0 pending | ${format} |`);
      }
      expect(r.stdout).toMatch(/\| 200 \| 2 days pending \(built live\), 0 published \| json \|/);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 180_000);
});
