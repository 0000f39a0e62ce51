import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { requestId } from 'hono/request-id';
import type { AppEnv, Lang } from './env';

/**
 * The request id: a client's `X-Request-Id` is kept only when it is short and plain (letters,
 * digits, `_ - =`, at most 64), so it cannot forge or break a log line; otherwise a fresh UUID.
 * The same id goes back in the answer's `X-Request-Id` and into every log line of the request.
 */
export const requestIds = (): MiddlewareHandler<AppEnv> => requestId({ limitLength: 64 });

/**
 * The reader's language: `?lang=`, then `Accept-Language` (by quality), else Indonesian. No
 * cookie: the API is stateless, and a cookie would make one request's choice stick to the next.
 * `in` is the old ISO 639 code for Indonesian, still sent by some Android phones.
 */
export const languages = (): MiddlewareHandler<AppEnv> =>
  languageDetector({
    supportedLanguages: ['id', 'en'] satisfies Lang[],
    fallbackLanguage: 'id',
    order: ['querystring', 'header'],
    caches: false,
    convertDetectedLanguage: (tag) => tag.replace(/^in(?=-|$)/i, 'id'),
  });

/**
 * API answers hold personal data and change with every write: no shared or browser cache may
 * keep them. The page assets set their own caching and are not under /v1.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('cache-control', 'no-store');
};
