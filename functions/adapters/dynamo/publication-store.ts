import type { Publication, PublicationRepository } from '../../core/ports';
import type { Totals } from '../../core/report';
import { keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

function toPublication(i: Item): Publication {
  return {
    date: String(i.date),
    version: Number(i.version),
    hash: String(i.hash),
    generatedAt: String(i.generatedAt),
    totals: i.totals as Totals,
    ...(typeof i.notified === 'boolean' ? { notified: i.notified } : {}),
  };
}

/** One item per published version; the newest is the last in its partition. */
export class DynamoPublicationStore implements PublicationRepository {
  constructor(private readonly table: TableClient) {}

  async newest(date: string): Promise<Publication | null> {
    const page = await this.table.query({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':p': keys.publicationPk(date), ':v': 'V#' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
    const item = page.items[0];
    return item ? toPublication(item) : null;
  }

  async record(p: Publication): Promise<boolean> {
    try {
      await this.table.put(
        { ...keys.publication(p.date, p.version), type: 'publication', ...p },
        { ConditionExpression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async markNotified(date: string, version: number): Promise<void> {
    await this.table.update({
      Key: keys.publication(date, version),
      UpdateExpression: 'SET notified = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': true },
    });
  }

  async newestDate(): Promise<string | null> {
    const item = await this.table.get(keys.newestReport(), true);
    return typeof item?.date === 'string' ? item.date : null;
  }

  async markNewestDate(date: string): Promise<void> {
    try {
      await this.table.put(
        { ...keys.newestReport(), type: 'newest-report', date },
        {
          ConditionExpression: 'attribute_not_exists(pk) OR #d <= :d',
          ExpressionAttributeNames: { '#d': 'date' },
          ExpressionAttributeValues: { ':d': date },
        },
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
}
