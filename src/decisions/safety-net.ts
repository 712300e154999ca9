import type { Breadcrumb, Event } from '@sentry/core';
import { parameterize } from '../redact/parameterize.js';
import type { Classification } from '../rules/types.js';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugLog } from '../sentry/debug-log.js';
import { applyDecision, type DecisionContext } from './apply.js';
import { decisionMetrics } from './metrics.js';
import type { Outcome } from './outcome.js';
import { type DecisionStats, decisionTable } from './stats.js';
import { createSurgeDetector, type SurgeDetectorOptions } from './surge.js';
import { surgeEvent } from './surge-event.js';
import type { ApplyDecision, Demote, ExpectedErrorDecision } from './types.js';

/** The safety net's options, resolved by the integration (`integration/options.ts`). */
export interface SafetyNetSettings {
  readonly surge: SurgeDetectorOptions | undefined;
  readonly metrics: boolean;
  readonly onDecision: ((decision: ExpectedErrorDecision) => void) | undefined;
  readonly mode: 'enforce' | 'dry-run';
  /** Where a rule's `sample` draws from. */
  readonly random: () => number;
}

/**
 * The decisions of one integration instance: applied to their events (`applyDecision`), counted, watched
 * for surges, sent as metrics and to `onDecision`.
 */
export interface SafetyNet {
  setup(client: SentryClient): void;
  /** `applyDecision` with this instance's mode, sampling draw and records: the event to send, or `null`. */
  apply(
    event: Event,
    classification: Classification,
    outcome: Outcome,
    client: SentryClient,
    demote: Demote | undefined,
  ): Event | null;
  getStats(): DecisionStats;
}

/** Distinct example summaries a surge event carries, per kind. */
const MAX_SURGE_EXAMPLES = 5;

interface CapturingClient {
  captureEvent?(event: Event): unknown;
}

/** The safety net of one integration instance; `since` is `getStats().since`. */
export function safetyNet(settings: SafetyNetSettings, since = Date.now()): SafetyNet {
  const { mode, onDecision } = settings;
  const surges = settings.surge && createSurgeDetector(settings.surge);
  const table = decisionTable(since);
  const metrics = settings.metrics ? decisionMetrics(table, mode === 'dry-run' ? { mode } : {}) : undefined;
  // Per kind, a few parameterized summaries of what was demoted (no user's data: see `keepExample`).
  const examples = new Map<string, Examples>();

  const report = (decision: Omit<ExpectedErrorDecision, 'mode'>): void => {
    if (table.count(decision.kind, decision.rule, decision.action)) metrics?.changed();
    if (!onDecision) return;
    try {
      onDecision({ ...decision, mode });
    } catch (error) {
      DEBUG_BUILD &&
        debugLog('warn', `onDecision threw; the ${decision.action} of \`${decision.kind}\` stands:`, error);
    }
  };

  const decided: DecisionContext['decided'] = (decision, client, breadcrumb) => {
    metrics?.observe(client);
    if (breadcrumb) keepExample(examples, decision.kind, breadcrumb);
    report(decision);
    if (
      !surges ||
      decision.action === 'sampled' ||
      decision.action === 'surge' ||
      decision.action === 'shadow'
    )
      return undefined;
    const surge = surges.record(decision.kind, decision.rule, Date.now());
    if (!surge) return undefined;
    if (mode === 'dry-run') {
      report({ kind: surge.kind, rule: surge.rule, action: 'surge', event: decision.event });
      return surge;
    }
    const event = surgeEvent(surge, examples.get(surge.kind)?.kept ?? []);
    examples.delete(surge.kind);
    const capturing = client as CapturingClient;
    if (typeof capturing.captureEvent !== 'function') {
      DEBUG_BUILD && debugLog('warn', `Surge of \`${surge.kind}\` not sent: the client has no captureEvent`);
      return surge;
    }
    DEBUG_BUILD &&
      debugLog(
        'warn',
        `Surge of \`${surge.kind}\`: ${surge.count} in ${surge.windowMs} ms; sending one event`,
      );
    capturing.captureEvent(event);
    report({ kind: surge.kind, rule: surge.rule, action: 'surge', event });
    return surge;
  };
  const context: DecisionContext = { mode, random: settings.random, decided };
  const apply: ApplyDecision = (event, classification, outcome, client, demote) =>
    applyDecision(event, classification, outcome, client, demote, context);

  return {
    setup(client) {
      metrics?.bind(client);
    },
    apply,
    getStats: () => table.snapshot(),
  };
}

/** The examples of one kind, and how many summaries were tried for them. */
interface Examples {
  readonly kept: string[];
  tried: number;
}

/**
 * Keeps the demotion breadcrumb's summary (already redacted) in parameterized form — `<email>`, `<int>`,
 * `<uuid>`… — as one of at most `MAX_SURGE_EXAMPLES` distinct examples of its kind. Only the first
 * `MAX_SURGE_EXAMPLE_TRIES` demotions of a kind are parameterized (most of a storm reads the same): after
 * that a demotion costs a map lookup. Bounded: at most `MAX_KINDS_WITH_EXAMPLES` kinds at once.
 */
function keepExample(examples: Map<string, Examples>, kind: string, breadcrumb: Breadcrumb): void {
  let entry = examples.get(kind);
  if (entry && (entry.kept.length >= MAX_SURGE_EXAMPLES || entry.tried >= MAX_SURGE_EXAMPLE_TRIES)) return;
  const message = breadcrumb.message;
  if (typeof message !== 'string') return;
  if (!entry) {
    if (examples.size >= MAX_KINDS_WITH_EXAMPLES) return;
    entry = { kept: [], tried: 0 };
    examples.set(kind, entry);
  }
  entry.tried++;
  const template = parameterize(message);
  if (!entry.kept.includes(template)) entry.kept.push(template);
}

/** Demotions of one kind parameterized for its examples, at most, between two surges. */
const MAX_SURGE_EXAMPLE_TRIES = 16;
/** Kinds whose examples are kept at once (beyond, a surge event carries none). */
const MAX_KINDS_WITH_EXAMPLES = 200;
