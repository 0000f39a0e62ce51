import type { AttendanceMark } from '../../functions/core/mark-record';
import type { CorrectionLog, MarkRepository, PendingCorrection } from '../../functions/core/ports';

const markKey = (date: string, rollCallId: string, employeeId: string) =>
  `${date}|${rollCallId}|${employeeId}`;

/**
 * Attendance marks and the corrections log in memory, for the core's unit tests. The store
 * contract (test/support/mark-contract.ts) runs on these and on DynamoDB alike.
 */
export function memoryMarks(
  marks = new Map<string, AttendanceMark>(),
  corrections = new Map<string, PendingCorrection & { pending: boolean }>(),
): { marks: MarkRepository; corrections: CorrectionLog } {
  return {
    marks: {
      async create(mark) {
        const k = markKey(mark.date, mark.rollCallId, mark.employeeId);
        const standing = marks.get(k);
        if (standing) return { created: false, mark: standing };
        marks.set(k, mark);
        return { created: true, mark };
      },
      async put(mark) {
        marks.set(markKey(mark.date, mark.rollCallId, mark.employeeId), mark);
      },
      async get(date, rollCallId, employeeId) {
        return marks.get(markKey(date, rollCallId, employeeId)) ?? null;
      },
      async remove(date, rollCallId, employeeId) {
        const k = markKey(date, rollCallId, employeeId);
        const standing = marks.get(k) ?? null;
        marks.delete(k);
        return standing;
      },
      async on(date, rollCallId) {
        return [...marks.values()].filter((m) => m.date === date && m.rollCallId === rollCallId);
      },
    },
    corrections: {
      async touch(date, rollCallId, at) {
        corrections.set(`${date}#${rollCallId}`, { date, rollCallId, at, pending: true });
      },
      async get(date, rollCallId) {
        const c = corrections.get(`${date}#${rollCallId}`);
        return c?.pending ? { date: c.date, rollCallId: c.rollCallId, at: c.at } : null;
      },
      async pending() {
        return [...corrections.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .flatMap(([, c]) =>
            c.pending ? [{ date: c.date, rollCallId: c.rollCallId, at: c.at }] : [],
          );
      },
      async settle(date, rollCallId, at) {
        const c = corrections.get(`${date}#${rollCallId}`);
        if (!c?.pending || c.at !== at) return false;
        c.pending = false;
        return true;
      },
    },
  };
}
