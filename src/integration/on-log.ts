import type { Classifier } from '../classifier/build.js';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { classifyLogEnvelopes } from './log-envelope.js';
import { decideLog } from './log-text.js';

/** What the integration does with Sentry Logs: `classify` them like breadcrumbs, or leave them alone. */
export type LogsOption = 'classify' | 'ignore';

/** A log record as `beforeSendLog` receives it (any `@sentry/core` version from 9 on). */
interface LogRecord {
  readonly level?: unknown;
  readonly message?: unknown;
  readonly attributes?: Record<string, unknown>;
  readonly severityNumber?: unknown;
}

type BeforeSendLog = (log: LogRecord) => LogRecord | null;

interface LogOptions {
  beforeSendLog?: BeforeSendLog;
  _experiments?: { beforeSendLog?: BeforeSendLog };
}

const WRAPPED = Symbol.for('sentry-expected-errors.before-send-log');

/**
 * Classifies Sentry Logs: as they are captured (`beforeSendLog`) and, for records that never pass it (an
 * Electron renderer's, serialized before they reach the main process), in the envelope that sends them.
 */
export function classifyLogs(
  client: SentryClient,
  classifier: () => Classifier,
  mode: 'enforce' | 'dry-run',
): void {
  wrapBeforeSendLog(client, classifier, mode);
  classifyLogEnvelopes(client, classifier, mode);
}

/**
 * Classifies Sentry Logs (`Sentry.logger.*`, the console logging integration) by wrapping the client's
 * live `beforeSendLog` option, the only place a log can be dropped (the `beforeCaptureLog` hook can only
 * change one). Ours runs first, then the app's own callback on what remains.
 *
 * `@sentry/core` 9 read `_experiments.beforeSendLog` (early 9.x only that; later 9.x the top-level option
 * first), 10 and later only the top-level one: each place the SDK may read is wrapped, and an app's
 * experimental callback is never shadowed. A version without logs never calls either.
 */
function wrapBeforeSendLog(
  client: SentryClient,
  classifier: () => Classifier,
  mode: 'enforce' | 'dry-run',
): void {
  const options = client.getOptions() as LogOptions;
  const experiments = options._experiments;
  const experimentalCallback = typeof experiments === 'object' ? experiments?.beforeSendLog : undefined;
  if (typeof experiments === 'object' && experiments !== null) {
    experiments.beforeSendLog = wrap(experiments.beforeSendLog, classifier, mode);
  }
  if (options.beforeSendLog !== undefined || experimentalCallback === undefined) {
    options.beforeSendLog = wrap(options.beforeSendLog, classifier, mode);
  }
}

function wrap(
  appCallback: BeforeSendLog | undefined,
  classifier: () => Classifier,
  mode: 'enforce' | 'dry-run',
): BeforeSendLog {
  if (appCallback && (appCallback as unknown as Record<symbol, unknown>)[WRAPPED]) return appCallback;
  const wrapped: BeforeSendLog = (log) => {
    let current: LogRecord | null = log;
    try {
      current = classifyLog(log, classifier(), mode);
    } catch (error) {
      DEBUG_BUILD && debugLog('warn', 'Keeping a log record unclassified after an internal error:', error);
    }
    if (current === null || typeof appCallback !== 'function') return current;
    try {
      return appCallback(current);
    } catch (error) {
      DEBUG_BUILD &&
        debugLog('warn', "The app's beforeSendLog threw; keeping the log record as it was:", error);
      return current;
    }
  };
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  return wrapped;
}

function classifyLog(log: LogRecord, classifier: Classifier, mode: 'enforce' | 'dry-run'): LogRecord | null {
  if (typeof log !== 'object' || log === null) return log;
  const attributes = typeof log.attributes === 'object' && log.attributes !== null ? log.attributes : {};
  const verdict = decideLog(log.message, attributes, log.level, classifier, mode);
  if (!verdict) return log;
  if (verdict.drop) return null;
  const { severityNumber: _severityNumber, ...rest } = log;
  // Without `severityNumber` the SDK derives it from the new level (console.log sets one of its own).
  return {
    ...(verdict.lowered ? { ...rest, level: 'info' } : log),
    attributes: { ...attributes, ...verdict.attributes },
  };
}
