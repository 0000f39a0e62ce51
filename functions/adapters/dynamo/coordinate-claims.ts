import type { CoordinateClaims } from '../../core/ports';
import { keys } from './table';
import { isConditionFailure, type TableClient } from './table-client';

/** Exact coordinates of a day, claimed by the first employee who sent them (a conditional put). */
export class DynamoCoordinateClaims implements CoordinateClaims {
  constructor(private readonly table: TableClient) {}

  async claim(
    date: string,
    lat: number,
    lon: number,
    employeeId: string,
    expiresAt: number,
  ): Promise<string | null> {
    const key = keys.spot(date, lat, lon);
    try {
      await this.table.put(
        { ...key, type: 'spot', employeeId, expiresAt },
        {
          ConditionExpression: 'attribute_not_exists(pk) OR employeeId = :me',
          ExpressionAttributeValues: { ':me': employeeId },
        },
      );
      return null;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const first = await this.table.get(key, true);
      return first ? String(first.employeeId) : null;
    }
  }
}
