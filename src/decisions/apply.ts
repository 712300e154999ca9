import type { Breadcrumb, Event } from '@sentry/core';
import type { Classification } from '../rules/types.js';
import type { SentryClient } from '../sentry/client.js';
import { DEBUG_BUILD } from '../sentry/debug-build.js';
import { debugEnabled, debugLog } from '../sentry/debug-log.js';
import { type Outcome, outcomeOf } from './outcome.js';
import { isSampled } from './sampling.js';
import type { DecisionAction } from './stats.js';
import type { Surge } from './surge.js';
import { CRASH_TAG, classificationTags, SURGE_WOULD_FIRE_TAG, sampledTags } from './tags.js';
import type { Demote, ExpectedErrorDecision } from './types.js';

/** What applying a decision needs besides the event. */
export interface DecisionContext {
  readonly mode: 'enforce' | 'dry-run';
  /** Where a rule's `sample` draws from. */
  readonly random: () => number;
  /** Records a decision; a completed surge is returned (see `safetyNet`). */
  readonly decided: (
    decision: Omit<ExpectedErrorDecision, 'mode'>,
    client: SentryClient,
    breadcrumb?: Breadcrumb,
  ) => Surge | undefined;
}

/**
 * Applies `classification` to `event`, whose `outcome` (`outcomeOf`, the crash guard applied) is known.
 * Enforce mode drops or demotes (returns `null`, leaving the demotion breadcrumb with `demote`), unless the
 * rule's `sample` sends this one anyway, tagged; dry-run tags the event with what enforce mode would have
 * done. Every drop, demotion and sample is recorded. Returns the event to send, or `null`.
 */
export function applyDecision(
  event: Event,
  classification: Classification,
  outcome: Outcome,
  client: SentryClient,
  demote: Demote | undefined,
  { mode, random, decided }: DecisionContext,
): Event | null {
  if (classification.shadow) {
    // A shadow rule decides nothing: the event is sent, tagged as in dry-run, and counted apart.
    event.tags = { ...event.tags, ...classificationTags(classification) };
    decided(decisionOf(classification, 'shadow', event), client);
    return event;
  }
  const sampled = outcome !== 'pass' && isSampled(classification, random);
  if (outcome === 'pass' && outcomeOf(classification) !== 'pass') {
    if (DEBUG_BUILD && debugEnabled())
      debugLog(
        'log',
        `Sending crash event ${event.event_id ?? ''}: rule "${classification.rule}" lacks uncaught: true`,
      );
    if (mode === 'dry-run') event.tags = { ...event.tags, [CRASH_TAG]: 'true' };
  }
  if (mode === 'enforce' && outcome !== 'pass' && !sampled) {
    if (DEBUG_BUILD && debugEnabled())
      debugLog(
        'log',
        `${outcome === 'drop' ? 'Dropped' : 'Demoted'} event ${event.event_id ?? ''} as \`${classification.kind}\` (rule "${classification.rule}")`,
      );
    const breadcrumb = outcome === 'breadcrumb' ? demote?.(event, classification, client) : undefined;
    decided(decisionOf(classification, outcome, event), client, breadcrumb ?? undefined);
    return null;
  }
  if (mode === 'dry-run') {
    event.tags = { ...event.tags, ...classificationTags(classification) };
    if (outcome !== 'pass' && !sampled) {
      const surge = decided(decisionOf(classification, outcome, event), client);
      if (surge) event.tags = { ...event.tags, [SURGE_WOULD_FIRE_TAG]: surge.kind };
    }
  }
  if (sampled) {
    event.tags = { ...event.tags, ...sampledTags(classification) };
    decided(decisionOf(classification, 'sampled', event), client);
  }
  return event;
}

/** What the bookkeeping records of `classification` applied to `event`. */
function decisionOf(
  classification: Classification,
  action: DecisionAction,
  event: Event,
): Omit<ExpectedErrorDecision, 'mode'> {
  return { kind: classification.kind, rule: classification.rule, action, event };
}
