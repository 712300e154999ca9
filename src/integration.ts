import type { Breadcrumb, BreadcrumbHint, Client, Event, EventHint, IntegrationFn } from '@sentry/core';
import * as SentryCore from '@sentry/core';
import { type Classifier, createClassifier } from './classifier.js';
import { DEMOTED_CATEGORY, demotionBreadcrumb } from './demotion.js';
import type { Classification, Rule } from './rules/types.js';

/** Options of `expectedErrorsIntegration`. */
export interface ExpectedErrorsOptions {
  /** Rules in precedence order; a matching `report` rule always wins. Typed expected errors need none. @default [] */
  readonly rules?: readonly Rule[];
  /**
   * `enforce` drops and demotes; `dry-run` sends everything and tags classified events with
   * `expected_error.kind`, `expected_error.action` and `expected_error.rule` (and annotates breadcrumbs).
   * @default 'enforce'
   */
  readonly mode?: 'enforce' | 'dry-run';
  /**
   * `classify` also applies the rules to breadcrumbs as they are recorded (drop → never stored;
   * breadcrumb → kept at level `info`); `ignore` leaves breadcrumbs alone.
   * @default 'classify'
   */
  readonly breadcrumbs?: 'classify' | 'ignore';
  /** See `createClassifier`. @default 4194304 */
  readonly maxTextLength?: number;
}

const INTEGRATION_NAME = 'ExpectedErrors';
const DEFAULT_MAX_BREADCRUMBS = 100;
const WRAPPED = Symbol.for('sentry-expected-errors.before-breadcrumb');

type BeforeBreadcrumb = (breadcrumb: Breadcrumb, hint?: BreadcrumbHint) => Breadcrumb | null;

const _expectedErrorsIntegration = ((options: ExpectedErrorsOptions = {}) => {
  const mode = options.mode ?? 'enforce';
  const classifier = createClassifier({
    rules: options.rules ?? [],
    ...(options.maxTextLength === undefined ? {} : { maxTextLength: options.maxTextLength }),
  });
  // Demotion breadcrumbs for a client our copy of @sentry/core cannot reach (see `leaveBreadcrumb`).
  const pending: Breadcrumb[] = [];

  return {
    name: INTEGRATION_NAME,
    setup(client: Client) {
      if (options.breadcrumbs !== 'ignore') wrapBeforeBreadcrumb(client, classifier, mode);
    },
    processEvent(event: Event, hint: EventHint, client: Client): Event | null {
      if (event.type !== undefined) return event;
      try {
        const classification = classifier.classify(event, hint);
        if (classification && mode === 'enforce' && classification.action !== 'report') {
          const verb = classification.action === 'drop' ? 'Dropped' : 'Demoted';
          log(
            'log',
            `${verb} event ${event.event_id ?? ''} as \`${classification.kind}\` (rule "${classification.rule}")`,
          );
          if (classification.action === 'breadcrumb') {
            leaveBreadcrumb(demotionBreadcrumb(event, classification), client, pending);
          }
          return null;
        }
        if (classification && mode === 'dry-run') {
          event.tags = { ...event.tags, ...classificationTags(classification) };
        }
        if (pending.length > 0) mergePending(event, pending, client);
        return event;
      } catch (error) {
        log('warn', `Passing event ${event.event_id ?? ''} unclassified after an internal error:`, error);
        return event;
      }
    },
  };
}) satisfies IntegrationFn;

/**
 * Drops or demotes expected error states before they reach Sentry; everything a rule does not claim
 * (and everything a `report` rule claims) is sent untouched.
 *
 * @example
 * Sentry.init({
 *   dsn,
 *   integrations: [expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...sessionExpiredRules()] })],
 * });
 */
export const expectedErrorsIntegration = SentryCore.defineIntegration(_expectedErrorsIntegration);

function classificationTags(classification: Classification): Record<string, string> {
  return {
    'expected_error.kind': classification.kind,
    'expected_error.action': classification.action,
    'expected_error.rule': classification.rule,
  };
}

