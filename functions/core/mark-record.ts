/**
 * An attendance mark (tanda hadir manual): the officer at the ground marks the colleague whose
 * phone died, the operator marks someone on official duty after the fact, or an accepted appeal
 * records presence. Only the record's shape lives here, so that the ports can name it without
 * importing the rules (core/marks.ts), which import the ports.
 */
import type { ExcuseKind } from './model';

export const MARK_STATUSES = ['on_time', 'late', 'excused'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];

/** `manual`: entered by staff; `appeal`: made by accepting an appeal. */
export type MarkMethod = 'manual' | 'appeal';

/** A reason is required and short: 1 to 500 characters. */
export const MARK_REASON_MAX = 500;

export interface AttendanceMark {
  readonly employeeId: string;
  readonly date: string;
  readonly rollCallId: string;
  readonly status: MarkStatus;
  /** The excuse's kind; only with `excused`, and required there. */
  readonly kind?: ExcuseKind;
  /** Local wall-clock time the employee was seen ("HH:MM"), when the marker knows it. */
  readonly at?: string;
  readonly reason: string;
  readonly method: MarkMethod;
  /** Who marked (the principal's employee id) and when (ISO instant). */
  readonly by: string;
  readonly markedAt: string;
}
