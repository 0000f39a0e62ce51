import {
  type Appeal,
  decodeAppealCursor,
  encodeAppealCursor,
  listKey,
  parseAppealId,
} from '../../core/appeals';
import type { AppealPage, AppealQuery, AppealRepository, SavedAppeal } from '../../core/ports';
import { unitKey } from '../../core/rollcall-schedule';
import { appealKeys, toAppeal } from './appeal-items';
import { GSI1 } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/** Items read per Query while filling a filtered page. */
const QUERY_PAGE = 100;

/**
 * Appeals: saved, read, listed and decided. Their keys and the item's mapping are in
 * appeal-items.ts.
 */
export class DynamoAppealStore implements AppealRepository {
  constructor(private readonly table: TableClient) {}

  async save(appeal: Appeal): Promise<SavedAppeal> {
    const names: Record<string, string> = {
      '#type': 'type',
      '#appealId': 'appealId',
      '#employeeId': 'employeeId',
      '#name': 'name',
      '#unit': 'unit',
      '#unitKey': 'unitKey',
      '#date': 'date',
      '#rollCallId': 'rollCallId',
      '#claim': 'claim',
      '#kind': 'kind',
      '#reason': 'reason',
      '#status': 'status',
      '#createdAt': 'createdAt',
      '#updatedAt': 'updatedAt',
      '#gsi1pk': 'gsi1pk',
      '#gsi1sk': 'gsi1sk',
    };
    const values: Record<string, unknown> = {
      ':type': 'appeal',
      ':appealId': appeal.appealId,
      ':employeeId': appeal.employeeId,
      ':name': appeal.name,
      ':unit': appeal.unit,
      ':unitKey': unitKey(appeal.unit),
      ':date': appeal.date,
      ':rollCallId': appeal.rollCallId,
      ':claim': appeal.claim,
      ':reason': appeal.reason,
      ':open': 'open',
      ':createdAt': appeal.createdAt,
      ':updatedAt': appeal.updatedAt,
      ':gsi1pk': appealKeys.statusPk('open'),
      ':gsi1sk': listKey(appeal),
    };
    const set = [
      '#type = :type',
      '#appealId = :appealId',
      '#employeeId = :employeeId',
      '#name = :name',
      '#unit = :unit',
      '#unitKey = :unitKey',
      '#date = :date',
      '#rollCallId = :rollCallId',
      '#claim = :claim',
      '#reason = :reason',
      '#status = :open',
      '#updatedAt = :updatedAt',
      // The first posting's time stays: the inbox keeps the appeal where it was.
      '#createdAt = if_not_exists(#createdAt, :createdAt)',
      '#gsi1pk = :gsi1pk',
      '#gsi1sk = if_not_exists(#gsi1sk, :gsi1sk)',
    ];
    if (appeal.kind) {
      set.push('#kind = :kind');
      values[':kind'] = appeal.kind;
    }
    try {
      const old = await this.table.update({
        Key: appealKeys.appeal(appeal.employeeId, appeal.date, appeal.rollCallId),
        UpdateExpression: `SET ${set.join(', ')}${appeal.kind ? '' : ' REMOVE #kind'}`,
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_OLD',
      });
      if (!old) return { outcome: 'created', appeal };
      return { outcome: 'updated', appeal: { ...appeal, createdAt: String(old.createdAt) } };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const standing = await this.get(appeal.appealId);
      if (!standing) throw new Error(`appeal ${appeal.appealId} vanished`);
      return { outcome: 'decided', appeal: standing };
    }
  }

  async get(appealId: string): Promise<Appeal | null> {
    const id = parseAppealId(appealId);
    if (!id) return null;
    const item = await this.table.get(
      appealKeys.appeal(id.employeeId, id.date, id.rollCallId),
      true,
    );
    return item ? toAppeal(item) : null;
  }

  async mine(employeeId: string, limit: number): Promise<Appeal[]> {
    const page = await this.table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': `EMP#${employeeId}`, ':a': 'APPEAL#' },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    });
    return page.items.map(toAppeal);
  }

  async list(q: AppealQuery): Promise<AppealPage | null> {
    const start = q.cursor === undefined ? { s: 0, a: '' } : decodeAppealCursor(q.cursor);
    if (!start || start.s >= q.statuses.length) return start ? { items: [] } : null;
    const filters: string[] = [];
    const values: Record<string, unknown> = {};
    if (q.units) {
      const units = [...new Set(q.units.map(unitKey))];
      if (units.length === 0) return { items: [] };
      filters.push(`unitKey IN (${units.map((_, i) => `:u${i}`).join(', ')})`);
      units.forEach((u, i) => {
        values[`:u${i}`] = u;
      });
    }
    if (q.date) {
      filters.push('#date = :d');
      values[':d'] = q.date;
    }
    const items: Appeal[] = [];
    let s = start.s;
    let after = start.a;
    let lastKey: string | null = null;
    while (s < q.statuses.length && items.length < q.limit) {
      let more = true;
      let resume: Item | undefined;
      while (more && items.length < q.limit) {
        const page = await this.table.query({
          IndexName: GSI1,
          KeyConditionExpression: after ? 'gsi1pk = :p AND gsi1sk > :a' : 'gsi1pk = :p',
          ExpressionAttributeValues: {
            ':p': appealKeys.statusPk(q.statuses[s] as string),
            ...(after ? { ':a': after } : {}),
            ...values,
          },
          ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
          ...(q.date ? { ExpressionAttributeNames: { '#date': 'date' } } : {}),
          Limit: QUERY_PAGE,
          ...(resume ? { ExclusiveStartKey: resume } : {}),
        });
        for (const i of page.items) {
          if (items.length === q.limit) break;
          items.push(toAppeal(i));
          lastKey = String(i.gsi1sk);
        }
        resume = page.lastKey;
        more = resume !== undefined;
      }
      if (items.length < q.limit) {
        s++;
        after = '';
        lastKey = null;
      }
    }
    if (s >= q.statuses.length) return { items };
    // Full page: resume after its last item, in the status it came from.
    return { items, cursor: encodeAppealCursor({ s, a: lastKey ?? after }) };
  }

  async decide(
    appealId: string,
    d: { status: 'accepted' | 'rejected'; decidedBy: string; decidedAt: string; note: string },
  ): Promise<Appeal | null> {
    const id = parseAppealId(appealId);
    if (!id) return null;
    try {
      const item = await this.table.update({
        Key: appealKeys.appeal(id.employeeId, id.date, id.rollCallId),
        UpdateExpression:
          'SET #status = :s, decidedBy = :by, decidedAt = :at, note = :note, gsi1pk = :p',
        ConditionExpression: 'attribute_exists(pk) AND #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':s': d.status,
          ':by': d.decidedBy,
          ':at': d.decidedAt,
          ':note': d.note,
          ':p': appealKeys.statusPk(d.status),
          ':open': 'open',
        },
        ReturnValues: 'ALL_NEW',
      });
      return item ? toAppeal(item) : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async reopen(appealId: string, decidedAt: string): Promise<void> {
    const id = parseAppealId(appealId);
    if (!id) return;
    try {
      await this.table.update({
        Key: appealKeys.appeal(id.employeeId, id.date, id.rollCallId),
        UpdateExpression: 'SET #status = :open, gsi1pk = :p REMOVE decidedBy, decidedAt, note',
        ConditionExpression: 'decidedAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':open': 'open',
          ':p': appealKeys.statusPk('open'),
          ':at': decidedAt,
        },
      });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
}
