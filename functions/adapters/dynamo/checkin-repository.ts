import type { Checkin } from '../../core/model';
import type { CheckinRepository, PutCheckinResult } from '../../core/ports';
import { PAGI } from '../../core/rollcall-ids';
import { toAttempt, toCheckin } from './items';
import { GSI1, keys, SHARDS } from './table';
import {
  type Item,
  isConditionFailure,
  itemOfFailure,
  storable,
  type TableClient,
} from './table-client';

/**
 * Check-ins on DynamoDB, in the employee's partition beside their attempts, and in the
 * write-sharded day index for the report. The first check-in of a day is one conditional PutItem.
 */
export class DynamoCheckinRepository implements CheckinRepository {
  constructor(private readonly table: TableClient) {}

  async putFirstCheckin(checkin: Checkin): Promise<PutCheckinResult> {
    const rollCallId = checkin.rollCallId ?? PAGI;
    const item = {
      ...keys.checkin(checkin.employeeId, checkin.date, rollCallId),
      ...keys.dayIndex(checkin.employeeId, checkin.date, rollCallId),
      type: 'checkin',
      ...checkin,
    };
    try {
      await this.table.put(item, {
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      });
      // As stored (numbers under 1e-130 become 0), so that the first answer and every repeat agree.
      return { created: true, checkin: storable(checkin) };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const old = itemOfFailure(err);
      const existing = old
        ? toCheckin(old)
        : await this.getCheckin(checkin.employeeId, checkin.date, rollCallId);
      if (!existing) throw new Error('check-in condition failed but no check-in was found');
      return { created: false, checkin: existing };
    }
  }

  async getCheckin(employeeId: string, date: string, rollCallId = PAGI): Promise<Checkin | null> {
    const item = await this.table.get(keys.checkin(employeeId, date, rollCallId), true);
    return item ? toCheckin(item) : null;
  }

  async employeeDay(employeeId: string, date: string) {
    const items = await this.table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
      ExpressionAttributeValues: {
        ':pk': keys.employee(employeeId).pk,
        ':day': keys.dayPrefix(date),
      },
      ConsistentRead: true,
    });
    const checkins = items.filter((i) => i.type === 'checkin');
    const pagi = checkins.find((i) => i.sk === keys.checkin(employeeId, date).sk);
    return {
      checkin: pagi ? toCheckin(pagi) : null,
      checkins: checkins.map(toCheckin),
      attempts: items.filter((i) => i.type === 'attempt').map(toAttempt),
    };
  }

  /** Check-ins of one apel date, from the write-sharded day index (one Query per shard). */
  async checkinsOn(date: string, rollCallId = PAGI): Promise<Checkin[]> {
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, shard) =>
        this.table.queryAll({
          IndexName: GSI1,
          KeyConditionExpression: 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': keys.dayShard(date, rollCallId, shard) },
        }),
      ),
    );
    return shards.flat().map((i) => withReviewFlags(toCheckin(i), i));
  }

  async addReviewFlag(employeeId: string, date: string, flag: string, rollCallId = PAGI) {
    try {
      await this.table.update({
        Key: keys.checkin(employeeId, date, rollCallId),
        UpdateExpression: 'ADD reviewFlags :f',
        // Never create a half item: the check-in's own conditional put must stay the first write.
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':f': new Set([flag]) },
      });
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
}

function withReviewFlags(c: Checkin, i: Item): Checkin {
  const review = i.reviewFlags instanceof Set ? [...i.reviewFlags].map(String) : [];
  const extra = review.filter((f) => !c.flags.includes(f)).sort();
  return extra.length > 0 ? { ...c, flags: [...c.flags, ...extra] } : c;
}
