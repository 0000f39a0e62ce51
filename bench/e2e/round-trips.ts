/** One DynamoDB request of a check-in: its operation, when it left and when its answer came. */
export interface TimedRequest {
  readonly op: string;
  readonly startMs: number;
  readonly endMs?: number;
}

/**
 * The DynamoDB round trips a check-in waits for in a row: the longest chain of requests each sent
 * after the previous one's answer came. Requests sent together (`Promise.all`) share a step; a
 * request sent after an answer is a step further than that answer's. `steps` lists the
 * operations of each step, in order (a step holds every request at that depth of the chain).
 */
export function roundTrips(requests: readonly TimedRequest[]): {
  count: number;
  steps: string[][];
} {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const before = sorted[j] as TimedRequest;
      if (before.endMs !== undefined && before.endMs <= r.startMs) {
        d = Math.max(d, (depth[j] as number) + 1);
      }
    }
    depth.push(d);
  });
  const count = Math.max(0, ...depth);
  const steps = Array.from({ length: count }, (_, k) =>
    sorted.filter((_, i) => depth[i] === k + 1).map((r) => r.op),
  );
  return { count, steps };
}
