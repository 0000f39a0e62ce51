import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface LocalDynamo {
  readonly endpoint: string;
  close(): Promise<void>;
}

/**
 * Idle keep-alive sockets are held this long, not Node's five seconds: a process busy building a
 * large report (100,000 employees) goes longer than that between requests, then wrote its next
 * one on sockets the server had closed meanwhile, and every retry took another stale one
 * ("socket hang up", StoreUnavailable after 3 attempts; BENCHMARKS.md, "Month at scale").
 */
const KEEP_ALIVE_MS = 600_000;

/**
 * An in-process DynamoDB-compatible server on loopback: in memory, or persisted under `path`.
 */
export async function startDynalite(
  opts: { path?: string; port?: number } = {},
): Promise<LocalDynamo> {
  const server = dynalite({
    ...(opts.path ? { path: opts.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}
