/**
 * Attendance marks and the corrections log: the stores behind core/marks.ts and
 * core/corrections.ts.
 */
import type { AttendanceMark } from '../mark-record';

export interface CreatedMark {
  readonly created: boolean;
  /** The mark that stands for that (date, roll call, employee): the new one, or the one before. */
  readonly mark: AttendanceMark;
}

/** One mark per (date, roll call, employee). A withdrawn mark is kept for audit, never read back. */
export interface MarkRepository {
  /** Store the mark unless one stands for its key (conditional); either way return the standing one. */
  create(mark: AttendanceMark): Promise<CreatedMark>;
  /** Replace the standing mark (or make one): a PUT that changes status, time or reason. */
  put(mark: AttendanceMark): Promise<void>;
  get(date: string, rollCallId: string, employeeId: string): Promise<AttendanceMark | null>;
  /** Withdraw the standing mark; returns it, or null when none stood. */
  remove(
    date: string,
    rollCallId: string,
    employeeId: string,
    by?: { readonly by: string; readonly at: string },
  ): Promise<AttendanceMark | null>;
  /** Every standing mark of a date and roll call, read consistently (a republish follows a write). */
  on(date: string, rollCallId: string): Promise<AttendanceMark[]>;
}

/** A (date, roll call) a correction touched after it was published, waiting to be republished. */
export interface PendingCorrection {
  readonly date: string;
  readonly rollCallId: string;
  /** When the newest correction was recorded; unique per correction (instant and a nonce). */
  readonly at: string;
}

/**
 * The days to republish. `touch` records a correction (the newest wins); `settle` clears it once
 * a publication after it stands, unless a newer correction came in meanwhile (conditional on
 * `at`), so that a correction racing a republish is never dropped.
 */
export interface CorrectionLog {
  touch(date: string, rollCallId: string, at: string): Promise<void>;
  get(date: string, rollCallId: string): Promise<PendingCorrection | null>;
  /** Every pending correction, oldest date first. */
  pending(): Promise<PendingCorrection[]>;
  /** Clear the entry if it is still the correction `at`; true when it was cleared. */
  settle(date: string, rollCallId: string, at: string): Promise<boolean>;
}
