import { type AuditBackend, auditStoreContract } from '../support/audit-contract';
import { backends, freshStore } from '../support/dynamo';
import { memoryStores } from '../support/memory-store';
import { type ContractBackend, checkinStoreContract } from '../support/store-contract';

/**
 * The check-in stores' contract on every backend: the tests' memory fake, and the DynamoDB
 * adapter on dynalite and on DynamoDB Local. One suite, so that the fake cannot drift.
 */
const memory: ContractBackend = {
  name: 'the memory fake',
  async open() {
    const stores = memoryStores();
    const { data } = stores;
    return {
      stores,
      putEmployee: async (e) => void data.employees.set(e.employeeId, e),
      putSite: async (s) => void data.sites.set(s.siteId, s),
      putHoliday: async (h) => void data.holidays.set(h.date, h),
      close: async () => {},
    };
  },
};

const dynamo: ContractBackend[] = backends().map((backend) => ({
  name: `DynamoDB (${backend.name})`,
  async open() {
    const server = await backend.start();
    const t = await freshStore(server.endpoint);
    return {
      stores: t.stores,
      putEmployee: (e) => t.stores.roster.put(e),
      putSite: (s) => t.stores.sites.put(s),
      putHoliday: (h) => t.stores.holidays.put(h),
      async close() {
        t.client.destroy();
        await server.stop();
      },
    };
  },
}));

for (const backend of [memory, ...dynamo]) checkinStoreContract(backend);

/** The audit log's contract on the same backends. */
const auditBackends: AuditBackend[] = [
  {
    name: 'the memory fake',
    open: async () => ({ audit: memoryStores().audit, close: async () => {} }),
  },
  ...backends().map((backend) => ({
    name: `DynamoDB (${backend.name})`,
    async open() {
      const server = await backend.start();
      const t = await freshStore(server.endpoint);
      return {
        audit: t.stores.audit,
        async close() {
          t.client.destroy();
          await server.stop();
        },
      };
    },
  })),
];

for (const backend of auditBackends) auditStoreContract(backend);
