import type { Event, IntegrationFn } from '@sentry/core';
import type { Classifier } from '../classifier/build.js';
import { demote } from '../decisions/demotion-breadcrumb.js';
import { outcomeOf } from '../decisions/outcome.js';
import { safetyNet } from '../decisions/safety-net.js';
import type { DecisionStats } from '../decisions/stats.js';
import { isSurgeEvent, scrubSurgeEvent } from '../decisions/surge-event.js';
import type { SafetyNetOptions } from '../decisions/types.js';
import { RuleConfigError } from '../errors.js';
import { originalExceptionOf } from '../event/facts.js';
import { addStatusTag } from '../event/status-tag.js';
import type { PatternSupport } from '../rules/pattern.js';
import type { RuleIndex } from '../rules/rule-index.js';
import type { Rule } from '../rules/types.js';
import { TAXONOMY_NEEDED, type UpstreamTaxonomy, upstreamReaderOf } from '../rules/upstream-reader.js';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog, INTEGRATION_NAME, warnOfSecondCore } from '../sentry/debug-log.js';
import { coreVersionOf } from '../sentry/scopes.js';
import { earlyDecisions } from './decide-early.js';
import { classifyEventBreadcrumbs } from './event-breadcrumbs.js';
import { wrapBeforeBreadcrumb } from './on-breadcrumb.js';
import { classifyLogs, type LogsOption } from './on-log.js';
import { resolveOptions, ruleArray } from './options.js';
import { ruleSet } from './rule-set.js';
import { upstreamTagsOf } from './upstream-tags.js';

/** Options of `expectedErrorsIntegration`. */
export interface ExpectedErrorsOptions extends SafetyNetOptions {
  /**
   * Rules in precedence order; a matching `report` rule always wins. Typed expected errors need none.
   * Malformed rules throw a `RuleConfigError` here, a `pattern` no automaton can match (a backreference)
   * among them.
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
   * to every event that is sent, when its error is recognisably an upstream one. Needs the taxonomy: pass
   * `taxonomy`, or use a built-in pack whose rules read it (`recommendedRules()`).
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
  /**
   * The upstream error taxonomy, for rules with an `upstream` condition (from JSON, or your own) and for
   * `upstreamTags`: `import { upstreamTaxonomy } from 'sentry-expected-errors/upstream'`. Built-in packs
   * whose rules need it bring it themselves; an app that never passes it nor uses such a pack does not
   * bundle it.
   */
  readonly taxonomy?: UpstreamTaxonomy;
  /**
   * Pattern support, for rules of your own (or from JSON) with a `pattern`: `patternSafety` from the
   * package root. Built-in packs whose rules have a pattern bring it; an app that uses no pattern does not
   * bundle it.
   */
  readonly patterns?: PatternSupport;
  /**
   * The rule index, for a large rule set of your own (from JSON, or `setRules` with hundreds of rules):
   * `ruleIndex` from the package root. Without it every rule is tried in turn, with the same answers (as
   * fast up to 16 rules and 10 substrings; slower beyond). `recommendedRules()` brings it; an app that
   * never passes it nor uses that pack does not bundle it.
   */
  readonly index?: RuleIndex;
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
  /**
   * Hooks into the client: breadcrumbs and logs as they are recorded, and (in enforce mode) its
   * `captureException`, so that an error the rules drop or demote is decided before the SDK builds its
   * event (see `earlyDecisions`).
   */
  setup(client: SentryClient): void;
  /**
   * Moves this integration's event processor ahead of every other one, so an expected error is decided
   * before the SDK's enrichment (source context, device context…) is spent on it, and its demotion
   * breadcrumb is on the scope before the capturing call returns.
   */
  afterAllSetup(client: SentryClient): void;
  /** Decides an error event at once (never returns a promise): the event to send, or `null`. */
  processEvent<E extends { readonly type?: unknown }>(
    event: E,
    hint: unknown,
    client: SentryClient,
  ): E | null;
  /** The classifier currently in use (to `explain` a decision, or to share with other code). */
  getClassifier(): Classifier;
  /**
   * Replaces the rules (a remote config refresh, a feature flag). Anything but an array of valid rules is
   * refused (`null` or `undefined` never mean "no rules": pass `[]` for that): the rules are validated at
   * once, a refusal is returned (never thrown) and logged to Sentry's debug log, and the rules in use stay.
   * A pack is compiled and in use when the call returns when that takes a few milliseconds; a large one
   * (thousands of rules) is compiled in slices between events, the old rules deciding until the new ones
   * take over at once (`applied`).
   */
  setRules(rules: readonly Rule[]): SetRulesResult;
  /**
   * Every drop, demotion, sample and surge since the integration was created, by kind and rule (in dry-run:
   * what enforce mode would have done). Up to 200 kinds and 200 rules per kind are counted apart; beyond,
   * decisions are counted under `(other)`, so memory stays bounded.
   */
  getStats(): DecisionStats & { readonly mode: 'enforce' | 'dry-run' };
}

