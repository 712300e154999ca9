import type { ParameterizedString, SeverityLevel } from '@sentry/core';
import * as Sentry from '@sentry/node';
import type { RecordedOutcome } from '../../test/helpers/recorded-corpus.js';

/** The outcome a scenario's event must get under the example pack, decided by hand. */
export interface ScenarioExpectation {
  readonly outcome: RecordedOutcome;
  readonly kind?: string;
  readonly rule?: string;
}

/** How the recording SDK is configured for a scenario. */
export type RecordingSdk = 'default' | 'no-stacktrace';

/** One recorded event: a stable name (the fixture's slug), its expected outcome and how the app emits it. */
export interface Scenario {
  readonly name: string;
  readonly expected: ScenarioExpectation;
  /** Calls the real SDK exactly once, the way the app would. */
  readonly capture: () => void;
  /** `no-stacktrace`: an app that sets `attachStacktrace: false`, so messages carry no synthetic exception. */
  readonly sdk?: RecordingSdk;
}

/** Builds a scenario that runs under the default recording SDK. */
export function scenario(name: string, expected: ScenarioExpectation, capture: () => void): Scenario {
  return { name, expected, capture };
}

/** Sent untouched: no rule claims the event. */
export const passes: ScenarioExpectation = { outcome: 'pass' };

/** Sent untouched because a `report` guard claims it. */
export function guarded(kind: string, rule: string): ScenarioExpectation {
  return { outcome: 'pass', kind, rule };
}

/** Dropped without a trace but a client report. */
export function drops(kind: string, rule: string): ScenarioExpectation {
  return { outcome: 'drop', kind, rule };
}

/** Dropped, and the next event carries an `expected_error` breadcrumb. */
export function demotes(kind: string, rule: string): ScenarioExpectation {
  return { outcome: 'breadcrumb', kind, rule };
}

/** The scope data the app attaches to a capture. */
export interface CaptureScope {
  readonly tags?: Readonly<Record<string, string>>;
  /** `contexts.response.status_code`, as Sentry's HTTP server integration records it. */
  readonly responseStatus?: number;
}

/** `Sentry.captureException`, with the app's tags. */
export function captureError(error: unknown, scope: CaptureScope = {}): void {
  Sentry.captureException(error, captureContext(scope));
}

/** `Sentry.captureMessage` (plain or `Sentry.parameterize`d), with the app's level and tags. */
export function captureText(
  message: string | ParameterizedString,
  level: SeverityLevel,
  scope: CaptureScope = {},
): void {
  Sentry.captureMessage(message, { level, ...captureContext(scope) });
}

function captureContext(scope: CaptureScope) {
  return {
    ...(scope.tags === undefined ? {} : { tags: { ...scope.tags } }),
    ...(scope.responseStatus === undefined
      ? {}
      : { contexts: { response: { status_code: scope.responseStatus } } }),
  };
}

/** Tags the app's LLM provider client sets on a non-2xx answer. */
export function llmProviderTags(
  provider: string,
  status: number,
  operation = 'chat',
): Record<string, string> {
  return { domain: 'llm_provider', operation, provider, failure: 'non_2xx', status: String(status) };
}

/** Tags the app's authed backend client sets on a non-2xx answer. */
export function backendApiTags(method: string, path: string, status: number): Record<string, string> {
  return {
    domain: 'backend_api',
    operation: 'authed_json',
    method,
    path,
    failure: 'non_2xx',
    status: String(status),
  };
}
