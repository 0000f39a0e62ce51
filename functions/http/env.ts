import type { Principal } from '../core/ports/auth';

export type { AppLogger } from '../core/ports/logger';

export type Lang = 'id' | 'en';

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The reader's language (hono/language): ?lang=, then Accept-Language, else Indonesian. */
    language: Lang;
  };
}
