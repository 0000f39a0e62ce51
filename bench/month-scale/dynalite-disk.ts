import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import type { LocalDynamo } from '../../functions/local/dynalite';

/**
 * dynalite on its on-disk store, as functions/local/dynalite.ts starts it for `npm start`, but
 * with idle keep-alive sockets held for ten minutes instead of Node's five seconds. A report
 * process at 100,000 employees keeps its event loop busy for longer than that between requests;
 * it then wrote its next request on sockets the server had closed meanwhile, and every retry
 * took another stale one ("socket hang up", StoreUnavailable after 3 attempts).
 */
export async function startDiskDynalite(path: string): Promise<LocalDynamo> {
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  server.keepAliveTimeout = 600_000;
  server.headersTimeout = 610_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
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
