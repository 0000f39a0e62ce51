import { dynamoBackends } from '../support/dynamo';
import { type MarkBackend, markStoreContract } from '../support/mark-contract';
import { memoryStores } from '../support/memory-store';

/** The marks' and corrections' contract on the memory fake, dynalite and DynamoDB Local. */
const memory: MarkBackend = {
  name: 'the memory fake',
  async open() {
    return { stores: memoryStores(), close: async () => {} };
  },
};

const dynamo: MarkBackend[] = dynamoBackends((t) => ({ stores: t.stores }));

for (const backend of [memory, ...dynamo]) markStoreContract(backend);
