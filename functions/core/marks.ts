/**
 * Attendance marks: the rules of placing one. A mark never replaces a check-in that stands (409
 * ALREADY_CHECKED_IN); a check-in that arrives after a mark (still within the window) stands,
 * and the report counts the check-in and shows the mark as superseded (core/report.ts).
 */
import { AlreadyCheckedIn } from './correction-errors';
import { type Issue, ValidationFailed } from './errors';
import { type AttendanceMark, MARK_REASON_MAX } from './mark-record';
import type { Stores } from './ports';

export type { AttendanceMark, MarkMethod, MarkStatus } from './mark-record';
export { MARK_REASON_MAX, MARK_STATUSES } from './mark-record';

export type MarkStores = Pick<Stores, 'checkins' | 'marks'>;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What a mark must be whatever made it (the route, an accepted appeal): each fault named. */
export function markIssues(mark: AttendanceMark): Issue[] {
  const issues: Issue[] = [];
  const reason = mark.reason.trim();
  if (reason.length === 0 || mark.reason.length > MARK_REASON_MAX) {
    issues.push({
      path: 'reason',
      message: {
        id: `alasan wajib diisi, paling banyak ${MARK_REASON_MAX} karakter`,
        en: `a reason is required, at most ${MARK_REASON_MAX} characters`,
      },
    });
  }
  if (mark.status === 'excused' && mark.kind === undefined) {
    issues.push({
      path: 'kind',
      message: {
        id: 'tanda berhalangan memerlukan jenisnya (cuti, sakit, dinas, izin, lainnya)',
        en: 'an excused mark needs its kind (leave, sick, duty, permit, other)',
      },
    });
  }
  if (mark.status !== 'excused' && mark.kind !== undefined) {
    issues.push({
      path: 'kind',
      message: {
        id: 'jenis hanya untuk tanda berhalangan',
        en: 'a kind belongs to an excused mark only',
      },
    });
  }
  if (mark.status === 'late' && mark.at === undefined) {
    issues.push({
      path: 'at',
      message: {
        id: 'tanda terlambat memerlukan jam kedatangan "HH:MM"',
        en: 'a late mark needs the time of arrival "HH:MM"',
      },
    });
  }
  if (mark.at !== undefined && !HH_MM.test(mark.at)) {
    issues.push({
      path: 'at',
      message: { id: 'jam berbentuk "HH:MM"', en: 'expected a 24-hour time "HH:MM"' },
    });
  }
  return issues;
}

function assertMark(mark: AttendanceMark): void {
  const issues = markIssues(mark);
  if (issues.length > 0) throw new ValidationFailed('the mark is not valid', issues);
}

async function assertNoCheckin(stores: MarkStores, mark: AttendanceMark): Promise<void> {
  const standing = await stores.checkins.getCheckin(mark.employeeId, mark.date, mark.rollCallId);
  if (standing) {
    throw new AlreadyCheckedIn(mark.employeeId, mark.date, mark.rollCallId, standing.receivedAt);
  }
}

/** The same statement: a repeated PUT changes nothing (and republishes nothing). */
function sameStatement(a: AttendanceMark, b: AttendanceMark): boolean {
  return (
    a.status === b.status &&
    a.kind === b.kind &&
    a.at === b.at &&
    a.reason === b.reason &&
    a.method === b.method
  );
}

/**
 * Record a mark unless one stands (an appeal accepted over a manual mark leaves the manual one):
 * returns the mark that stands. Throws AlreadyCheckedIn over a standing check-in.
 */
export async function placeMark(stores: MarkStores, mark: AttendanceMark): Promise<AttendanceMark> {
  assertMark(mark);
  await assertNoCheckin(stores, mark);
  return (await stores.marks.create(mark)).mark;
}

export interface PutMarkResult {
  readonly mark: AttendanceMark;
  /** No mark stood for the key before. */
  readonly created: boolean;
  /** The stored statement changed (new, or another status, kind, time or reason). */
  readonly changed: boolean;
  /** The mark it replaced, if any. */
  readonly before: AttendanceMark | null;
}

/**
 * `PUT /v1/attendance/…`: make the mark, or replace the standing one with this statement. A
 * repeat of the standing statement keeps the stored mark (its author and time) unchanged.
 */
export async function putMark(stores: MarkStores, mark: AttendanceMark): Promise<PutMarkResult> {
  assertMark(mark);
  await assertNoCheckin(stores, mark);
  const made = await stores.marks.create(mark);
  if (made.created) return { mark, created: true, changed: true, before: null };
  if (sameStatement(made.mark, mark)) {
    return { mark: made.mark, created: false, changed: false, before: made.mark };
  }
  await stores.marks.put(mark);
  return { mark, created: false, changed: true, before: made.mark };
}
