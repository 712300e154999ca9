import type { Breadcrumb, Event } from '@sentry/core';
import type { SentryClient } from '../sentry/client.js';
import { debugLog } from '../sentry/debug-log.js';
import { type ApplyDecision, applyDecision, type DecisionContext } from './apply.js';
import { decisionMetrics } from './metrics.js';
import type { ExpectedErrorDecision } from './safety-net.js';
import { type DecisionStats, decisionTable } from './stats.js';
import { createSurgeDetector, type Surge, type SurgeDetectorOptions } from './surge.js';
import { surgeEvent, withoutDuplicateDemotions } from './surge-event.js';

/** The safety net's options once validated (src/safety-net.ts). */
export interface BookkeepingOptions {
  readonly surge: SurgeDetectorOptions | undefined;
  readonly metrics: boolean;
  readonly onDecision: ((decision: ExpectedErrorDecision) => void) | undefined;
  readonly mode: 'enforce' | 'dry-run';
  /** Where a rule's `sample` draws from. */
  readonly random: () => number;
  /** When the integration was created: `getStats().since`. */
  readonly since: number;
}

/**
 * The decisions of one integration instance: applied to their events (`applyDecision`), counted, watched
 * for surges, sent as metrics and to `onDecision`.
 */
export interface Bookkeeping {
  bind(client: SentryClient): void;
  /** `applyDecision` with this instance's mode, sampling draw and records: the event to send, or `null`. */
  readonly apply: ApplyDecision;
  decided(
    decision: Omit<ExpectedErrorDecision, 'mode'>,
    client: SentryClient,
    breadcrumb?: Breadcrumb,
  ): Surge | undefined;
  /** Keeps one of each demotion breadcrumb on a surge event this code sent (`withoutDuplicateDemotions`). */
  tidySurgeEvent(event: Event): void;
  getStats(): DecisionStats;
}

const TRAIL_LENGTH = 100;

interface CapturingClient {
  captureEvent?(event: Event): unknown;
}

/**
 * The decisions' code, loaded on demand at an integration's first classified event (a page where no rule
 * ever matches never downloads it).
 */
export function decisionBookkeeping(options: BookkeepingOptions): Bookkeeping {
  const { mode, onDecision } = options;
  const surges = options.surge && createSurgeDetector(options.surge);
  const table = decisionTable(options.since);
  const metrics = options.metrics ? decisionMetrics(table, mode === 'dry-run' ? { mode } : {}) : undefined;
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

  const books: Bookkeeping = {
    bind(client) {
      metrics?.bind(client);
    },
    apply: (event, classification, outcome, client, demote) =>
      applyDecision(event, classification, outcome, client, demote, context),
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
    tidySurgeEvent: withoutDuplicateDemotions,
    getStats: () => table.snapshot(),
  };
  const context: DecisionContext = { mode, random: options.random, decided: books.decided };
  return books;
}

/** The demotion breadcrumbs of the surge's kind left within its window. */
function trailOf(trail: readonly Breadcrumb[], surge: Surge): Breadcrumb[] {
  const since = surge.since / 1_000;
  return trail.filter(
    (breadcrumb) => breadcrumb.data?.kind === surge.kind && (breadcrumb.timestamp ?? since) >= since,
  );
}
