import { inject } from 'vitest';
import {
  createDynamoClients,
  localServerRequestHandler,
} from '../../functions/adapters/dynamo/client';
import { createStores } from '../../functions/adapters/dynamo/stores';
import { ensureTable } from '../../functions/adapters/dynamo/table-admin';
import { silentLogger } from '../../functions/adapters/logger';
import { startDynalite } from '../../functions/local/dynalite';

export interface Backend {
  readonly name: string;
  /** Start (or reach) the server; returns its endpoint and a stop function. */
  start(): Promise<{ endpoint: string; stop(): Promise<void> }>;
}

export const dynaliteBackend: Backend = {
  name: 'dynalite',
  async start() {
    const d = await startDynalite();
    return { endpoint: d.endpoint, stop: () => d.close() };
  },
};

/** DynamoDB Local started once by the global setup; null when Java is missing outside CI. */
export function dynamodbLocalBackend(): Backend | null {
  const endpoint = inject('dynamodbLocalEndpoint');
  if (!endpoint) return null;
  return { name: 'DynamoDB Local', start: async () => ({ endpoint, stop: async () => {} }) };
}

/** Every backend available to this run: dynalite always, DynamoDB Local where Java is. */
export function backends(): Backend[] {
  const local = dynamodbLocalBackend();
  return local ? [dynaliteBackend, local] : [dynaliteBackend];
}

let tableCounter = 0;

/** A fresh table on the endpoint, and the repositories over it. */
export async function freshStore(endpoint: string) {
  // Suites send bursts of hundreds of calls: the local server's pool and the SDK's own timeouts,
  // its warnings kept quiet.
  const { client, doc } = createDynamoClients({
    endpoint,
    maxAttempts: 2,
    timeouts: null,
    requestHandler: localServerRequestHandler(silentLogger),
  });
  const tableName = `apel-test-${process.pid}-${Date.now().toString(36)}-${tableCounter++}`;
  await ensureTable(client, tableName);
  return { stores: createStores(doc, tableName), client, doc, tableName };
}

export type FreshStore = Awaited<ReturnType<typeof freshStore>>;

/**
 * A store contract's DynamoDB backends, one per server this run has: each opens a fresh table,
 * hands the suite what `pick` takes from it, and closes the client and the server after.
 */
export function dynamoBackends<T extends object>(
  pick: (t: FreshStore) => T,
): { name: string; open(): Promise<T & { close(): Promise<void> }> }[] {
  return backends().map((backend) => ({
    name: `DynamoDB (${backend.name})`,
    async open() {
      const server = await backend.start();
      const t = await freshStore(server.endpoint);
      return {
        ...pick(t),
        async close() {
          t.client.destroy();
          await server.stop();
        },
      };
    },
  }));
}
