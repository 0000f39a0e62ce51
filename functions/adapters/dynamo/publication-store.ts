import { monthsBetween } from '../../core/calendar';
import type { Publication, PublicationRepository, PublicationSummary } from '../../core/ports';
import type { Totals, UnitTotals } from '../../core/report';
import { PAGI } from '../../core/rollcall-ids';
import { GSI1, keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

function toPublication(i: Item): Publication {
  return {
    date: String(i.date),
    rollCallId: typeof i.rollCallId === 'string' ? i.rollCallId : PAGI,
    version: Number(i.version),
    hash: String(i.hash),
    generatedAt: String(i.generatedAt),
    totals: i.totals as Totals,
    ...(Array.isArray(i.units) ? { units: i.units as UnitTotals[] } : {}),
    listed: typeof i.gsi1pk === 'string',
    ...(typeof i.notified === 'boolean' ? { notified: i.notified } : {}),
  };
}

/**
 * One item per published version; the newest is the last in its partition. Each version is also
 * in gsi1 under its month (`PUBLISHED#{yyyy-mm}` / `{date}#{rollCallId}#{version}`), so that the
 * listing of a range is one Query per month, never a Scan, and costs no write of its own.
 */
export class DynamoPublicationStore implements PublicationRepository {
  constructor(private readonly table: TableClient) {}

  async newest(date: string, rollCallId: string = PAGI): Promise<Publication | null> {
    const page = await this.table.query({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':p': keys.publicationPk(date, rollCallId), ':v': 'V#' },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    });
    const item = page.items[0];
    return item ? toPublication(item) : null;
  }

  async record(p: Publication): Promise<boolean> {
    const rollCallId = p.rollCallId ?? PAGI;
    const { listed: _, ...stored } = p;
    try {
      await this.table.put(
        {
          ...keys.publication(p.date, p.version, rollCallId),
          ...keys.publicationIndex(p.date, rollCallId, p.version),
          type: 'publication',
          ...stored,
          rollCallId,
        },
        { ConditionExpression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async markNotified(date: string, version: number, rollCallId: string = PAGI): Promise<void> {
    await this.table.update({
      Key: keys.publication(date, version, rollCallId),
      UpdateExpression: 'SET notified = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': true },
    });
  }

  async markListed(p: Publication & { readonly units: readonly UnitTotals[] }): Promise<void> {
    const rollCallId = p.rollCallId ?? PAGI;
    const index = keys.publicationIndex(p.date, rollCallId, p.version);
    try {
      await this.table.update({
        Key: keys.publication(p.date, p.version, rollCallId),
        UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk, units = :u, rollCallId = :r',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(gsi1pk)',
        ExpressionAttributeValues: {
          ':pk': index.gsi1pk,
          ':sk': index.gsi1sk,
          ':u': p.units,
          ':r': rollCallId,
        },
      });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async list(from: string, to: string): Promise<PublicationSummary[]> {
    const months = await Promise.all(
      monthsBetween(from, to).map((month) =>
        this.table.queryAll({
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
          // '$' sorts after '#', so that every roll call and version of `to` is inside.
          ExpressionAttributeValues: { ':p': `PUBLISHED#${month}`, ':from': from, ':to': `${to}$` },
        }),
      ),
    );
    // Versions come in key order, so the last one seen of a (date, roll call) is its newest.
    const newest = new Map<string, PublicationSummary>();
    for (const i of months.flat()) {
      const p = toPublication(i);
      newest.set(`${p.date}#${p.rollCallId}`, {
        date: p.date,
        rollCallId: p.rollCallId ?? PAGI,
        version: p.version,
        publishedAt: p.generatedAt,
        totals: p.totals,
        units: p.units ?? [],
      });
    }
    return [...newest.values()].sort(
      (a, b) => a.date.localeCompare(b.date) || rollCallOrder(a.rollCallId, b.rollCallId),
    );
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

/** `pagi` first, then the others by id. */
function rollCallOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === PAGI) return -1;
  if (b === PAGI) return 1;
  return a < b ? -1 : 1;
}
