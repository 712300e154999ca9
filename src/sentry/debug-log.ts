import * as SentryCore from '@sentry/core';

/** Name under which the integration registers and logs. */
export const INTEGRATION_NAME = 'ExpectedErrors';

/** Sentry's debug logger (`@sentry/core` 9 also calls it `logger`). */
function logger(): typeof SentryCore.debug | undefined {
  return SentryCore.debug ?? (SentryCore as unknown as { logger?: typeof SentryCore.debug }).logger;
}

/**
 * Logs through Sentry's own debug logger (silent unless `debug: true`); never through `console`, whose
 * calls the Console integration would turn into breadcrumbs.
 */
export function debugLog(level: 'log' | 'warn', message: string, ...details: unknown[]): void {
  logger()?.[level](`[${INTEGRATION_NAME}] ${message}`, ...details);
}

/**
 * True unless Sentry's debug logger says it is off: code that runs for every decided event writes its
 * message only then, rather than building a string nobody reads.
 */
export function debugEnabled(): boolean {
  const isEnabled = (logger() as { isEnabled?: () => boolean } | undefined)?.isEnabled;
  return typeof isEnabled !== 'function' || isEnabled() === true;
}
