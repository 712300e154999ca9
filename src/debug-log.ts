import * as SentryCore from '@sentry/core';

/** Name under which the integration registers and logs. */
export const INTEGRATION_NAME = 'ExpectedErrors';

/**
 * Logs through Sentry's own debug logger (silent unless `debug: true`); never through `console`, whose
 * calls the Console integration would turn into breadcrumbs. `@sentry/core` 9 also calls it `logger`.
 */
export function debugLog(level: 'log' | 'warn', message: string, ...details: unknown[]): void {
  const logger = SentryCore.debug ?? (SentryCore as unknown as { logger?: typeof SentryCore.debug }).logger;
  logger?.[level](`[${INTEGRATION_NAME}] ${message}`, ...details);
}
