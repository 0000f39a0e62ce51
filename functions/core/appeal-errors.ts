/**
 * The appeals' own refusals, beside the corrections' (correction-errors.ts): a decision on an
 * appeal already decided, and an appeal for a day the employee was not named absent.
 */
import { DomainError } from './errors';

/** The appeal has been decided: it is never decided twice, nor changed after. */
export class AppealDecided extends DomainError {
  constructor(appealId: string, status: string, decidedAt: string) {
    super('APPEAL_DECIDED', `appeal ${appealId} was already ${status} at ${decidedAt}`, {
      appealId,
      status,
      decidedAt,
    });
  }
}

/** Nothing to appeal: the employee is not named absent that day (an excuse or a mark stands). */
export class NotAbsent extends DomainError {
  constructor(employeeId: string, date: string, rollCallId: string, because: 'excused' | 'marked') {
    super(
      'NOT_ABSENT',
      `employee ${employeeId} is not absent from ${rollCallId} on ${date}: ${because}`,
      { employeeId, date, rollCallId, because },
    );
  }
}
