import type { Event } from '@sentry/core';
import { checkOptionType, optionError } from '../integration/options.js';
import { onDemand } from '../on-demand.js';
import type { SentryClient } from '../sentry/client.js';
import type { ApplyDecision } from './apply.js';
import type { Bookkeeping } from './bookkeeping.js';
import type { DecisionAction, DecisionStats } from './stats.js';
import type { SurgeDetectorOptions } from './surge.js';
import { DEFAULT_SURGE } from './surge-defaults.js';

/** A decision reported to `onDecision`. */
export interface ExpectedErrorDecision {
  readonly kind: string;
  /** The deciding rule; for a surge, the rule of the drop or demotion that crossed the threshold. */
  readonly rule: string;
  readonly action: DecisionAction;
  /**
   * The event decided about: the dropped, demoted or sampled one; for a surge, the surge event (in dry-run,
   * the event that would have raised it).
   */
  readonly event: Event;
  /** In `dry-run`, what enforce mode would have done (nothing was dropped). */
  readonly mode: 'enforce' | 'dry-run';
}

/** The options that keep an outage from hiding behind the rules. */
export interface SafetyNetOptions {
  /**
   * When more than `threshold` events of one kind are dropped or demoted within `windowMs` (a sliding
   * window), one warning event `Expected error surge: <kind>` is sent for that kind and window. `false`
   * turns it off. In dry-run nothing is sent: the event that crossed the threshold is tagged
   * `expected_error.surge_would_fire` instead.
   * @default { threshold: 100, windowMs: 60000 }
   */
  readonly surge?: { readonly threshold: number; readonly windowMs?: number } | false;
  /**
   * Count decisions in the Sentry metric `expected_error.events` (attributes `kind`, `rule`, `action`)
   * where the SDK has `metrics.count` (@sentry/core ≥ 10.25), aggregated every 5 s and at flush.
   * @default true
   */
  readonly metrics?: boolean;
  /** Called for every drop, demotion, sample and surge. A throw is logged to Sentry's debug log and ignored. */
  readonly onDecision?: (decision: ExpectedErrorDecision) => void;
  /**
   * Where a rule's `sample` draws from: a function returning a number in [0, 1). Pass a seeded one to make
   * sampling reproducible.
   * @default Math.random
   */
  readonly random?: () => number;
}

/** The bookkeeping behind the decisions of one integration instance. */
export interface SafetyNet {
  setup(client: SentryClient): void;
  /**
   * What a classified event must wait for: the decisions' code (applying them, counts, surges, metrics),
   * loaded on demand at the first one; `undefined` once it is loaded, or could not be.
   */
  waiting(): Promise<void> | undefined;
  /** True when the decisions' code could not be loaded: nothing may be dropped or demoted unwatched. */
  failed(): boolean;
  /**
   * Applies a classification to its event (see `applyDecision`) once `waiting()` is done: the event to
   * send, or `null` (dropped or demoted). Each drop, demotion and sample is recorded; a drop or demotion
   * also counts toward a surge (sent through the client in enforce mode, tagged on the event in dry-run).
   */
  readonly apply: ApplyDecision;
  /** Keeps one of each demotion breadcrumb on a surge event (see `withoutDuplicateDemotions`). */
  tidySurgeEvent(event: Event): void;
  getStats(): DecisionStats;
}

/**
 * Validates the options (throwing `RuleConfigError` naming the option) and returns the bookkeeping, whose
 * code is loaded at the first decision.
 */
export function safetyNet(options: SafetyNetOptions, mode: 'enforce' | 'dry-run'): SafetyNet {
  const surge = surgeOptions(options.surge);
  checkOptionType(options, 'metrics', 'boolean');
  checkOptionType(options, 'onDecision', 'function');
  checkOptionType(options, 'random', 'function');
  const onDecision = options.onDecision;

  const since = Date.now();
  const code = onDemand(() => import('./bookkeeping.js'), 'the decision bookkeeping');
  let books: Bookkeeping | undefined;
  let boundClient: SentryClient | undefined;
  const start = (): void => {
    const loaded = code.module();
    if (books || !loaded) return;
    books = loaded.decisionBookkeeping({
      surge,
      metrics: options.metrics !== false,
      onDecision,
      mode,
      random: options.random ?? Math.random,
      since,
    });
    if (boundClient) books.bind(boundClient);
  };

  return {
    setup(client) {
      boundClient = client;
      books?.bind(client);
    },
    waiting: () => code.loading()?.then(start),
    failed: code.failed,
    apply: (event, classification, outcome, client, demote) =>
      books ? books.apply(event, classification, outcome, client, demote) : event,
    tidySurgeEvent: (event) => books?.tidySurgeEvent(event),
    getStats: () => books?.getStats() ?? { since, kinds: {} },
  };
}

/** The `surge` option, checked: the detector's options, or `undefined` for `false`. */
function surgeOptions(surge: SafetyNetOptions['surge']): SurgeDetectorOptions | undefined {
  if (surge === false) return undefined;
  if (surge === undefined) return DEFAULT_SURGE;
  if (typeof surge !== 'object' || surge === null)
    throw optionError('surge', 'must be { threshold, windowMs? } or false', surge);
  const { threshold, windowMs = DEFAULT_SURGE.windowMs } = surge;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1)
    throw optionError('surge.threshold', 'must be a positive integer', threshold);
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0)
    throw optionError('surge.windowMs', 'must be a positive finite number of milliseconds', windowMs);
  return { threshold, windowMs };
}
