import type { IntegrationFn } from '@sentry/core';
import { optionsOf, type SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { expectedMarkOf } from './expected-error.js';
import { writeSerializedMark } from './serialized-mark.js';

/** How many marked events' ids are remembered until their `sentry.event` breadcrumb is recorded. */
const MAX_REMEMBERED = 100;

/**
 * The integration instance. Typed structurally, like `ExpectedErrorsIntegration`, so it fits an SDK that
 * brings its own `@sentry/core` (`@sentry/electron/renderer`).
 */
export interface ExpectedErrorMarksIntegration {
  readonly name: 'ExpectedErrorMarks';
  setup(client: SentryClient): void;
  processEvent<E extends { readonly type?: unknown }>(event: E, hint: unknown): E;
}

const _expectedErrorMarksIntegration = (() => {
  const markedEventIds = new Set<string>();
  const integration: ExpectedErrorMarksIntegration = {
    name: 'ExpectedErrorMarks',
    setup(client) {
      // The browser SDK records a `sentry.event` breadcrumb for each event it sends, level error, naming the
      // error. For a marked event the deciding process drops it or leaves its own breadcrumb, as for an
      // error thrown there (where no `sentry.event` breadcrumb is recorded): this one would contradict it.
      const options = optionsOf(client);
      const appCallback = options.beforeBreadcrumb;
      options.beforeBreadcrumb = (breadcrumb, hint) => {
        const eventId = (breadcrumb as { event_id?: unknown } | null)?.event_id;
        if (
          breadcrumb?.category === 'sentry.event' &&
          typeof eventId === 'string' &&
          markedEventIds.delete(eventId)
        )
          return null;
        return appCallback ? appCallback(breadcrumb, hint) : breadcrumb;
      };
    },
    processEvent(event, hint) {
      if (event.type !== undefined || typeof hint !== 'object' || hint === null) return event;
      try {
        const mark = expectedMarkOf((hint as { originalException?: unknown }).originalException);
        if (!mark) return event;
        if (!writeSerializedMark(event as { exception?: { values?: unknown[] } }, mark)) {
          DEBUG_BUILD && debugLog('warn', `Could not mark event as \`${mark.kind}\`: it has no exception`);
          return event;
        }
        const eventId = (event as { event_id?: unknown }).event_id;
        if (typeof eventId === 'string') remember(markedEventIds, eventId);
      } catch (error) {
        DEBUG_BUILD && debugLog('warn', 'Passing an event unmarked after an internal error:', error);
      }
      return event;
    },
  };
  return integration;
}) satisfies IntegrationFn;

function remember(ids: Set<string>, id: string): void {
  ids.add(id);
  if (ids.size > MAX_REMEMBERED) ids.delete(ids.values().next().value as string);
}

/**
 * For a process whose events another process decides: an Electron renderer (its events are sent to the
 * main process, which captures them again without the thrown error). It decides nothing itself; it writes
 * the kind of a typed expected error (`ExpectedError`, `markExpected`) into the event, where the main
 * process's `expectedErrorsIntegration` reads it, so the event is dropped or demoted exactly as if it had
 * been thrown in main. The rules, the mode and every decision stay in one place.
 *
 * @example
 * // renderer
 * import * as Sentry from '@sentry/electron/renderer';
 * Sentry.init({ integrations: [expectedErrorMarksIntegration()] });
 */
// Sentry's `defineIntegration` returns the factory as it is (every major from 8 on).
export const expectedErrorMarksIntegration =
  _expectedErrorMarksIntegration as () => ExpectedErrorMarksIntegration;
