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

/**
 * Says once, where the app asked for Sentry's debug log (`debug: true`), that this package found its
 * `@sentry/core` beside another copy driving the client (`coreVersion`): its debug log and metrics then go
 * to its own copy, which the app never reads. Written through `console` directly, since this package's
 * copy of the debug logger is the one that stays silent.
 */
export function warnOfSecondCore(client: { getOptions(): object }, coreVersion: string | undefined): void {
  const ours = (SentryCore as { SDK_VERSION?: string }).SDK_VERSION;
  if (warnedOfSecondCore || coreVersion === undefined || ours === undefined || coreVersion === ours) return;
  warnedOfSecondCore = true;
  if ((client.getOptions() as { debug?: unknown }).debug !== true) return;
  console.warn(
    `Sentry Logger [warn]: [${INTEGRATION_NAME}] This package runs on @sentry/core ${ours}, beside ${coreVersion} that drives your SDK: its debug log and metrics go to the copy your app never reads. Install them so that one copy remains (e.g. \`npm dedupe\`; @sentry/core is an optional peer of this package).`,
  );
}

let warnedOfSecondCore = false;
