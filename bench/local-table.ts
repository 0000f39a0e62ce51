import { createDynamoClients } from '../functions/adapters/dynamo/client';
import { createStores } from '../functions/adapters/dynamo/stores';
import { ensureTable } from '../functions/adapters/dynamo/table-admin';

/** The app's table on a local endpoint (dynalite), and the app's repositories over it. */
export async function localTable(endpoint: string, tableName: string) {
  // The local server's client: one process, many requests, the SDK's own timeouts.
  const { client, doc } = createDynamoClients({ endpoint, timeouts: null });
  await ensureTable(client, tableName);
  return { client, doc, stores: createStores(doc, tableName) };
}
