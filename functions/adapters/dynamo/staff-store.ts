import type { StaffRepository } from '../../core/ports';
import { STAFF_ROLES, type StaffRecord } from '../../core/staff';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

function toStaff(i: Item): StaffRecord {
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  const roles = list(i.roles);
  return {
    userId: String(i.userId),
    roles: STAFF_ROLES.filter((r) => roles.includes(r)),
    units: list(i.units),
    rollCallIds: list(i.rollCallIds),
    ...(typeof i.name === 'string' ? { name: i.name } : {}),
  };
}

const live = (i: Item | null | undefined): i is Item => !!i && i.removed !== true;

/**
 * Staff records, one item each under the fixed partition STAFF (few: a city's operators and
 * officers), so that the list is one Query and a record one consistent GetItem: a revoked role
 * stops working at the next request. A revocation marks the item removed (the API's role may not
 * delete), and a later grant writes over it.
 */
export class DynamoStaffStore implements StaffRepository {
  constructor(private readonly table: TableClient) {}

  async get(userId: string): Promise<StaffRecord | null> {
    const item = await this.table.get(keys.staff(userId), true);
    return live(item) ? toStaff(item) : null;
  }

  async put(record: StaffRecord): Promise<StaffRecord | null> {
    const old = await this.table.update({
      Key: keys.staff(record.userId),
      UpdateExpression: `SET #type = :type, userId = :u, #roles = :r, units = :units, rollCallIds = :c${
        record.name === undefined ? '' : ', #name = :n'
      } REMOVE removed${record.name === undefined ? ', #name' : ''}`,
      ExpressionAttributeNames: { '#type': 'type', '#roles': 'roles', '#name': 'name' },
      ExpressionAttributeValues: {
        ':type': 'staff',
        ':u': record.userId,
        ':r': [...record.roles],
        ':units': [...record.units],
        ':c': [...record.rollCallIds],
        ...(record.name === undefined ? {} : { ':n': record.name }),
      },
      ReturnValues: 'ALL_OLD',
    });
    return live(old) ? toStaff(old) : null;
  }

  async remove(userId: string): Promise<StaffRecord | null> {
    try {
      const old = await this.table.update({
        Key: keys.staff(userId),
        UpdateExpression: 'SET removed = :t',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(removed) OR removed <> :t)',
        ExpressionAttributeValues: { ':t': true },
        ReturnValues: 'ALL_OLD',
      });
      return live(old) ? toStaff(old) : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async list(): Promise<StaffRecord[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.staffPk() },
      ConsistentRead: true,
    });
    return items.filter(live).map(toStaff);
  }
}
