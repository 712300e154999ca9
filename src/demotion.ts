import type { Breadcrumb, Event } from '@sentry/core';
import * as SentryCore from '@sentry/core';
import { eventHeadline } from './event-text.js';
import { summarize } from './redact.js';
import type { Classification } from './rules/types.js';
import { optionsOf, type SentryClient } from './sentry-client.js';

/** Category of the breadcrumbs this package leaves for demoted events; never classified itself. */
export const DEMOTED_CATEGORY = 'expected_error';

/**
 * The breadcrumb that stands in for a demoted event: kind and rule, plus a short redacted summary of the
 * error unless the rule withholds it.
 */
export function demotionBreadcrumb(event: Event, classification: Classification): Breadcrumb {
  const text = classification.summary === 'withheld' ? undefined : eventHeadline(event);
  return {
    type: 'default',
    category: DEMOTED_CATEGORY,
    level: 'info',
    message: text
      ? `${classification.kind}: ${summarize(text)}`
      : `${classification.kind} (message withheld)`,
    data: { kind: classification.kind, rule: classification.rule },
  };
}

const DEFAULT_MAX_BREADCRUMBS = 100;

/**
 * Where demotion breadcrumbs go. Normally Sentry's current scope, so a breadcrumb lives as long as the
 * request or task that produced it. Two gaps are closed by also keeping it here and adding it to the
 * next event this integration passes:
 * - the SDK attaches scope data when an event is *captured* and processes it later, so an error
 *   captured right after the demoted one (before its processing ended) would miss the breadcrumb; it
 *   gets it here, but only within the same isolation scope (never another request's);
 * - when our copy of `@sentry/core` is not the one driving the client (an SDK such as
 *   `@sentry/electron` pins its own), its scope functions are silent no-ops.
 */
export interface DemotionTrail {
  leave(breadcrumb: Breadcrumb, client: SentryClient): void;
  /** Adds waiting breadcrumbs to an event that is about to be sent. */
  mergeInto(event: Event, client: SentryClient): void;
}

interface Waiting {
  readonly breadcrumb: Breadcrumb;
  /** The isolation scope the breadcrumb was left in, when our `@sentry/core` could reach it. */
  readonly scope: object | undefined;
}

/** A trail of demotion breadcrumbs for one integration instance. */
export function demotionTrail(): DemotionTrail {
  let waiting: Waiting[] = [];
  const scopeFor = (client: SentryClient): object | undefined =>
    (SentryCore.getClient() as unknown) === client ? SentryCore.getIsolationScope() : undefined;

  return {
    leave(breadcrumb, client) {
      const stamped = { ...breadcrumb, timestamp: Date.now() / 1000 };
      const scope = scopeFor(client);
      if (scope) SentryCore.addBreadcrumb(stamped);
      waiting.push({ breadcrumb: stamped, scope });
      const limit = maxBreadcrumbs(client);
      if (waiting.length > limit) waiting = waiting.slice(waiting.length - limit);
    },
    mergeInto(event, client) {
      if (waiting.length === 0) return;
      const scope = scopeFor(client);
      const present = new Set((Array.isArray(event.breadcrumbs) ? event.breadcrumbs : []).map(identity));
      const added: Breadcrumb[] = [];
      waiting = waiting.filter((entry) => {
        if (entry.scope !== scope) return true; // another request's (or the scope path came back): keep
        if (!present.has(identity(entry.breadcrumb))) added.push(entry.breadcrumb);
        return false;
      });
      if (added.length === 0) return;
      const merged = [...(Array.isArray(event.breadcrumbs) ? event.breadcrumbs : []), ...added];
      merged.sort((left, right) => (left.timestamp ?? 0) - (right.timestamp ?? 0));
      const limit = maxBreadcrumbs(client);
      event.breadcrumbs = merged.length > limit ? merged.slice(merged.length - limit) : merged;
    },
  };
}

/** Same breadcrumb, whether it came through the scope or from the waiting list. */
function identity(breadcrumb: Breadcrumb): string {
  return `${breadcrumb.category}\u0000${breadcrumb.timestamp}\u0000${breadcrumb.message}`;
}

function maxBreadcrumbs(client: SentryClient): number {
  const limit = optionsOf(client).maxBreadcrumbs;
  return typeof limit === 'number' && limit >= 0 ? limit : DEFAULT_MAX_BREADCRUMBS;
}
