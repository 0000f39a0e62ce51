import autocannon from 'autocannon';

export interface Burst {
  readonly requests: number;
  readonly ms: number;
  /** Requests answered per second, from the start of the burst (connecting) to the last answer. */
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors, time-outs and answers with an unexpected status, together. */
  readonly errors: number;
  readonly statuses: Record<string, number>;
}

export interface BurstOptions {
  readonly url: string;
  readonly connections: number;
  /** Exactly this many requests are sent; the burst is over when all are answered. */
  readonly amount: number;
  readonly requests: autocannon.Request[];
  readonly expectStatus: number;
  readonly timeLimitMs: number;
}

/** One bounded burst from autocannon on loopback: a fixed count of requests and a time limit. */
export function burst(o: BurstOptions): Promise<Burst> {
  return new Promise((done, fail) => {
    // autocannon's start and finish include the wait for its next tick after the last answer:
    // time the burst by its answers instead.
    const startedAt = performance.now();
    let lastAnswerAt = startedAt;
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        amount: o.amount,
        requests: o.requests,
        timeout: Math.ceil(o.timeLimitMs / 1000),
        // autocannon checks for the end on this tick; its default, a second, idles after a burst.
        sampleInt: 50,
      },
      (err, r) => {
        clearTimeout(cap);
        if (err) {
          fail(err);
          return;
        }
        const statuses: Record<string, number> = {};
        for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) {
          statuses[code] = (s as { count: number }).count;
        }
        const ok = statuses[String(o.expectStatus)] ?? 0;
        const ms = lastAnswerAt - startedAt;
        const answered = Object.values(statuses).reduce((a, b) => a + b, 0);
        done({
          requests: answered,
          ms,
          perSecond: (answered / ms) * 1000,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          errors: r.errors + r.timeouts + (answered - ok) + Math.max(0, o.amount - answered),
          statuses,
        });
      },
    );
    instance.on('response', () => {
      lastAnswerAt = performance.now();
    });
    const cap = setTimeout(() => instance.stop(), o.timeLimitMs);
  });
}
