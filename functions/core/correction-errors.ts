/**
 * The corrections' refusals (appeals, attendance marks, locked months): each says what stands in
 * the way, with the figures a client needs to say so.
 */
import { DomainError } from './errors';

/** An appeal outside its window: from the roll call's `closesAt` until `appealDays` workdays on. */
export class AppealClosed extends DomainError {
  constructor(
    date: string,
    window: { readonly opensAt: string; readonly closesAt: string },
    rollCallId = 'pagi',
  ) {
    super(
      'APPEAL_CLOSED',
      `an appeal for ${date} can be made from ${window.opensAt} until ${window.closesAt}`,
      { date, rollCallId, appealOpensAt: window.opensAt, appealClosesAt: window.closesAt },
    );
  }
}

/** A mark (or an appeal claiming presence) for a day and roll call a check-in already stands for. */
export class AlreadyCheckedIn extends DomainError {
  constructor(employeeId: string, date: string, rollCallId: string, checkedInAt: string) {
    super(
      'ALREADY_CHECKED_IN',
      `employee ${employeeId} already checked in to ${rollCallId} on ${date}`,
      { employeeId, date, rollCallId, checkedInAt },
    );
  }
}

/** A recap (or history) of a month or year that has not begun: nothing happened yet. */
export class MonthInFuture extends DomainError {
  constructor(month: string, today: string) {
    super('MONTH_IN_FUTURE', `${month} has not begun (today is ${today})`, { month, today });
  }
}

/** A month is locked once it is over: a lock taken earlier would freeze days still to come. */
export class MonthNotOver extends DomainError {
  constructor(month: string, endsOn: string) {
    super('MONTH_NOT_OVER', `${month} can be locked once ${endsOn} is over`, { month, endsOn });
  }
}

/** A correction to a month the allowance office has locked; an admin unlocks it with a reason. */
export class MonthLocked extends DomainError {
  constructor(month: string, lockedAt: string) {
    super('MONTH_LOCKED', `${month} is locked since ${lockedAt}`, { month, lockedAt });
  }
}
