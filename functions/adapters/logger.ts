import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import type { AppLogger } from '../core/ports/logger';

/** Structured JSON logs (Powertools). Tokens and coordinates are never logged at info level. */
export function createLogger(serviceName: string): AppLogger & { powertools: Logger } {
  const logger = new Logger({
    serviceName,
    logLevel: (process.env.LOG_LEVEL ?? 'INFO') as LogLevel,
  });
  return {
    powertools: logger,
    info: (message, attributes = {}) => logger.info(message, attributes as never),
    warn: (message, attributes = {}) => logger.warn(message, attributes as never),
    error: (message, attributes = {}) => logger.error(message, attributes as never),
  };
}

export const silentLogger: AppLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
};
