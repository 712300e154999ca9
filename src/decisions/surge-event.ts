import type { Breadcrumb, Event } from '@sentry/core';
import { DEMOTED_CATEGORY } from '../integration/on-breadcrumb.js';
import type { Surge } from './surge.js';

const SURGE_FINGERPRINT = 'expected-error-surge';
const SURGE_TAG = 'expected_error.surge';

/**
 * The event that reports a surge: one Sentry issue per kind (the fingerprint), a warning, and the context
 * a reader needs to judge it, with the breadcrumbs the demoted events of the kind left.
 */
export function surgeEvent(surge: Surge, trail: readonly Breadcrumb[]): Event {
  return {
    level: 'warning',
    message: `Expected error surge: ${surge.kind}`,
    fingerprint: [SURGE_FINGERPRINT, surge.kind],
    tags: { [SURGE_TAG]: surge.kind, 'expected_error.kind': surge.kind },
    contexts: {
      expected_error_surge: {
        kind: surge.kind,
        count: surge.count,
        threshold: surge.threshold,
        windowMs: surge.windowMs,
        rules: { ...surge.rules },
      },
    },
    ...(trail.length > 0 ? { breadcrumbs: [...trail] } : {}),
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

/**
 * The SDK adds the capturing scope's breadcrumbs to the surge event, and that scope can hold some of the
 * demotion breadcrumbs the event already carries (a browser keeps them all in one scope): keep one of each,
 * in time order.
 */
export function withoutDuplicateDemotions(event: Event): void {
  const breadcrumbs = event.breadcrumbs;
  if (!Array.isArray(breadcrumbs)) return;
  const seen = new Set<string>();
  const unique = breadcrumbs.filter((breadcrumb) => {
    if (breadcrumb?.category !== DEMOTED_CATEGORY) return true;
    const key = `${breadcrumb.timestamp}\u0000${breadcrumb.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === breadcrumbs.length) return;
  unique.sort((left, right) => (left.timestamp ?? 0) - (right.timestamp ?? 0));
  event.breadcrumbs = unique;
}
