import type { Event, IntegrationFn } from '@sentry/core';
import * as SentryCore from '@sentry/core';
import type { Classifier } from '../classifier/build.js';
import { outcomeOf } from '../decisions/outcome.js';
import { type SafetyNetOptions, safetyNet } from '../decisions/safety-net.js';
import type { DecisionStats } from '../decisions/stats.js';
import { isSurgeEvent } from '../decisions/surge-event.js';
import { RuleConfigError } from '../errors.js';
import { addStatusTag } from '../event/status-tag.js';
import { onDemand } from '../on-demand.js';
import type { Rule } from '../rules/types.js';
import type { SentryClient } from '../sentry/client.js';
import { debugLog, INTEGRATION_NAME } from '../sentry/debug-log.js';
import { classifyEventBreadcrumbs } from './event-breadcrumbs.js';
import { wrapBeforeBreadcrumb } from './on-breadcrumb.js';
import { classifyLogs, type LogsOption } from './on-log.js';
import { resolveOptions, ruleArray } from './options.js';
import { rulesInUse } from './rule-set.js';

/** Options of `expectedErrorsIntegration`. */
export interface ExpectedErrorsOptions extends SafetyNetOptions {
  /**
   * Rules in precedence order; a matching `report` rule always wins. Typed expected errors need none.
   * Malformed rules throw a `RuleConfigError` here. A `pattern` is checked for catastrophic backtracking
   * by code loaded on demand: rules with one are used once the check has passed (events wait for it);
   * if it fails, they are refused in the debug log (see `setRules`).
   * @default []
   */
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
   * to every event that is sent, when its error is recognisably an upstream one. The taxonomy is loaded
   * on demand (a separate chunk in a browser bundle): an event that arrives while it loads waits for it.
   * @default 'off'
   */
  readonly upstreamTags?: 'off' | 'tag';
  /**
   * Sets the tag `http.response.status_code` on every event that is sent, from the status read on the
   * live error (its `status`, `statusCode`, `response.status`…, along its `cause` chain), when the
   * event states none: Sentry search sees it, and a replay of the recorded event decides as live.
   * @default false
   */
  readonly tagStatus?: boolean;
  /**
   * `classify` applies the rules to Sentry Logs (`Sentry.logger.*`, the console logging integration) by
   * their rendered message and status attributes: drop → not sent; breadcrumb → sent at level `info` with
   * the attribute `expected_error.kind` (dry-run: attributes only); `ignore` leaves logs alone.
   * @default 'classify'
   */
  readonly logs?: LogsOption;
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
  /**
   * Returns a promise only while something the event needs is still loading on demand: the upstream
   * taxonomy (`upstream` rules, `upstreamTags`), the pattern check, the decision bookkeeping (at the first
   * decision) or the demotion breadcrumbs and their secret redaction (at the first demotion).
   */
  processEvent<E extends { readonly type?: unknown }>(
    event: E,
    hint: unknown,
    client: SentryClient,
  ): E | null | PromiseLike<E | null>;
  /** The classifier currently in use (to `explain` a decision, or to share with other code). */
  getClassifier(): Classifier;
  /**
   * Replaces the rules (a remote config refresh, a feature flag). Anything but an array of valid rules is
   * refused (`null` or `undefined` never mean "no rules": pass `[]` for that): the rules are validated at
   * once, a refusal is returned (never thrown) and logged to Sentry's debug log, and the rules in use stay.
   * A small pack is compiled and in use when the call returns; a large one (thousands of rules) is
   * compiled in slices of a few milliseconds between events, the old rules deciding until the new ones
   * take over at once (`applied`). A `pattern` is checked for catastrophic backtracking by code loaded on
   * demand: until that check has run once, a pack with a pattern is taken on once its patterns pass
   * (events wait for it), and one that fails is refused then, in the debug log.
   */
  setRules(rules: readonly Rule[]): SetRulesResult;
  /**
   * Every drop, demotion, sample and surge since the integration was created, by kind and rule (in dry-run:
   * what enforce mode would have done). Up to 200 kinds and 200 rules per kind are counted apart; beyond,
   * decisions are counted under `(other)`, so memory stays bounded.
   */
  getStats(): DecisionStats;
}

