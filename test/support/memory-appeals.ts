import {
  type Appeal,
  decodeAppealCursor,
  encodeAppealCursor,
  listKey,
} from '../../functions/core/appeals';
import type { AppealRepository } from '../../functions/core/ports';
import { unitKey } from '../../functions/core/rollcall-schedule';

/**
 * Appeals in memory, by id: the fake the core's tests use. It runs the same contract as the
 * DynamoDB store (test/support/appeal-contract.ts), so the two keep the same rules.
 */
export function memoryAppeals(appeals: Map<string, Appeal> = new Map()): AppealRepository {
  return {
    async save(appeal) {
      const old = appeals.get(appeal.appealId);
      if (old && old.status !== 'open') return { outcome: 'decided', appeal: old };
      const { kind: _k, ...rest } = appeal;
      const next: Appeal = {
        ...rest,
        ...(appeal.kind ? { kind: appeal.kind } : {}),
        createdAt: old?.createdAt ?? appeal.createdAt,
      };
      appeals.set(appeal.appealId, next);
      return { outcome: old ? 'updated' : 'created', appeal: next };
    },
    async get(appealId) {
      return appeals.get(appealId) ?? null;
    },
    async mine(employeeId, limit) {
      return [...appeals.values()]
        .filter((a) => a.employeeId === employeeId)
        .sort((a, b) => (`${a.date}#${a.rollCallId}` < `${b.date}#${b.rollCallId}` ? 1 : -1))
        .slice(0, limit);
    },
    async list(q) {
      const start = q.cursor === undefined ? { s: 0, a: '' } : decodeAppealCursor(q.cursor);
      if (!start) return null;
      const units = q.units ? new Set(q.units.map(unitKey)) : null;
      const items: Appeal[] = [];
      let s = start.s;
      let after = start.a;
      while (s < q.statuses.length && items.length < q.limit) {
        const status = q.statuses[s];
        const rest = [...appeals.values()]
          .filter(
            (a) =>
              a.status === status &&
              listKey(a) > after &&
              (!units || units.has(unitKey(a.unit))) &&
              (!q.date || a.date === q.date),
          )
          .sort((a, b) => (listKey(a) < listKey(b) ? -1 : 1));
        const room = q.limit - items.length;
        items.push(...rest.slice(0, room));
        if (rest.length >= room) {
          after = listKey(items[items.length - 1] as Appeal);
          break;
        }
        s++;
        after = '';
      }
      if (s >= q.statuses.length) return { items };
      return { items, cursor: encodeAppealCursor({ s, a: after }) };
    },
    async decide(appealId, d) {
      const a = appeals.get(appealId);
      if (a?.status !== 'open') return null;
      const next: Appeal = { ...a, ...d };
      appeals.set(appealId, next);
      return next;
    },
    async reopen(appealId, decidedAt) {
      const a = appeals.get(appealId);
      if (!a || a.decidedAt !== decidedAt) return;
      const { decidedAt: _a, decidedBy: _b, note: _n, ...rest } = a;
      appeals.set(appealId, { ...rest, status: 'open' });
    },
  };
}
