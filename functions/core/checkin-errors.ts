/**
 * The check-in's refusals (core/checkin.ts, core/rollcall-choice.ts, core/geo/location.ts): each
 * names the rule that refused the fix, with the figures a client needs to say why.
 */
import { DomainError } from './errors';

export class NotOnRoster extends DomainError {
  constructor(employeeId: string) {
    super('NOT_ON_ROSTER', `employee ${employeeId} is not on the active roster`, { employeeId });
  }
}

export class NoGroundAssigned extends DomainError {
  constructor(employeeId: string) {
    super('NO_GROUND_ASSIGNED', `employee ${employeeId} has no apel ground assigned`, {
      employeeId,
    });
  }
}

export class MockLocation extends DomainError {
  constructor() {
    super('MOCK_LOCATION', 'the device reported a mock (simulated) location');
  }
}

export class ClockSkew extends DomainError {
  constructor(skewS: number, maxClockSkewS: number) {
    super('CLOCK_SKEW', `device time differs from server time by ${skewS} s`, {
      skewS,
      maxClockSkewS,
    });
  }
}

export class NotAWorkday extends DomainError {
  constructor(date: string, holiday: string | null) {
    super('NOT_A_WORKDAY', `${date} is not a workday`, { date, holiday });
  }
}

export class WindowNotOpen extends DomainError {
  constructor(date: string, opensAt: string, rollCallId?: string) {
    super('WINDOW_NOT_OPEN', `check-in opens at ${opensAt}`, {
      date,
      opensAt,
      ...(rollCallId === undefined ? {} : { rollCallId }),
    });
  }
}

export class WindowClosed extends DomainError {
  constructor(date: string, closesAt: string, rollCallId?: string) {
    super('WINDOW_CLOSED', `check-in closed at ${closesAt}`, {
      date,
      closesAt,
      ...(rollCallId === undefined ? {} : { rollCallId }),
    });
  }
}

/**
 * No roll call of the employee's is open now (or the one asked for is not theirs today).
 * `details.rollCalls` lists today's, with their windows, so a client can say when the next opens.
 */
export class NoRollCallOpen extends DomainError {
  constructor(
    date: string,
    rollCalls: readonly { id: string; opensAt: string; closesAt: string }[],
    rollCallId?: string,
  ) {
    super(
      'NO_ROLL_CALL_OPEN',
      rollCallId === undefined
        ? `no roll call is open for check-in on ${date}`
        : `roll call ${rollCallId} is not open to this employee on ${date}`,
      {
        date,
        ...(rollCallId === undefined ? {} : { rollCallId }),
        rollCalls: rollCalls.map((r) => ({ id: r.id, opensAt: r.opensAt, closesAt: r.closesAt })),
      },
    );
  }
}

export class AccuracyTooLow extends DomainError {
  constructor(accuracyM: number, maxAccuracyM: number) {
    super('ACCURACY_TOO_LOW', `GPS accuracy ${accuracyM} m is worse than ${maxAccuracyM} m`, {
      accuracyM,
      maxAccuracyM,
    });
  }
}

export class OutsideGeofence extends DomainError {
  constructor(distanceM: number, siteId: string, edgeToleranceM: number) {
    super('OUTSIDE_GEOFENCE', `the fix is ${distanceM} m outside the nearest apel ground`, {
      distanceM,
      siteId,
      edgeToleranceM,
    });
  }
}
