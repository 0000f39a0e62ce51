import {
  type AuditPage,
  type AuditRepository,
  type AuditSearch,
  auditKey,
  type StoredAuditEntry,
} from '../../core/audit';
import { monthsBetween } from '../../core/calendar';
import type { Json } from '../../core/errors';
import { GSI1, GSI2, keys } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/** How many entries are written at once (an import writes one per employee changed). */
const WRITES_IN_FLIGHT = 16;

function toEntry(i: Item): StoredAuditEntry {
  return {
    id: String(i.id),
    at: String(i.at),
    actor: String(i.actor),
    action: String(i.action),
    subject: String(i.subject),
    ...(i.before === undefined ? {} : { before: i.before as Json }),
    ...(i.after === undefined ? {} : { after: i.after as Json }),
  };
}

/**
 * The audit log in the table (docs/architecture.md, "The audit log"). One item per entry, under
 * its month (`AUDIT#{yyyy-mm}` / `{at}#{id}`), and in both indexes under its actor
 * (gsi1: `AUDITBY#{actor}`) and its subject (gsi2: `AUDITON#{subject}`), each sorted by the same
 * `{at}#{id}`: a search by date range, by person or by subject is a Query, never a Scan, and the
 * indexes cost no item of their own.
 *
 * Append-only: entries are written with `attribute_not_exists` and this class has no update or
 * delete; the items carry no TTL attribute, so DynamoDB keeps them until someone deletes them by
 * hand (the table's retention is the deployment's, see docs/deploy.md).
 */
export class DynamoAuditLog implements AuditRepository {
  constructor(private readonly table: TableClient) {}

  async append(entries: readonly StoredAuditEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += WRITES_IN_FLIGHT) {
      await Promise.all(entries.slice(i, i + WRITES_IN_FLIGHT).map((e) => this.put(e)));
    }
  }

  private async put(e: StoredAuditEntry): Promise<void> {
    try {
      await this.table.put(
        {
          ...keys.audit(e),
          ...keys.auditByActor(e),
          ...keys.auditBySubject(e),
          type: 'audit',
          ...e,
        },
        { ConditionExpression: 'attribute_not_exists(pk)' },
      );
    } catch (err) {
      // The same entry again (a retried request's write): the first one stands, unchanged.
      if (!isConditionFailure(err)) throw err;
    }
  }

  async search(q: AuditSearch): Promise<AuditPage> {
    // The subject's index is the narrower one; the actor is then a filter on it.
    if (q.subject !== undefined) {
      return this.collect(q, [
        {
          IndexName: GSI2,
          KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :lo AND :hi',
          partition: keys.auditBySubject({ subject: q.subject, at: '', id: '' }).gsi2pk,
        },
      ]);
    }
    if (q.actor !== undefined) {
      return this.collect(q, [
        {
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :lo AND :hi',
          partition: keys.auditByActor({ actor: q.actor, at: '', id: '' }).gsi1pk,
        },
      ]);
    }
    // A later page starts in the month of the previous page's last entry.
    const upTo = q.after !== undefined && q.after < q.to ? q.after : q.to;
    const months = monthsBetween(q.from.slice(0, 10), upTo.slice(0, 10)).reverse();
    return this.collect(
      q,
      months.map((month) => ({
        KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
        partition: keys.auditMonth(month),
      })),
    );
  }

  /** Newest first through the partitions in order, until a page and one more are found. */
  private async collect(
    q: AuditSearch,
    parts: readonly { IndexName?: string; KeyConditionExpression: string; partition: string }[],
  ): Promise<AuditPage> {
    const hi = q.after !== undefined && q.after < q.to ? q.after : q.to;
    const found: StoredAuditEntry[] = [];
    const filter = q.subject !== undefined && q.actor !== undefined;
    for (const part of parts) {
      let start: Item | undefined;
      do {
        const page = await this.table.query({
          ...(part.IndexName ? { IndexName: part.IndexName } : {}),
          KeyConditionExpression: part.KeyConditionExpression,
          ...(filter ? { FilterExpression: 'actor = :a' } : {}),
          ExpressionAttributeValues: {
            ':p': part.partition,
            ':lo': q.from,
            ':hi': hi,
            ...(filter ? { ':a': q.actor } : {}),
          },
          ScanIndexForward: false,
          Limit: q.limit + 1 - found.length + (q.after === undefined ? 0 : 1),
          ExclusiveStartKey: start,
        });
        for (const item of page.items) {
          const e = toEntry(item);
          // BETWEEN is inclusive: the last entry of the previous page is not this page's.
          if (q.after !== undefined && auditKey(e) >= q.after) continue;
          found.push(e);
        }
        start = page.lastKey;
      } while (start !== undefined && found.length <= q.limit);
      if (found.length > q.limit) break;
    }
    return { items: found.slice(0, q.limit), more: found.length > q.limit };
  }
}
