import type { Event } from '@sentry/core';
import type { Surge } from './surge.js';
import { KIND_KEY, SURGE_TAG } from './tags.js';

const SURGE_FINGERPRINT = 'expected-error-surge';
const SURGE_CONTEXT = 'expected_error_surge';

/**
 * The event that reports a surge: one Sentry issue per kind (the fingerprint), a warning, and the context a
 * reader needs to judge it, with a few parameterized, redacted `examples` of what was demoted (no user's
 * data, no request's: see `scrubSurgeEvent`).
 */
export function surgeEvent(surge: Surge, examples: readonly string[]): Event {
  return {
    level: 'warning',
    // The time makes each surge's message its own: the SDK's Dedupe would drop a surge of the same kind
    // in the next window as a repeat of the last event it passed. The fingerprint groups them.
    message: `Expected error surge: ${surge.kind} (${surge.count} in ${surge.windowMs / 1000} s, up to ${new Date(surge.at).toISOString()})`,
    fingerprint: [SURGE_FINGERPRINT, surge.kind],
    tags: { [SURGE_TAG]: surge.kind, [KIND_KEY]: surge.kind },
    contexts: {
      [SURGE_CONTEXT]: {
        kind: surge.kind,
        count: surge.count,
        threshold: surge.threshold,
        windowMs: surge.windowMs,
        rules: { ...surge.rules },
        examples: [...examples],
      },
    },
  };
}

/** True for an event `surgeEvent` built (it is never classified). */
export function isSurgeEvent(event: Event): boolean {
  return (
    Array.isArray(event.fingerprint) &&
    event.fingerprint[0] === SURGE_FINGERPRINT &&
    typeof event.tags?.[SURGE_TAG] === 'string'
  );
}

/** What a surge event keeps of what the SDK added: who sent it, never whose request crossed the threshold. */
const KEPT_FIELDS: ReadonlySet<string> = new Set([
  'event_id',
  'timestamp',
  'level',
  'message',
  'fingerprint',
  'platform',
  'environment',
  'release',
  'dist',
  'sdk',
  'server_name',
  'tags',
  'contexts',
  'sdkProcessingMetadata',
]);
/** Contexts that describe the app and its machine, not a request or a user. */
const KEPT_CONTEXTS: ReadonlySet<string> = new Set([
  SURGE_CONTEXT,
  'runtime',
  'os',
  'app',
  'device',
  'cloud_resource',
]);

/**
 * The SDK builds every event in the capturing scope — that of whichever request crossed the threshold —
 * and adds its user, request, tags, extra and breadcrumbs (other requests' too, in a browser's single
 * scope). Just before the surge event is sent, all of that is removed: the event keeps its own fields, the
 * app's release and environment, and the contexts that describe the app and its machine.
 */
export function scrubSurgeEvent(event: Event): void {
  const fields = event as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KEPT_FIELDS.has(key)) delete fields[key];
  }
  const kind = event.tags?.[SURGE_TAG];
  event.tags = { [SURGE_TAG]: kind, [KIND_KEY]: kind } as Record<string, string>;
  const contexts = event.contexts;
  if (contexts) {
    for (const key of Object.keys(contexts)) {
      if (!KEPT_CONTEXTS.has(key)) delete contexts[key];
    }
  }
}
