import { backends, freshStore } from '../support/dynamo';
import { type MarkBackend, markStoreContract } from '../support/mark-contract';
import { memoryStores } from '../support/memory-store';

/** The marks' and corrections' contract on the memory fake, dynalite and DynamoDB Local. */
const memory: MarkBackend = {
  name: 'the memory fake',
  async open() {
    return { stores: memoryStores(), close: async () => {} };
  },
};

const dynamo: MarkBackend[] = backends().map((backend) => ({
  name: `DynamoDB (${backend.name})`,
  async open() {
    const server = await backend.start();
    const t = await freshStore(server.endpoint);
    return {
      stores: t.stores,
      async close() {
        t.client.destroy();
        await server.stop();
      },
    };
  },
}));

for (const backend of [memory, ...dynamo]) markStoreContract(backend);
