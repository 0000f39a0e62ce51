import type { AttendanceMark } from '../../core/mark-record';
import type { CreatedMark, MarkRepository } from '../../core/ports';
import { keys } from './table';
import {
  type Item,
  isConditionFailure,
  itemOfFailure,
  storable,
  type TableClient,
} from './table-client';

/**
 * Attendance marks: one item per (date, roll call, employee), in the partition of that date and
 * roll call (`MARKS#{date}#{rollCallId}` / `{employeeId}`), so that a report reads a day's marks
 * with one consistent Query. Marks are few (made by hand), so the partition is never hot. The
 * first mark is one conditional PutItem; a withdrawn one is marked (`withdrawnAt`, `withdrawnBy`)
 * rather than deleted — the API's role may not delete — and a later mark takes its place.
 */
export class DynamoMarkStore implements MarkRepository {
  constructor(private readonly table: TableClient) {}

  async create(mark: AttendanceMark): Promise<CreatedMark> {
    try {
      await this.table.put(markItem(mark), {
        ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(withdrawnAt)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      return { created: true, mark: storable(mark) };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const old = itemOfFailure(err);
      const standing = old
        ? toMark(old)
        : await this.get(mark.date, mark.rollCallId, mark.employeeId);
      // Withdrawn between the condition and the read: try again (a withdrawn mark yields).
      if (!standing) return this.create(mark);
      return { created: false, mark: standing };
    }
  }

  async put(mark: AttendanceMark): Promise<void> {
    await this.table.put(markItem(mark));
  }

  async get(date: string, rollCallId: string, employeeId: string) {
    const item = await this.table.get(keys.mark(date, rollCallId, employeeId), true);
    return item && item.withdrawnAt === undefined ? toMark(item) : null;
  }

  async remove(
    date: string,
    rollCallId: string,
    employeeId: string,
    by: { by: string; at: string } = { by: 'system', at: new Date().toISOString() },
  ): Promise<AttendanceMark | null> {
    try {
      const old = await this.table.update({
        Key: keys.mark(date, rollCallId, employeeId),
        UpdateExpression: 'SET withdrawnAt = :at, withdrawnBy = :by',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(withdrawnAt)',
        ExpressionAttributeValues: { ':at': by.at, ':by': by.by },
        ReturnValues: 'ALL_OLD',
      });
      return old ? toMark(old) : null;
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async on(date: string, rollCallId: string): Promise<AttendanceMark[]> {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': keys.markDayPk(date, rollCallId) },
      ConsistentRead: true,
    });
    return items.filter((i) => i.withdrawnAt === undefined).map(toMark);
  }
}

function markItem(mark: AttendanceMark): Item {
  return { ...keys.mark(mark.date, mark.rollCallId, mark.employeeId), type: 'mark', ...mark };
}

export function toMark(i: Item): AttendanceMark {
  const status = i.status === 'late' || i.status === 'excused' ? i.status : 'on_time';
  return {
    employeeId: String(i.employeeId),
    date: String(i.date),
    rollCallId: String(i.rollCallId),
    status,
    ...(typeof i.kind === 'string' ? { kind: i.kind as NonNullable<AttendanceMark['kind']> } : {}),
    ...(typeof i.at === 'string' ? { at: i.at } : {}),
    reason: String(i.reason),
    method: i.method === 'appeal' ? 'appeal' : 'manual',
    by: String(i.by),
    markedAt: String(i.markedAt),
  };
}
