/**
 * A small measuring harness: process.hrtime.bigint around batches of calls, so that the timer's
 * own cost (tens of ns) does not swamp sub-microsecond work. Cases measured together are run
 * interleaved, round by round, so that a slow moment of the machine hits all of them alike and
 * their ratios stay meaningful. Each figure is the median over the rounds.
 */

/** True for the smoke run in `npm test`: tiny counts, only to show that each benchmark runs. */
export const SMOKE = process.env.BENCH_SMOKE === '1';

export interface Profile {
  /** Rounds; every case runs once per round and reports the median. */
  readonly rounds: number;
  /** Wall time one case aims to spend in one round. */
  readonly roundMs: number;
  /** Wall time spent calling a case before measuring it (JIT, caches). */
  readonly warmupMs: number;
}

export const PROFILE: Profile = SMOKE
  ? { rounds: 1, roundMs: 2, warmupMs: 2 }
  : { rounds: 9, roundMs: 120, warmupMs: 300 };

export type Task = (i: number) => unknown;

export interface Result {
  readonly name: string;
  /** Median nanoseconds per call over the rounds. */
  readonly ns: number;
  /** Fastest and slowest round, ns per call: the spread behind the median. */
  readonly minNs: number;
  readonly maxNs: number;
  readonly callsPerRound: number;
}

/** A sink the optimiser cannot see through, so that measured calls are not dropped as dead. */
export let sink: unknown;

async function timeCalls(task: Task, calls: number, offset: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) {
    const r = task(offset + i);
    sink = r instanceof Promise ? await r : r;
  }
  return Number(process.hrtime.bigint() - start);
}

async function calibrate(task: Task, p: Profile): Promise<number> {
  let calls = 0;
  const start = performance.now();
  let batch = 1;
  while (performance.now() - start < p.warmupMs || calls === 0) {
    await timeCalls(task, batch, calls);
    calls += batch;
    batch = Math.min(batch * 2, 4096);
  }
  const perCallMs = (performance.now() - start) / calls;
  return Math.max(1, Math.round(p.roundMs / perCallMs));
}

/** Measure every case, interleaved round by round; returns results in the order given. */
export async function measure(
  cases: Record<string, Task>,
  p: Profile = PROFILE,
): Promise<Result[]> {
  const entries = Object.entries(cases);
  const calls = new Map<string, number>();
  for (const [name, task] of entries) calls.set(name, await calibrate(task, p));
  const samples = new Map<string, number[]>(entries.map(([n]) => [n, []]));
  for (let r = 0; r < p.rounds; r++) {
    for (const [name, task] of entries) {
      const n = calls.get(name)!;
      samples.get(name)!.push((await timeCalls(task, n, r * n)) / n);
    }
  }
  return entries.map(([name]) => {
    const s = samples.get(name)!;
    return {
      name,
      ns: median(s),
      minNs: Math.min(...s),
      maxNs: Math.max(...s),
      callsPerRound: calls.get(name)!,
    };
  });
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