const _expectedErrorsIntegration = ((input: ExpectedErrorsOptions = {}) => {
  const options = resolveOptions(input);
  const mode = options.mode;
  // The pattern check and the taxonomy are imported on demand, when the rules or options need them.
  const rules = rulesInUse(options);
  const net = safetyNet(input, mode);

  const integration: ExpectedErrorsIntegration = {
    name: INTEGRATION_NAME,
    getStats: () => net.getStats(),
    getClassifier() {
      return rules.classifier();
    },
    setRules(next) {
      try {
        const applied = rules.replace(ruleArray(next, 'setRules'));
        return { ok: true, applied };
      } catch (error) {
        const refused = RuleConfigError.isInstance(error)
          ? error
          : new RuleConfigError(-1, undefined, 'rules', `could not be compiled: ${String(error)}`);
        debugLog('warn', `Kept the rules in use; the new rules were refused: ${refused.message}`);
        return { ok: false, error: refused };
      }
    },
    setup(client) {
      rules.prepare();
      if (options.breadcrumbs !== 'ignore') wrapBeforeBreadcrumb(client, () => rules.classifier(), mode);
      if (options.logs === 'classify') classifyLogs(client, () => rules.classifier(), mode);
      net.setup(client);
      // Where nothing is downloaded (a server, Electron's main process: no document), the code a decision
      // needs is loaded now, so that the first expected error does not wait for it (nor a quick close lose
      // its client report). A page loads it at its first decision.
      if ((globalThis as { document?: unknown }).document === undefined) {
        void net.waiting();
        void demotion.load();
      }
    },
    processEvent(input, hint, client) {
      if (input.type !== undefined) return input;
      const waiting = rules.waiting();
      if (waiting) return waiting.then(() => integration.processEvent(input, hint, client));
      const event = input as Event;
      try {
        if (isSurgeEvent(event)) {
          // Our own surge report (sent by the decisions' code): never classified.
          net.tidySurgeEvent(event);
          return input;
        }
        // Without the taxonomy an `upstream` guard could not match: decide nothing rather than wrongly.
        if (rules.undecidable()) return input;
        const classification = rules.classifier().classify(event, hint);
        if (classification && !isClient(client)) {
          // Without the client there is no scope for the breadcrumb and no client report for a drop.
          debugLog(
            'warn',
            `Passing event ${event.event_id ?? ''} (rule "${classification.rule}"): no Sentry client was given`,
          );
          return input;
        }
        if (classification) {
          // The CLI decides recorded events with the same `outcomeOf` (uncaught guard included).
          const outcome = outcomeOf(classification, event);
          // The first classified event waits for the decisions' code (applying them, counts, surges,
          // metrics), the first demotion also for the demotion breadcrumb's code (its secret redaction),
          // both loaded on demand.
          const demoting = outcome === 'breadcrumb' && mode === 'enforce';
          const loading = net.waiting() ?? (demoting ? demotion.loading() : undefined);
          if (loading) return loading.then(() => integration.processEvent(input, hint, client));
          // Without them nothing is dropped or demoted unwatched, or demoted without its breadcrumb.
          if (!net.failed() && !(demoting && demotion.failed())) {
            const demote = demotion.module()?.demote;
            if (net.apply(event, classification, outcome, client, demote) === null) return null;
          }
        }
        if (options.upstreamTags === 'tag') {
          const originalException = (hint as { originalException?: unknown } | undefined)?.originalException;
          const tags = rules.upstreamTags(event, originalException);
          if (Object.keys(tags).length > 0) event.tags = { ...event.tags, ...tags };
        }
        if (options.tagStatus) addStatusTag(event, hint);
        if (options.breadcrumbs !== 'ignore') classifyEventBreadcrumbs(event, rules.classifier(), mode);
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

/**
 * The demotion breadcrumbs and their secret redaction (whose table of secret shapes is the largest part
 * of the package's browser path), loaded once per page, at the first demotion.
 */
const demotion = /* @__PURE__ */ onDemand(
  () => import('../decisions/demotion-breadcrumb.js'),
  'the demotion breadcrumbs',
);

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
export const expectedErrorsIntegration = /* @__PURE__ */ SentryCore.defineIntegration(
  _expectedErrorsIntegration,
) as (options?: ExpectedErrorsOptions) => ExpectedErrorsIntegration;
