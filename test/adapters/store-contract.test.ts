import type { Employee, Holiday, Site } from '../../functions/core/model';
import { appealStoreContract } from '../support/appeal-contract';
import { type AuditBackend, auditStoreContract } from '../support/audit-contract';
import { dynamoBackends } from '../support/dynamo';
import { memoryAppeals } from '../support/memory-appeals';
import { memoryStores } from '../support/memory-store';
import { staffStoreContract } from '../support/staff-contract';
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

const dynamo: ContractBackend[] = dynamoBackends((t) => ({
  stores: t.stores,
  putEmployee: (e: Employee) => t.stores.roster.put(e),
  putSite: (s: Site) => t.stores.sites.put(s),
  putHoliday: (h: Holiday) => t.stores.holidays.put(h),
}));

for (const backend of [memory, ...dynamo]) {
  checkinStoreContract(backend);
  staffStoreContract(backend);
}

/** The audit log's contract on the same backends. */
const auditBackends: AuditBackend[] = [
  {
    name: 'the memory fake',
    open: async () => ({ audit: memoryStores().audit, close: async () => {} }),
  },
  ...dynamoBackends((t) => ({ audit: t.stores.audit })),
];

for (const backend of auditBackends) auditStoreContract(backend);

/** The appeal store's contract on the same backends. */
appealStoreContract({
  name: 'the memory fake',
  open: async () => ({ appeals: memoryAppeals(), close: async () => {} }),
});
for (const backend of dynamoBackends((t) => ({ appeals: t.stores.appeals }))) {
  appealStoreContract(backend);
}
