/**
 * The structured logger every layer writes to; Powertools' Logger (adapters/logger.ts) satisfies
 * it. A port of the core so that adapters and the HTTP app can both take one without either
 * importing the other.
 */
export interface AppLogger {
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}
