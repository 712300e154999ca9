import type { Breadcrumb, Event } from '@sentry/core';
import { debugLog } from './debug-log.js';
import { decisionMetrics } from './decision-metrics.js';
import { type DecisionAction, type DecisionStats, decisionTable } from './decision-stats.js';
import { RuleConfigError } from './errors.js';
import { describe } from './options.js';
import type { SentryClient } from './sentry-client.js';
import { createSurgeDetector, DEFAULT_SURGE, type Surge, type SurgeDetector } from './surge.js';
import { surgeEvent } from './surge-event.js';

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
   * Records a decision. A drop or demotion also counts toward a surge: in enforce mode a completed surge is
   * sent through the client; in dry-run it is returned so the event can be tagged.
   */
  decided(
    decision: Omit<ExpectedErrorDecision, 'mode'>,
    client: SentryClient,
    breadcrumb?: Breadcrumb,
  ): Surge | undefined;
  getStats(): DecisionStats;
}

const OWNER = 'expectedErrorsIntegration';
const TRAIL_LENGTH = 100;

interface CapturingClient {
  captureEvent?(event: Event): unknown;
}

/** Validates the options (throwing `RuleConfigError` naming the option) and builds the bookkeeping. */
export function safetyNet(options: SafetyNetOptions, mode: 'enforce' | 'dry-run'): SafetyNet {
  const surges = surgeDetectorFor(options.surge);
  if (options.metrics !== undefined && typeof options.metrics !== 'boolean')
    throw RuleConfigError.forOption(OWNER, 'metrics', `must be a boolean (got ${describe(options.metrics)})`);
  const onDecision = options.onDecision;
  if (onDecision !== undefined && typeof onDecision !== 'function')
    throw RuleConfigError.forOption(OWNER, 'onDecision', `must be a function (got ${describe(onDecision)})`);

  if (options.random !== undefined && typeof options.random !== 'function')
    throw RuleConfigError.forOption(OWNER, 'random', `must be a function (got ${describe(options.random)})`);

  const table = decisionTable(Date.now());
  const metrics =
    options.metrics === false ? undefined : decisionMetrics(table, mode === 'dry-run' ? { mode } : {});
  const trail: Breadcrumb[] = [];

  const report = (decision: Omit<ExpectedErrorDecision, 'mode'>): void => {
    if (table.count(decision.kind, decision.rule, decision.action)) metrics?.changed();
    if (!onDecision) return;
    try {
      onDecision({ ...decision, mode });
    } catch (error) {
      debugLog('warn', `onDecision threw; the ${decision.action} of \`${decision.kind}\` stands:`, error);
    }
  };

  return {
    setup(client) {
      metrics?.bind(client);
    },
    decided(decision, client, breadcrumb) {
      metrics?.observe(client);
      if (breadcrumb) {
        trail.push(breadcrumb);
        if (trail.length > TRAIL_LENGTH) trail.shift();
      }
      report(decision);
      if (!surges || decision.action === 'sampled' || decision.action === 'surge') return undefined;
      const surge = surges.record(decision.kind, decision.rule, Date.now());
      if (!surge) return undefined;
      if (mode === 'dry-run') {
        report({ kind: surge.kind, rule: surge.rule, action: 'surge', event: decision.event });
        return surge;
      }
      const event = surgeEvent(surge, trailOf(trail, surge));
      const capturing = client as CapturingClient;
      if (typeof capturing.captureEvent !== 'function') {
        debugLog('warn', `Surge of \`${surge.kind}\` not sent: the client has no captureEvent`);
        return surge;
      }
      debugLog(
        'warn',
        `Surge of \`${surge.kind}\`: ${surge.count} in ${surge.windowMs} ms; sending one event`,
      );
      capturing.captureEvent(event);
      report({ kind: surge.kind, rule: surge.rule, action: 'surge', event });
      return surge;
    },
    getStats: () => table.snapshot(),
  };
}

/** The demotion breadcrumbs of the surge's kind left within its window. */
function trailOf(trail: readonly Breadcrumb[], surge: Surge): Breadcrumb[] {
  const since = surge.since / 1_000;
  return trail.filter(
    (breadcrumb) => breadcrumb.data?.kind === surge.kind && (breadcrumb.timestamp ?? since) >= since,
  );
}

function surgeDetectorFor(surge: SafetyNetOptions['surge']): SurgeDetector | undefined {
  if (surge === false) return undefined;
  if (surge === undefined) return createSurgeDetector(DEFAULT_SURGE);
  if (typeof surge !== 'object' || surge === null)
    throw RuleConfigError.forOption(
      OWNER,
      'surge',
      `must be { threshold, windowMs? } or false (got ${describe(surge)})`,
    );
  const { threshold, windowMs = DEFAULT_SURGE.windowMs } = surge;
  if (typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1)
    throw RuleConfigError.forOption(
      OWNER,
      'surge.threshold',
      `must be a positive integer (got ${describe(threshold)})`,
    );
  if (typeof windowMs !== 'number' || !Number.isFinite(windowMs) || windowMs <= 0)
    throw RuleConfigError.forOption(
      OWNER,
      'surge.windowMs',
      `must be a positive finite number of milliseconds (got ${describe(windowMs)})`,
    );
  return createSurgeDetector({ threshold, windowMs });
}