/**
 * Classifies breadcrumbs as they are recorded by wrapping the client's live `beforeBreadcrumb` option
 * (read on every `addBreadcrumb`); `@sentry/core` has no hook that can drop one. Ours runs first, then
 * the app's own callback on what remains.
 */
function wrapBeforeBreadcrumb(client: Client, classifier: Classifier, mode: 'enforce' | 'dry-run'): void {
  const clientOptions = client.getOptions() as { beforeBreadcrumb?: BeforeBreadcrumb };
  const appCallback = clientOptions.beforeBreadcrumb;
  if (appCallback && (appCallback as unknown as Record<symbol, unknown>)[WRAPPED]) return;

  const wrapped: BeforeBreadcrumb = (breadcrumb, hint) => {
    let current: Breadcrumb | null = breadcrumb;
    try {
      current = classifyBreadcrumb(breadcrumb, classifier, mode);
    } catch (error) {
      log('warn', 'Keeping a breadcrumb unclassified after an internal error:', error);
    }
    if (current === null || !appCallback) return current;
    try {
      return appCallback(current, hint);
    } catch (error) {
      log('warn', "The app's beforeBreadcrumb threw; keeping the breadcrumb as it was:", error);
      return current;
    }
  };
  Object.defineProperty(wrapped, WRAPPED, { value: true });
  clientOptions.beforeBreadcrumb = wrapped;
}

function classifyBreadcrumb(
  breadcrumb: Breadcrumb,
  classifier: Classifier,
  mode: 'enforce' | 'dry-run',
): Breadcrumb | null {
  if (!breadcrumb || typeof breadcrumb !== 'object' || breadcrumb.category === DEMOTED_CATEGORY)
    return breadcrumb;
  const classification = classifier.classifyBreadcrumb(breadcrumb);
  if (!classification) return breadcrumb;
  if (mode === 'dry-run')
    return { ...breadcrumb, data: { ...breadcrumb.data, ...classificationTags(classification) } };
  if (classification.action === 'drop') return null;
  if (classification.action === 'report') return breadcrumb;
  return {
    ...breadcrumb,
    level: 'info',
    data: { ...breadcrumb.data, 'expected_error.kind': classification.kind },
  };
}

/**
 * Leaves the demotion breadcrumb on Sentry's current scope, so it lives as long as the request or task
 * that produced it. When our copy of `@sentry/core` is not the one driving `client` (an SDK such as
 * `@sentry/electron` pins its own), its scope functions are silent no-ops; the breadcrumb is then kept
 * here and merged into the next event this integration sees.
 */
function leaveBreadcrumb(breadcrumb: Breadcrumb, client: Client, pending: Breadcrumb[]): void {
  if (SentryCore.getClient() === client) {
    SentryCore.addBreadcrumb(breadcrumb);
    return;
  }
  pending.push({ ...breadcrumb, timestamp: Date.now() / 1000 });
  const limit = maxBreadcrumbs(client);
  if (pending.length > limit) pending.splice(0, pending.length - limit);
}

function mergePending(event: Event, pending: Breadcrumb[], client: Client): void {
  const merged = [...(Array.isArray(event.breadcrumbs) ? event.breadcrumbs : []), ...pending];
  pending.length = 0;
  merged.sort((left, right) => (left.timestamp ?? 0) - (right.timestamp ?? 0));
  const limit = maxBreadcrumbs(client);
  event.breadcrumbs = merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

function maxBreadcrumbs(client: Client): number {
  const limit = client.getOptions().maxBreadcrumbs;
  return typeof limit === 'number' && limit >= 0 ? limit : DEFAULT_MAX_BREADCRUMBS;
}

function log(level: 'log' | 'warn', message: string, ...details: unknown[]): void {
  const logger = SentryCore.debug ?? (SentryCore as unknown as { logger?: typeof SentryCore.debug }).logger;
  logger?.[level](`[${INTEGRATION_NAME}] ${message}`, ...details);
}
