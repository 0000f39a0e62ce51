import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run bench` with BENCH_SMOKE=1: tiny counts, so only that each benchmark runs is shown. */
function smokeRun(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      env: { ...process.env, BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 80_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Each "### title" with the number of data rows of the table under it. */
function sections(markdown: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of markdown.split(/^### /m).slice(1)) {
    const [title = '', ...lines] = part.split('\n');
    const rows = lines.filter((l) => l.startsWith('| ') && !/^\| (---|\s)*\|/.test(l));
    out.set(title, Math.max(0, rows.length - 1)); // less the header row
  }
  return out;
}

describe('npm run bench (smoke)', () => {
  it('runs every benchmark with tiny counts and prints a result row for each', async () => {
    const r = await smokeRun();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Machine: Node v\d+/m);
    const found = sections(r.stdout);
    const expected = [
      /^Geofence: one decision/,
      /^Geofence: [\d,]+ grounds/,
      /^Request overhead in process/,
      /^Cold start: Lambda bundle sizes/,
      /^Cold start: where the API bundle/,
      /^Cold start: a fresh `node` process/,
      /^End to end on loopback/,
      /^The daily report at scale/,
      /^Console: first screen on the local server/,
      /^Console: what the first screen downloads/,
      /^Monthly AWS cost model/,
      /^Price table used/,
    ];
    for (const title of expected) {
      const hit = [...found].find(([t]) => title.test(t));
      expect(hit, `section ${title}`).toBeDefined();
      expect(hit?.[1], `rows under ${title}`).toBeGreaterThan(0);
    }
    expect(r.stdout).toMatch(/^\| functions\/handlers\/api\.ts \| [\d.]+ KB/m);
  }, 90_000);
});
