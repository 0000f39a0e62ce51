/**
 * Named domain errors. The core throws these; the HTTP edge maps `code` to a status and a
 * message in the reader's language. `details` holds only plain, JSON-safe values.
 */
export type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | { readonly [k: string]: Json };
export type ErrorDetails = Readonly<Record<string, Json>>;

/**
 * Every code an answer can carry. The tables keyed by code (HTTP status, messages, the OpenAPI
 * document) are each `satisfies Record<ErrorCode, …>`, so a code added here and forgotten in one
 * of them fails the typecheck.
 */
export const ERROR_CODES = [
  // 400
  'VALIDATION_FAILED',
  'INVALID_GEOMETRY',
  'INVALID_GRANT',
  'BAD_REQUEST',
  // 401, 403, 404, 413
  'UNAUTHORIZED',
  'FORBIDDEN',
  'HOST_NOT_ALLOWED',
  'NOT_ON_ROSTER',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  // 422: a rule refused it
  'NO_GROUND_ASSIGNED',
  'MOCK_LOCATION',
  'CLOCK_SKEW',
  'NOT_A_WORKDAY',
  'WINDOW_NOT_OPEN',
  'WINDOW_CLOSED',
  'NO_ROLL_CALL_OPEN',
  'ACCURACY_TOO_LOW',
  'OUTSIDE_GEOFENCE',
  'REPORT_TOO_EARLY',
  'BEFORE_DEPLOYMENT',
  'APPEAL_CLOSED',
  'MONTH_IN_FUTURE',
  'MONTH_NOT_OVER',
  // 422: a proof of presence (core/presence/) refused it
  'CODE_REQUIRED',
  'CODE_INVALID',
  'DEVICE_NOT_BOUND',
  'ASSERTION_INVALID',
  'PASSKEY_INVALID',
  // 409: it conflicts with what stands
  'ALREADY_CHECKED_IN',
  'MONTH_LOCKED',
  'APPEAL_DECIDED',
  'NOT_ABSENT',
  // 429, 5xx
  'RATE_LIMITED',
  'STORE_UNAVAILABLE',
  'AUTH_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    // Refusals are expected outcomes, never logged with a stack: skipping V8's stack capture
    // makes one several times cheaper.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.details = details;
    this.name = new.target.name;
  }
}

/** A text a person reads, in both languages; the HTTP edge picks the reader's. */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

export interface Issue {
  readonly path: string;
  /** English alone (from parts not yet translated), or both languages. */
  readonly message: string | Bilingual;
}

/** Input that does not match its schema; `issues` name each field that is wrong. */
export class ValidationFailed extends DomainError {
  constructor(message: string, issues: readonly Issue[] = []) {
    super('VALIDATION_FAILED', message, {
      issues: issues.map((i) => ({
        path: i.path,
        message: typeof i.message === 'string' ? i.message : { id: i.message.id, en: i.message.en },
      })),
    });
  }
}

/** The store could not be reached or refused for load; the client should retry later. */
export class StoreUnavailable extends DomainError {
  constructor(
    readonly retryAfterS: number,
    cause?: unknown,
  ) {
    super('STORE_UNAVAILABLE', 'the data store is unavailable; try again shortly', {
      retryAfterS,
    });
    this.cause = cause;
  }
}

/** No valid bearer token: missing, expired, wrongly signed, wrong issuer or audience. */
export class Unauthorized extends DomainError {
  /**
   * Why, for the log only: the answer is the same for every failure, so that a caller probing
   * with forged tokens learns nothing about which check it passed.
   */
  readonly reason: string;
  constructor(reason: string) {
    super('UNAUTHORIZED', 'sign-in required', {});
    this.reason = reason;
  }
}

/** A valid token that lacks the role the route needs. */
export class Forbidden extends DomainError {
  constructor(role: string) {
    super('FORBIDDEN', `this needs the ${role} role`, { role });
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', `${what}${id === undefined ? '' : ` ${id}`} not found`, {
      what,
      ...(id === undefined ? {} : { id }),
    });
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(maxBytes: number) {
    super('PAYLOAD_TOO_LARGE', `the request body exceeds ${maxBytes} bytes`, { maxBytes });
  }
}

/** A roster file with bad lines: nothing is written, every bad line is named. */
export class CsvRejected extends DomainError {
  constructor(readonly lines: readonly { line: number; errors: readonly string[] }[]) {
    super('VALIDATION_FAILED', `${lines.length} line(s) of the file are not valid`, {
      issues: lines
        .slice(0, 1)
        .map((l) => ({ path: `line ${l.line}`, message: l.errors.join('; ') })),
      lines: lines.slice(0, 500).map((l) => ({ line: l.line, errors: [...l.errors] })),
      badLines: lines.length,
    });
  }
}

/** Publishing a day whose apel window has not closed would mark people absent too early. */
export class ReportTooEarly extends DomainError {
  constructor(date: string, closesAt: string) {
    super('REPORT_TOO_EARLY', `the report of ${date} can be published after ${closesAt}`, {
      date,
      closesAt,
    });
  }
}

/** Too many check-in attempts in a short time. */
export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterS: number,
    limit: number,
  ) {
    super('RATE_LIMITED', `at most ${limit} check-in attempts a minute`, { retryAfterS, limit });
  }
}

/** The token issuer's keys could not be fetched; the client should retry later. */
export class AuthUnavailable extends DomainError {
  readonly retryAfterS = 5;
  constructor(cause?: unknown) {
    super('AUTH_UNAVAILABLE', 'sign-in cannot be checked right now; try again shortly', {
      retryAfterS: 5,
    });
    this.cause = cause;
  }
}
