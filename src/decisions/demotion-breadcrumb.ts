import type { Breadcrumb, Event } from '@sentry/core';
import { eventHeadline } from '../event/facts.js';
import { summarize } from '../redact/index.js';
import { rememberRecent } from '../rules/recent-texts.js';
import type { Classification } from '../rules/types.js';
import { optionsOf, type SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { isolationScopeOf } from '../sentry/scopes.js';
import { DEMOTED_CATEGORY } from './tags.js';

/** Demotions come in storms of one text: each is redacted once. */
const summaryOf = rememberRecent(summarize);

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
      ? `${classification.kind}: ${summaryOf(text)}`
      : `${classification.kind} (message withheld)`,
    data: { kind: classification.kind, rule: classification.rule },
  };
}

/**
 * Demotes `event`: leaves its breadcrumb (`demotionBreadcrumb`, `leaveDemotionBreadcrumb`). The integration
 * loads this module at its first demotion.
 */
export function demote(
  event: Event,
  classification: Classification,
  client: SentryClient,
): Breadcrumb | null {
  return leaveDemotionBreadcrumb(demotionBreadcrumb(event, classification), client);
}

const DEFAULT_MAX_BREADCRUMBS = 100;

/**
 * Leaves a demotion breadcrumb where the SDK itself would put one added at this point: on the isolation
 * scope of the request or task whose error was demoted, so it lives and dies with that request. It takes
 * the same road as `Sentry.addBreadcrumb` — the app's `beforeBreadcrumb` (a throw drops it, as in the
 * SDK), the `beforeAddBreadcrumb` hook, the client's `maxBreadcrumbs` — but through the scopes of the SDK
 * that drives `client`, found by the client itself, never through our own copy of `@sentry/core` (which
 * may be another version whose scopes the SDK never reads). Where no scope of that SDK can be found the
 * breadcrumb is dropped: moving it to whichever event passes next would hand one request's data to
 * another. Returns the breadcrumb as the app's `beforeBreadcrumb` left it (what a surge event may carry),
 * or `null` when that callback dropped it.
 */
export function leaveDemotionBreadcrumb(breadcrumb: Breadcrumb, client: SentryClient): Breadcrumb | null {
  const options = optionsOf(client);
  const maxBreadcrumbs =
    typeof options.maxBreadcrumbs === 'number' ? options.maxBreadcrumbs : DEFAULT_MAX_BREADCRUMBS;
  let final: Breadcrumb | null = { timestamp: Date.now() / 1000, ...breadcrumb };
  const beforeBreadcrumb = options.beforeBreadcrumb;
  if (beforeBreadcrumb) {
    try {
      final = beforeBreadcrumb(final);
    } catch (error) {
      DEBUG_BUILD &&
        debugLog('warn', "The app's beforeBreadcrumb threw; dropping the demotion breadcrumb:", error);
      return null;
    }
  }
  if (final === null || typeof final !== 'object') return null;
  if (maxBreadcrumbs <= 0) return final;
  const isolationScope = isolationScopeOf(client);
  if (!isolationScope) {
    DEBUG_BUILD &&
      debugLog(
        'warn',
        'Dropped a demotion breadcrumb: no scope of the SDK that drives this client was found',
      );
    return final;
  }
  client.emit?.('beforeAddBreadcrumb', final, undefined);
  isolationScope.addBreadcrumb(final, maxBreadcrumbs);
  return final;
}
