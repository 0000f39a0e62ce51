import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AuthUnavailable,
  DomainError,
  NotFound,
  PayloadTooLarge,
  RateLimited,
  StoreUnavailable,
  Unauthorized,
  ValidationFailed,
} from '../core/errors';
import type { AppEnv, AppLogger } from './env';
import { messageFor, pickLang } from './messages';

const STATUS: Record<string, ContentfulStatusCode> = {
  VALIDATION_FAILED: 400,
  INVALID_GEOMETRY: 400,
  INVALID_GRANT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_ON_ROSTER: 403,
  BEFORE_DEPLOYMENT: 422,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  STORE_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: 503,
};

/** Framework errors (malformed JSON, 404 from a sub-router, …) in the domain's terms. */
function fromHttpException(e: HTTPException): DomainError {
  switch (e.status) {
    case 400:
      return new ValidationFailed(e.message || 'malformed request', [
        { path: '', message: e.message || 'malformed request' },
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

/** The one place where errors become responses: never a stack trace in a body. */
export function errorHandler(logger: AppLogger) {
  return (err: Error, c: Context<AppEnv>): Response => {
    const domain =
      err instanceof DomainError
        ? err
        : err instanceof HTTPException
          ? fromHttpException(err)
          : null;
    const lang = pickLang(c.req.query('lang'), c.req.header('accept-language'));
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
    const status = STATUS[domain.code] ?? (domain.code === 'INTERNAL_ERROR' ? 500 : 422);
    if (domain instanceof RateLimited || domain instanceof AuthUnavailable) {
      c.header('Retry-After', String(domain.retryAfterS));
    }
    if (domain instanceof StoreUnavailable) {
      c.header('Retry-After', String(domain.retryAfterS));
      logger.warn('store unavailable', {
        requestId: c.var.requestId,
        cause: domain.cause instanceof Error ? domain.cause.name : String(domain.cause),
      });
    }
    return c.json(
      {
        error: {
          code: domain.code,
          message: messageFor(domain.code, domain.details, lang, domain.message),
          details: domain.details,
        },
      },
      status,
    );
  };
}
