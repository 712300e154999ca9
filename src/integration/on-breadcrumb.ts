import type { Breadcrumb } from '@sentry/core';
import type { Classifier } from '../classifier/build.js';
import { classificationTags, DEMOTED_CATEGORY, KIND_KEY } from '../decisions/tags.js';
import { type ClientOptionsUsed, optionsOf, type SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';

type BeforeBreadcrumb = NonNullable<ClientOptionsUsed['beforeBreadcrumb']>;

const WRAPPED = Symbol.for('sentry-expected-errors.before-breadcrumb');
/**
 * Set on breadcrumbs decided as they were recorded, so an event carrying them does not decide them again.
 * An enumerable symbol: the SDK's spread copies keep it, serialization drops it.
 */
const DECIDED = Symbol.for('sentry-expected-errors.breadcrumb-decided');

/** True for a breadcrumb this package already decided when it was recorded (any installed copy). */
export function wasDecidedWhenRecorded(breadcrumb: object): boolean {
  return (breadcrumb as Record<symbol, unknown>)[DECIDED] === true;
}

/**
 * Classifies breadcrumbs as they are recorded by wrapping the client's live `beforeBreadcrumb` option
 * (`addBreadcrumb` reads it on every call); `@sentry/core` has no hook that can drop one. Ours runs first,
 * then the app's own callback on what remains.
 */
export function wrapBeforeBreadcrumb(
  client: SentryClient,
  classifier: () => Classifier,
  mode: 'enforce' | 'dry-run',
): void {
  const clientOptions = optionsOf(client);
  const appCallback = clientOptions.beforeBreadcrumb;
  if (appCallback && (appCallback as unknown as Record<symbol, unknown>)[WRAPPED]) return;

  const wrapped: BeforeBreadcrumb = (breadcrumb, hint) => {
    let current: Breadcrumb | null = breadcrumb;
    try {
      // Our own demotion breadcrumbs are never classified, here or on an event: no marked copy of them.
      if (!isDemotionBreadcrumb(breadcrumb)) {
        current = classifyBreadcrumb(breadcrumb, classifier(), mode);
        if (current !== null && typeof current === 'object')
          current = { ...current, [DECIDED]: true } as Breadcrumb;
      }
    } catch (error) {
      DEBUG_BUILD && debugLog('warn', 'Keeping a breadcrumb unclassified after an internal error:', error);
    }
    if (current === null || !appCallback) return current;
    try {
      return appCallback(current, hint);
    } catch (error) {
      // The SDK drops a breadcrumb whose `beforeBreadcrumb` throws (or lets the throw escape): keeping it
      // would store what the app's scrubber never got to clean.
      DEBUG_BUILD && debugLog('warn', "The app's beforeBreadcrumb threw; dropping the breadcrumb:", error);
      return null;
    }
  };
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  clientOptions.beforeBreadcrumb = wrapped;
}

function isDemotionBreadcrumb(breadcrumb: unknown): boolean {
  return (
    typeof breadcrumb === 'object' &&
    breadcrumb !== null &&
    (breadcrumb as Breadcrumb).category === DEMOTED_CATEGORY
  );
}

/**
 * One breadcrumb's decision: `null` to drop it, a changed copy to demote (or, in dry-run, annotate) it, or
 * the very same object when nothing applies. Never changes the breadcrumb it is given.
 */
export function classifyBreadcrumb(
  breadcrumb: Breadcrumb,
  classifier: Classifier,
  mode: 'enforce' | 'dry-run',
): Breadcrumb | null {
  if (!breadcrumb || typeof breadcrumb !== 'object' || breadcrumb.category === DEMOTED_CATEGORY)
    return breadcrumb;
  const classification = classifier.classifyBreadcrumb(breadcrumb);
  if (!classification) return breadcrumb;
  if (mode === 'dry-run' || classification.shadow)
    return { ...breadcrumb, data: { ...breadcrumb.data, ...classificationTags(classification) } };
  if (classification.action === 'drop') return null;
  if (classification.action === 'report') return breadcrumb;
  return {
    ...breadcrumb,
    level: 'info',
    data: { ...breadcrumb.data, [KIND_KEY]: classification.kind },
  };
}
