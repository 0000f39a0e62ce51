import type { TraceStore } from '../../core/ports';
import { keys } from './table';
import type { TableClient } from './table-client';

/**
 * The employee's latest fix and own devices, one item in their partition (TTL: it holds
 * coordinates). Read with the check-in context, in its BatchGetItem.
 */
export class DynamoTraceStore implements TraceStore {
  constructor(private readonly table: TableClient) {}

  async record(
    employeeId: string,
    fix: { lat: number; lon: number; capturedAt: string; deviceId?: string | undefined },
    expiresAt: number,
    ownDevice: boolean,
  ): Promise<void> {
    const device = ownDevice ? fix.deviceId : undefined;
    await this.table.update({
      Key: keys.trace(employeeId),
      UpdateExpression: `SET lat = :lat, lon = :lon, capturedAt = :at, expiresAt = :x${device ? ' ADD devices :d' : ''}`,
      ExpressionAttributeValues: {
        ':lat': fix.lat,
        ':lon': fix.lon,
        ':at': fix.capturedAt,
        ':x': expiresAt,
        ...(device ? { ':d': new Set([device]) } : {}),
      },
    });
  }
}
