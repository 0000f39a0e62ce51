import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRecord } from '../../functions/core/staff';
import type { ContractBackend, ContractFixture } from './store-contract';

const operator = (userId: string, units: string[], name?: string): StaffRecord => ({
  userId,
  roles: ['operator'],
  units,
  rollCallIds: [],
  ...(name ? { name } : {}),
});

/**
 * What every StaffRepository must do, the memory fake as much as the DynamoDB adapter
 * (test/adapters/store-contract.test.ts runs it on each backend).
 */
export function staffStoreContract(backend: ContractBackend): void {
  describe(`staff records on ${backend.name}`, () => {
    let f: ContractFixture;
    beforeAll(async () => {
      f = await backend.open();
    });
    afterAll(() => f.close());

    it('stores a record, answers it whole, and answers null for a user without one', async () => {
      const s = f.stores.staff;
      expect(await s.get('op-1')).toBeNull();
      expect(await s.put(operator('op-1', ['Dinas Pendidikan', 'BKD'], 'Rina'))).toBeNull();
      expect(await s.get('op-1')).toEqual(operator('op-1', ['Dinas Pendidikan', 'BKD'], 'Rina'));
      expect(await s.get('OP-1')).toBeNull();
    });

    it('replaces a record whole (a name dropped is gone) and answers the one replaced', async () => {
      const s = f.stores.staff;
      await s.put(operator('op-2', ['BKD'], 'Budi'));
      const both: StaffRecord = {
        userId: 'op-2',
        roles: ['operator', 'officer'],
        units: ['Dinas Kesehatan'],
        rollCallIds: ['pagi', 'hkn'],
      };
      expect(await s.put(both)).toEqual(operator('op-2', ['BKD'], 'Budi'));
      expect(await s.get('op-2')).toEqual(both);
    });

    it('removes a record once: the second removal and a removal of nobody answer null', async () => {
      const s = f.stores.staff;
      await s.put(operator('op-3', ['BKD']));
      expect(await s.remove('op-3')).toEqual(operator('op-3', ['BKD']));
      expect(await s.get('op-3')).toBeNull();
      expect(await s.remove('op-3')).toBeNull();
      expect(await s.remove('never-staff')).toBeNull();
      expect(await s.get('never-staff')).toBeNull();
      expect((await s.list()).map((r) => r.userId)).not.toContain('op-3');
      // A grant after a revocation stands as a fresh record, the replaced one reported as none.
      expect(await s.put(operator('op-3', ['Inspektorat']))).toBeNull();
      expect(await s.get('op-3')).toEqual(operator('op-3', ['Inspektorat']));
    });

    it('lists every live record by user id', async () => {
      const s = f.stores.staff;
      await s.put({ userId: 'a-officer', roles: ['officer'], units: [], rollCallIds: ['pagi'] });
      await s.put(operator('z-op', ['BKD']));
      await s.put(operator('gone', ['BKD']));
      await s.remove('gone');
      const list = await s.list();
      const ids = list.map((r) => r.userId);
      expect(ids).toEqual([...ids].sort());
      expect(ids).toEqual(expect.arrayContaining(['a-officer', 'op-1', 'op-2', 'op-3', 'z-op']));
      expect(ids).not.toContain('gone');
      expect(list.find((r) => r.userId === 'a-officer')).toEqual({
        userId: 'a-officer',
        roles: ['officer'],
        units: [],
        rollCallIds: ['pagi'],
      });
    });
  });
}
