import { addDays } from '../../core/calendar';
import type { Excuse } from '../../core/model';
import type { ExcuseRepository } from '../../core/ports';
import { toExcuse } from './items';
import { keys } from './table';
import type { Item, TableClient } from './table-client';

/**
 * Excuses: the excuse itself, plus one small copy per day it covers, so that the report reads
 * the day's excuses with one Query — an interval overlap query DynamoDB cannot do otherwise.
 */
export class DynamoExcuseStore implements ExcuseRepository {
  constructor(private readonly table: TableClient) {}

  async put(excuse: Excuse): Promise<void> {
    await this.table.putEach(itemsOf(excuse));
  }

  async get(excuseId: string): Promise<Excuse | null> {
    const item = await this.table.get(keys.excuse(excuseId), true);
    return item ? toExcuse(item) : null;
  }

  async on(date: string): Promise<Excuse[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.excuseDayPk(date) },
    });
    return items.map(toExcuse);
  }

  /** Revoked, not deleted: the record stays for audit and the report ignores it. */
  async revoke(excuseId: string): Promise<Excuse | null> {
    const excuse = await this.get(excuseId);
    if (!excuse) return null;
    const revoked = { ...excuse, revoked: true };
    await this.table.putEach(itemsOf(revoked));
    return revoked;
  }
}

function itemsOf(excuse: Excuse): Item[] {
  const body = { type: 'excuse', ...excuse };
  const items: Item[] = [{ ...keys.excuse(excuse.excuseId), ...body }];
  // Counted in days, not compared as text: the day after 9999-12-31 is written "+010000-01…",
  // which sorts before it, so a loop on `d <= to` never ended (and ate all memory).
  const days = Math.round((Date.parse(excuse.to) - Date.parse(excuse.from)) / 86_400_000);
  for (let i = 0; i <= days; i++) {
    const d = addDays(excuse.from, i);
    items.push({ ...keys.excuseDay(d, excuse.employeeId, excuse.excuseId), ...body });
  }
  return items;
}
