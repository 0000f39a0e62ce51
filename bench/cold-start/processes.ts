import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const DRIVER = resolve('bench/cold-start/driver.mjs');
const TIME_LIMIT_MS = 30_000;

export interface ColdRun {
  /** node's own start-up, before the driver ran. */
  readonly bootMs: number;
  /** import of the bundle: module evaluation and everything done at module scope. */
  readonly loadMs: number;
  /** the first invocation, from handler call to result. */
  readonly firstMs: number;
  /** process start to answer: what a cold start costs before the runtime's own work. */
  readonly answeredMs: number;
  readonly status: number;
  /** DynamoDB requests the process sent while answering. */
  readonly dynamoRequests: number;
  /** Per-stage times, when the bundle reports them (stages-entry.ts). */
  readonly stages: [string, number][];
}

/** One fresh `node` process: load the bundle, answer one event, exit. */
export function coldRun(
  bundle: string,
  eventFile: string,
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<ColdRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeOptions, DRIVER, bundle, eventFile], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (code !== 0 || !line) {
        fail(new Error(`cold run of ${bundle} exited ${code}: ${err.slice(-2000)}`));
        return;
      }
      const r = JSON.parse(line.slice('BENCH_RESULT '.length));
      const stages = out.split('\n').find((l) => l.startsWith('BENCH_STAGES '));
      done({
        bootMs: r.booted,
        loadMs: r.loadMs,
        firstMs: r.firstMs,
        answeredMs: r.answeredAt,
        status: r.status,
        dynamoRequests: r.dynamoRequests,
        stages: stages ? JSON.parse(stages.slice('BENCH_STAGES '.length)) : [],
      });
    });
  });
}
