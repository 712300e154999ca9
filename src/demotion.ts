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
 * request or task that produced it, and events that pass are never touched (the SDK attaches scope data
 * when an event is captured: an error captured before the demoted one finished processing does not carry
 * its breadcrumb, as with any breadcrumb added during processing). When our copy of `@sentry/core` is not
 * the one driving the client (an SDK such as `@sentry/electron` pins its own), its scope functions are
 * silent no-ops: breadcrumbs then wait here and are merged into the next event this integration passes.
 */
export interface DemotionTrail {
  leave(breadcrumb: Breadcrumb, client: SentryClient): void;
  /** Adds waiting breadcrumbs to an event that is about to be sent. */
  mergeInto(event: Event, client: SentryClient): void;
}

/** A trail of demotion breadcrumbs for one integration instance. */
export function demotionTrail(): DemotionTrail {
  const pending: Breadcrumb[] = [];
  return {
    leave(breadcrumb, client) {
      if ((SentryCore.getClient() as unknown) === client) {
        SentryCore.addBreadcrumb(breadcrumb);
        return;
      }
      pending.push({ ...breadcrumb, timestamp: Date.now() / 1000 });
      const limit = maxBreadcrumbs(client);
      if (pending.length > limit) pending.splice(0, pending.length - limit);
    },
    mergeInto(event, client) {
      if (pending.length === 0) return;
      const merged = [...(Array.isArray(event.breadcrumbs) ? event.breadcrumbs : []), ...pending];
      pending.length = 0;
      merged.sort((left, right) => (left.timestamp ?? 0) - (right.timestamp ?? 0));
      const limit = maxBreadcrumbs(client);
      event.breadcrumbs = merged.length > limit ? merged.slice(merged.length - limit) : merged;
    },
  };
}

function maxBreadcrumbs(client: SentryClient): number {
  const limit = optionsOf(client).maxBreadcrumbs;
  return typeof limit === 'number' && limit >= 0 ? limit : DEFAULT_MAX_BREADCRUMBS;
}
