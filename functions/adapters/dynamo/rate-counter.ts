import type { RateCounter } from '../../core/ports';
import { keys } from './table';
import type { TableClient } from './table-client';

/** One counter item per employee and minute, added to atomically and expiring soon after. */
export class DynamoRateCounter implements RateCounter {
  constructor(private readonly table: TableClient) {}

  async count(employeeId: string, minute: string, expiresAt: number): Promise<number> {
    const out = await this.table.update({
      Key: keys.rate(employeeId, minute),
      UpdateExpression: 'ADD n :one SET expiresAt = :x',
      ExpressionAttributeValues: { ':one': 1, ':x': expiresAt },
      ReturnValues: 'UPDATED_NEW',
    });
    return Number(out?.n ?? 1);
  }
}