const _expectedErrorsIntegration = ((input: ExpectedErrorsOptions = {}) => {
  const options = resolveOptions(input);
  const mode = options.mode;
  const rules = ruleSet(options);
  // `upstreamTags` reads what the `upstream` conditions read: the taxonomy passed in, or a pack's.
  const readUpstream = options.readUpstream ?? upstreamReaderOf(options.rules);
  if (options.upstreamTags === 'tag' && !readUpstream) {
    throw RuleConfigError.forOption('expectedErrorsIntegration', 'upstreamTags', TAXONOMY_NEEDED);
  }
  const net = safetyNet(options);
  // In enforce mode an error the rules drop or demote is decided before the SDK builds its event.
  const early =
    mode === 'enforce'
      ? earlyDecisions((event, hint, client) => {
          const classification = rules.claim(event, hint);
          if (!classification) return 'unclaimed';
          const outcome = outcomeOf(classification, event);
          if (outcome === 'pass' || classification.sample !== undefined) return 'undecided';
          return net.apply(event, classification, outcome, client, demote) === null ? 'decided' : 'undecided';
        })
      : undefined;

  const integration: ExpectedErrorsIntegration = {
    name: INTEGRATION_NAME,
    getStats: () => ({ ...net.getStats(), mode }),
    getClassifier: () => rules.classifier(),
    setRules(next) {
      try {
        return { ok: true, applied: rules.replace(ruleArray(next, 'setRules')) };
      } catch (error) {
        const refused = RuleConfigError.isInstance(error)
          ? error
          : new RuleConfigError(-1, undefined, 'rules', `could not be compiled: ${String(error)}`);
        DEBUG_BUILD &&
          debugLog('warn', `Kept the rules in use; the new rules were refused: ${refused.message}`);
        return { ok: false, error: refused };
      }
    },
    setup(client) {
      if (options.breadcrumbs !== 'ignore') wrapBeforeBreadcrumb(client, rules.classifier, mode);
      if (options.logs === 'classify') classifyLogs(client, rules.classifier, mode);
      net.setup(client);
      early?.setup(client);
      warnOfSecondCore(client, coreVersionOf(client));
      // The SDK builds a surge event in the scope of whichever request crossed the threshold: what it
      // added is removed just before the event is sent.
      onClient(client, 'beforeSendEvent', (event) => {
        if (isSurgeEvent(event)) scrubSurgeEvent(event);
      });
    },
    afterAllSetup(client) {
      moveProcessorFirst(client);
    },
    processEvent(input, hint, client) {
      if (input.type !== undefined) return input;
      const event = input as Event;
      try {
        // Our own surge report: never classified (`scrubSurgeEvent` tidies it before it is sent).
        if (isSurgeEvent(event)) return input;
        // In enforce mode a guard matching alone sends the event as no match does: `claim` skips the guards
        // (and the upstream read they may need) for the events no rule claims, most of them.
        // An error no rule claimed before its event was built (`earlyDecisions`) is not classified again.
        const classification = early?.wasUnclaimed(hint)
          ? undefined
          : mode === 'enforce' && isClient(client)
            ? rules.claim(event, hint)
            : rules.classifier().classify(event, hint);
        if (classification && !isClient(client)) {
          // Without the client there is no scope for the breadcrumb and no client report for a drop.
          DEBUG_BUILD &&
            debugLog(
              'warn',
              `Passing event ${event.event_id ?? ''} (rule "${classification.rule}"): no Sentry client was given`,
            );
          return input;
        }
        if (classification) {
          // The CLI decides recorded events with the same `outcomeOf` (crash guard included).
          const outcome = outcomeOf(classification, event);
          if (net.apply(event, classification, outcome, client, demote) === null) return null;
        }
        if (options.upstreamTags === 'tag' && readUpstream) {
          const tags = upstreamTagsOf(readUpstream(event, originalExceptionOf(hint)));
          if (tags) event.tags = { ...event.tags, ...tags };
        }
        if (options.tagStatus) addStatusTag(event, hint);
        if (options.breadcrumbs !== 'ignore') classifyEventBreadcrumbs(event, rules.classifier(), mode);
        return input;
      } catch (error) {
        DEBUG_BUILD &&
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

interface HookingClient {
  on?(hook: 'beforeSendEvent', callback: (event: Event) => void): unknown;
  getEventProcessors?(): unknown;
}

function onClient(client: SentryClient, hook: 'beforeSendEvent', callback: (event: Event) => void): void {
  const on = (client as HookingClient).on;
  if (typeof on === 'function') on.call(client, hook, callback);
}

/**
 * Puts the processor the SDK registered for this integration (its `id` is the integration's name, in every
 * supported major) first in the client's list, which `getEventProcessors()` returns live. An SDK whose
 * list cannot be read keeps its order: the decisions are the same, only later.
 */
function moveProcessorFirst(client: SentryClient): void {
  try {
    const processors = (client as HookingClient).getEventProcessors?.();
    if (!Array.isArray(processors)) return;
    const index = processors.findIndex(
      (processor) => (processor as { id?: unknown })?.id === INTEGRATION_NAME,
    );
    if (index > 0) processors.unshift(...processors.splice(index, 1));
  } catch (error) {
    DEBUG_BUILD &&
      debugLog('warn', 'Could not move the event processor first; it runs where the SDK put it:', error);
  }
}

/**
 * Drops or demotes expected error states before they reach Sentry; everything a rule does not claim
 * (and everything a `report` rule claims) is sent untouched.
 *
 * @example
 * Sentry.init({
 *   dsn,
 *   integrations: [expectedErrorsIntegration({ rules: recommendedRules() })],
 * });
 */
// Sentry's `defineIntegration` returns the factory as it is (every major from 8 on): this package
// imports nothing of `@sentry/core` at runtime for it.
export const expectedErrorsIntegration = _expectedErrorsIntegration as (
  options?: ExpectedErrorsOptions,
) => ExpectedErrorsIntegration;
