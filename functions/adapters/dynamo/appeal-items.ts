import type { Appeal } from '../../core/appeals';
import { EXCUSE_KINDS } from '../../core/model';
import type { Item } from './table-client';

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

const STATUSES = new Set(['open', 'accepted', 'rejected']);
const KINDS = new Set<string>(EXCUSE_KINDS);

/** The appeal an item holds; a status or kind it does not know reads as open / none. */
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
