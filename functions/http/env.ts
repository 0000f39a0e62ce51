import type { Access } from '../core/access';
import type { Principal } from '../core/ports/auth';

export type { AppLogger } from '../core/ports/logger';

export type Lang = 'id' | 'en';

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The reader's language (hono/language): ?lang=, then Accept-Language, else Indonesian. */
    language: Lang;
    /** The caller's staff access, read once per request by http/access.ts (callerAccess). */
    access?: Promise<Access>;
  };
}
