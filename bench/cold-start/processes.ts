import { resolve } from 'node:path';
import { runNode } from '../child';

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
export async function coldRun(
  bundle: string,
  eventFile: string,
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<ColdRun> {
  const { result, stdout } = await runNode([...nodeOptions, DRIVER, bundle, eventFile], {
    env: { PATH: process.env.PATH ?? '', ...env },
    marker: 'BENCH_RESULT ',
    limitMs: TIME_LIMIT_MS,
    what: `cold run of ${bundle}`,
  });
  const r = JSON.parse(result);
  const stages = stdout.split('\n').find((l) => l.startsWith('BENCH_STAGES '));
  return {
    bootMs: r.booted,
    loadMs: r.loadMs,
    firstMs: r.firstMs,
    answeredMs: r.answeredAt,
    status: r.status,
    dynamoRequests: r.dynamoRequests,
    stages: stages ? JSON.parse(stages.slice('BENCH_STAGES '.length)) : [],
  };
}
