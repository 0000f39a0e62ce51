import type { DeviceRegistry } from '../../core/ports';
import { keys } from './table';
import type { TableClient } from './table-client';

/** Who used a device: one item per (device, employee) in the device's partition, each expiring. */
export class DynamoDeviceRegistry implements DeviceRegistry {
  constructor(private readonly table: TableClient) {}

  async register(deviceId: string, employeeId: string, expiresAt: number): Promise<string[]> {
    await this.table.put({ ...keys.device(deviceId, employeeId), type: 'device', expiresAt });
    const users = await this.table.query({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.device(deviceId, employeeId).pk },
      Limit: 20,
    });
    return users.items.map((i) => String(i.sk)).filter((id) => id !== employeeId);
  }
}
