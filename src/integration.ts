import type { Event, IntegrationFn } from '@sentry/core';
import * as SentryCore from '@sentry/core';
import { classificationTags, wrapBeforeBreadcrumb } from './breadcrumb-hook.js';
import { type Classifier, createClassifier, createClassifierSteps } from './classifier.js';
import { debugLog, INTEGRATION_NAME } from './debug-log.js';
import { demotionBreadcrumb, demotionTrail } from './demotion.js';
import { RuleConfigError } from './errors.js';
import { outcomeOf } from './outcome.js';
import type { Rule } from './rules/types.js';
import { runInSlices, SLICE_MILLISECONDS } from './run-in-slices.js';
import type { SentryClient } from './sentry-client.js';
import { upstreamTags } from './upstream-tags.js';

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
  /**
   * `tag` adds `upstream.type`, `upstream.reason` and `upstream.retryable` (see `categorizeUpstreamError`)
   * to every event that is sent, when its error is recognisably an upstream one.
   * @default 'off'
   */
  readonly upstreamTags?: 'off' | 'tag';
}

/**
 * Result of `ExpectedErrorsIntegration.setRules`: the rules were refused (`error`), or accepted and
 * `applied` resolves once they decide events — `true`, or `false` when a later `setRules` call replaced
 * them first (or they failed to compile; the rules in use stay).
 */
export type SetRulesResult =
  | { readonly ok: true; readonly applied: Promise<boolean> }
  | { readonly ok: false; readonly error: RuleConfigError };

/**
 * The integration instance: a Sentry `Integration` plus a way to swap its rules at runtime. Its hooks
 * are typed structurally (any `@sentry/core` version's client and events fit), so it can be handed to an
 * SDK that brings its own copy of `@sentry/core`, such as `@sentry/electron`, without a cast.
 */
export interface ExpectedErrorsIntegration {
  readonly name: 'ExpectedErrors';
  setup(client: SentryClient): void;
  processEvent<E extends { readonly type?: unknown }>(
    event: E,
    hint: unknown,
    client: SentryClient,
  ): E | null;
  /** The classifier currently in use (to `explain` a decision, or to share with other code). */
  getClassifier(): Classifier;
  /**
   * Replaces the rules (a remote config refresh, a feature flag). The rules are validated at once: a pack
   * that does not compile is refused, the rules in use stay, and the error is returned (never thrown) and
   * logged to Sentry's debug log. A small pack is compiled and in use when the call returns; a large one
   * (thousands of rules) is compiled in slices of a few milliseconds between events, the old rules
   * deciding until the new ones take over at once (`applied`).
   */
  setRules(rules: readonly Rule[]): SetRulesResult;
}

const _expectedErrorsIntegration = ((options: ExpectedErrorsOptions = {}) => {
  const mode = options.mode ?? 'enforce';
  const maxTextLength = options.maxTextLength === undefined ? {} : { maxTextLength: options.maxTextLength };
  let classifier = createClassifier({ rules: options.rules ?? [], ...maxTextLength });
  // Bumped by each `setRules` call: a compile still running in the background for an older call stops.
  let rulesGeneration = 0;
  const trail = demotionTrail();

  const integration: ExpectedErrorsIntegration = {
    name: INTEGRATION_NAME,
    getClassifier() {
      return classifier;
    },
    setRules(rules) {
      const steps = createClassifierSteps({ rules, ...maxTextLength });
      const deadline = Date.now() + SLICE_MILLISECONDS;
      let next: IteratorResult<void, Classifier>;
      try {
        // The first step validates, so a refusal is always returned here; then compile while time allows.
        next = steps.next();
        while (!next.done && Date.now() < deadline) next = steps.next();
      } catch (error) {
        const refused = RuleConfigError.isInstance(error)
          ? error
          : new RuleConfigError(-1, undefined, 'rules', `could not be compiled: ${String(error)}`);
        debugLog('warn', `Kept the rules in use; the new rules were refused: ${refused.message}`);
        return { ok: false, error: refused };
      }
      const generation = ++rulesGeneration;
      if (next.done) {
        classifier = next.value;
        return { ok: true, applied: Promise.resolve(true) };
      }
      const applied = runInSlices(steps, () => generation !== rulesGeneration).then((run) => {
        if (run.status === 'done') classifier = run.value;
        else if (run.status === 'failed') {
          debugLog('warn', 'Kept the rules in use; the new rules failed to compile:', run.error);
        }
        return run.status === 'done';
      });
      return { ok: true, applied };
    },
    setup(client) {
      if (options.breadcrumbs !== 'ignore') wrapBeforeBreadcrumb(client, () => classifier, mode);
    },
    processEvent(input, hint, client) {
      if (input.type !== undefined) return input;
      const event = input as Event;
      try {
        const classification = classifier.classify(event, hint);
        if (classification && !isClient(client)) {
          // Without the client there is no scope for the breadcrumb and no client report for a drop.
          debugLog(
            'warn',
            `Passing event ${event.event_id ?? ''} (rule "${classification.rule}"): no Sentry client was given`,
          );
          return input;
        }
        // The CLI decides recorded events with the same `outcomeOf`.
        const outcome = outcomeOf(classification);
        if (classification && mode === 'enforce' && outcome !== 'pass') {
          const verb = outcome === 'drop' ? 'Dropped' : 'Demoted';
          debugLog(
            'log',
            `${verb} event ${event.event_id ?? ''} as \`${classification.kind}\` (rule "${classification.rule}")`,
          );
          if (outcome === 'breadcrumb') trail.leave(demotionBreadcrumb(event, classification), client);
          return null;
        }
        if (classification && mode === 'dry-run') {
          event.tags = { ...event.tags, ...classificationTags(classification) };
        }
        if (options.upstreamTags === 'tag') {
          const originalException = (hint as { originalException?: unknown } | undefined)?.originalException;
          const tags = upstreamTags(event, originalException);
          if (Object.keys(tags).length > 0) event.tags = { ...event.tags, ...tags };
        }
        trail.mergeInto(event, client);
        return input;
      } catch (error) {
        debugLog(
          'warn',
          `Passing event ${event.event_id ?? ''} unclassified after an internal error:`,
          error,
        );
        return input;
      }
    },
  };
  return integration;
}) satisfies IntegrationFn;

function isClient(client: unknown): client is SentryClient {
  return (
    typeof client === 'object' && client !== null && typeof (client as SentryClient).getOptions === 'function'
  );
}

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
export const expectedErrorsIntegration = SentryCore.defineIntegration(_expectedErrorsIntegration) as (
  options?: ExpectedErrorsOptions,
) => ExpectedErrorsIntegration;
