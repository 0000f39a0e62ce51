import { DomainError } from '../errors';

/** Why a ground code was refused; in `details.reason`, for the page and the attempt log. */
export type CodeProblem = 'malformed' | 'wrong' | 'stale' | 'reused' | 'no_code_at_ground';

/** The ground requires the code shown at its kiosk, and none came. */
export class CodeRequired extends DomainError {
  constructor(siteId: string) {
    super('CODE_REQUIRED', `ground ${siteId} requires the code shown at its kiosk`, { siteId });
  }
}

/** A code that is wrong, older than the previous step, already used, or another ground's. */
export class CodeInvalid extends DomainError {
  constructor(siteId: string, reason: CodeProblem) {
    super('CODE_INVALID', `the ground code is not valid for ${siteId} now (${reason})`, {
      siteId,
      reason,
    });
  }
}

/** The deployment requires a registered phone (passkey), and this check-in proves none. */
export class DeviceNotBound extends DomainError {
  constructor(reason: 'no_assertion' | 'unknown_credential' | 'pending_approval') {
    super('DEVICE_NOT_BOUND', `this phone is not bound to the employee (${reason})`, { reason });
  }
}

/** An assertion that does not verify: another challenge, a replay, a bad signature. */
export class AssertionInvalid extends DomainError {
  constructor(reason: string) {
    super('ASSERTION_INVALID', `the passkey assertion does not verify (${reason})`, { reason });
  }
}

/** A passkey registration that does not verify (its challenge, origin or attestation). */
export class PasskeyInvalid extends DomainError {
  constructor(reason: string) {
    super('PASSKEY_INVALID', `the passkey registration does not verify (${reason})`, { reason });
  }
}
