import type { Principal } from '../adapters/jwt';

export type Lang = 'id' | 'en';

/** Minimal structured logger the app needs; Powertools' Logger satisfies it. */
export interface AppLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    /** The reader's language (hono/language): ?lang=, then Accept-Language, else Indonesian. */
    language: Lang;
  };
}
