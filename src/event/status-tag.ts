import type { Event } from '@sentry/core';
import { chainStatuses } from './error-chain.js';
import { originalExceptionOf, recordedStatuses } from './facts.js';

/** The tag Sentry's HTTP instrumentation names the status with, and one the classifier reads back. */
export const STATUS_TAG = 'http.response.status_code';

/**
 * Tags `event` with the HTTP status read on its live error (`hint.originalException`), when the serialized event states none of
 * its own: a status that only the live error holds (got's non-enumerable `response`, a `cause`) is then
 * searchable in Sentry, and a replay of the recorded event decides it as it was decided live. When the
 * chain states several, the innermost is tagged (what `categorizeUpstreamError` reports as `status`).
 */
export function addStatusTag(event: Event, hint: unknown): void {
  if (typeof hint !== 'object' || hint === null || recordedStatuses(event).length > 0) return;
  const status = chainStatuses(originalExceptionOf(hint)).at(-1);
  if (status !== undefined) event.tags = { ...event.tags, [STATUS_TAG]: String(status) };
}
