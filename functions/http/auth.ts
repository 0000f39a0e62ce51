import type { MiddlewareHandler } from 'hono';
import { Forbidden, Unauthorized } from '../core/errors';
import type { Verifier } from '../core/ports/auth';
import type { AppEnv } from './env';

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;
const MAX_TOKEN_CHARS = 8_192;

/** Verify the bearer JWT and put the principal on the context. */
export function authenticate(verify: Verifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization')?.trim();
    if (!header) throw new Unauthorized('bearer token missing');
    const m = header.length <= MAX_TOKEN_CHARS + 7 ? BEARER.exec(header) : null;
    if (!m?.[1]) throw new Unauthorized('bearer token malformed');
    c.set('principal', await verify(m[1]));
    await next();
  };
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.principal?.admin) throw new Forbidden('admin');
  await next();
};
