import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AuthUnavailable,
  DomainError,
  type ErrorCode,
  type ErrorDetails,
  type Json,
  NotFound,
  PayloadTooLarge,
  RateLimited,
  StoreUnavailable,
  Unauthorized,
  ValidationFailed,
} from '../core/errors';
import type { AppEnv, AppLogger, Lang } from './env';
import { problemInIndonesian } from './geometry-messages';
import { messageFor } from './messages';

/** The HTTP status of each code. */
export const STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_GEOMETRY: 400,
  INVALID_GRANT: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  HOST_NOT_ALLOWED: 403,
  NOT_ON_ROSTER: 403,
  BEFORE_DEPLOYMENT: 422,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  NO_GROUND_ASSIGNED: 422,
  MOCK_LOCATION: 422,
  CLOCK_SKEW: 422,
  NOT_A_WORKDAY: 422,
  WINDOW_NOT_OPEN: 422,
  WINDOW_CLOSED: 422,
  NO_ROLL_CALL_OPEN: 422,
  ACCURACY_TOO_LOW: 422,
  OUTSIDE_GEOFENCE: 422,
  REPORT_TOO_EARLY: 422,
  APPEAL_CLOSED: 422,
  MONTH_IN_FUTURE: 422,
  MONTH_NOT_OVER: 422,
  ALREADY_CHECKED_IN: 409,
  MONTH_LOCKED: 409,
  APPEAL_DECIDED: 409,
  NOT_ABSENT: 409,
  CODE_REQUIRED: 422,
  CODE_INVALID: 422,
  DEVICE_NOT_BOUND: 422,
  ASSERTION_INVALID: 422,
  PASSKEY_INVALID: 422,
  RATE_LIMITED: 429,
  STORE_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>;

/** Framework errors (malformed JSON, 404 from a sub-router, …) in the domain's terms. */
function fromHttpException(e: HTTPException): DomainError {
  switch (e.status) {
    case 400:
      // Hono's only 400 is a JSON body that does not parse.
      return new ValidationFailed(e.message || 'malformed request', [
        {
          path: '',
          message: {
            id: 'isi permintaan bukan JSON yang sah',
            en: 'the body is not valid JSON',
          },
        },
      ]);
    case 401:
      return new Unauthorized(e.message || 'token invalid');
    case 404:
      return new NotFound('resource');
    case 413:
      return new PayloadTooLarge(0);
    default:
      return new DomainError(e.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST', e.message);
  }
}

/** details.issues[].message in the reader's language (issues carry both, or English alone). */
function inLanguage(details: ErrorDetails, lang: Lang): ErrorDetails {
  const issues = details.issues;
  if (!Array.isArray(issues)) return details;
  return {
    ...details,
    issues: issues.map((i) => {
      if (typeof i !== 'object' || i === null || Array.isArray(i)) return i;
      const m = (i as { message?: Json }).message;
      if (typeof m !== 'object' || m === null || Array.isArray(m)) return i;
      const text = (m as Record<string, Json>)[lang];
      return { ...i, message: typeof text === 'string' ? text : '' };
    }),
  };
}

/** Details as the message shows them: a geometry problem (English from the core) in Indonesian. */
function readable(code: ErrorCode, details: ErrorDetails, lang: Lang): ErrorDetails {
  if (code !== 'INVALID_GEOMETRY' || lang !== 'id' || typeof details.problem !== 'string') {
    return details;
  }
  return { ...details, problem: problemInIndonesian(details.problem) };
}

/** The one place where errors become responses: never a stack trace in a body. */
export function errorHandler(logger: AppLogger) {
  return (err: Error, c: Context<AppEnv>): Response => {
    const domain =
      err instanceof DomainError
        ? err
        : err instanceof HTTPException
          ? fromHttpException(err)
          : null;
    // Set by the language middleware, which runs first; an error thrown before it still gets one.
    const lang = c.var.language ?? 'id';
    if (!domain) {
      logger.error('unhandled error', {
        requestId: c.var.requestId,
        path: c.req.path,
        error: { name: err.name, message: err.message, stack: err.stack },
      });
      return c.json(
        {
          error: {
            code: 'INTERNAL_ERROR',
            message: messageFor('INTERNAL_ERROR', {}, lang, 'internal error'),
            details: { requestId: c.var.requestId ?? null },
          },
        },
        500,
      );
    }
    const status = STATUS[domain.code];
    if (domain instanceof RateLimited || domain instanceof AuthUnavailable) {
      c.header('Retry-After', String(domain.retryAfterS));
    }
    if (domain instanceof Unauthorized) {
      // The answer is generic; why this token failed is for the operators.
      logger.info('unauthorized', { requestId: c.var.requestId, reason: domain.reason });
    }
    if (domain instanceof StoreUnavailable) {
      c.header('Retry-After', String(domain.retryAfterS));
      logger.warn('store unavailable', {
        requestId: c.var.requestId,
        cause: domain.cause instanceof Error ? domain.cause.name : String(domain.cause),
      });
    }
    const details = inLanguage(domain.details, lang);
    return c.json(
      {
        error: {
          code: domain.code,
          message: messageFor(
            domain.code,
            readable(domain.code, details, lang),
            lang,
            domain.message,
          ),
          details,
        },
      },
      status,
    );
  };
}
