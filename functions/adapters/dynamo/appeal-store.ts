import {
  type Appeal,
  decodeAppealCursor,
  encodeAppealCursor,
  listKey,
  parseAppealId,
} from '../../core/appeals';
import { EXCUSE_KINDS } from '../../core/model';
import type { AppealPage, AppealQuery, AppealRepository, SavedAppeal } from '../../core/ports';
import { unitKey } from '../../core/rollcall-schedule';
import { GSI1 } from './table';
import { type Item, isConditionFailure, type TableClient } from './table-client';

/**
 * Appeals, beside the table's keys (table.ts):
 *
 * | item   | pk        | sk                           | gsi1pk / gsi1sk                          |
 * |--------|-----------|------------------------------|------------------------------------------|
 * | appeal | EMP#{id}  | APPEAL#{date}#{rollCallId}   | APPEALS#{status} / {createdAt}#{appealId} |
 *
 * One item per employee, date and roll call, in the employee's partition (their own list is one
 * Query); the status's index partition is the inbox, oldest first. A decision moves the item to
 * its status's partition with one conditional UpdateItem, so two deciders cannot both win.
 */
export const appealKeys = {
  appeal: (employeeId: string, date: string, rollCallId: string) => ({
    pk: `EMP#${employeeId}`,
    sk: `APPEAL#${date}#${rollCallId}`,
  }),
  statusPk: (status: string) => `APPEALS#${status}`,
};

/** Items read per Query while filling a filtered page. */
const QUERY_PAGE = 100;

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

const STATUSES = new Set(['open', 'accepted', 'rejected']);
const KINDS = new Set<string>(EXCUSE_KINDS);

export function toAppeal(i: Item): Appeal {
  const str = (k: string) => (typeof i[k] === 'string' ? { [k]: i[k] as string } : {});
  return {
    appealId: String(i.appealId),
    employeeId: String(i.employeeId),
    name: String(i.name ?? ''),
    unit: String(i.unit ?? ''),
    date: String(i.date),
    rollCallId: String(i.rollCallId),
    claim: i.claim === 'excused' ? 'excused' : 'present',
    ...(typeof i.kind === 'string' && KINDS.has(i.kind) ? { kind: i.kind as Appeal['kind'] } : {}),
    reason: String(i.reason),
    status: STATUSES.has(String(i.status)) ? (i.status as Appeal['status']) : 'open',
    createdAt: String(i.createdAt),
    updatedAt: String(i.updatedAt),
    ...str('decidedAt'),
    ...str('decidedBy'),
    ...str('note'),
  } as Appeal;
}
