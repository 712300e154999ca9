import type { Breadcrumb, Event } from '@sentry/core';
import type { Classification } from '../rules/types.js';
import type { SentryClient } from '../sentry/client.js';
import type { Outcome } from './outcome.js';
import type { DecisionAction } from './stats.js';

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

/** Leaves the breadcrumb of a demoted event (`demotion-breadcrumb.ts`); `null` when the SDK's hooks dropped it. */
export type Demote = (
  event: Event,
  classification: Classification,
  client: SentryClient,
) => Breadcrumb | null;

/** `applyDecision` bound to one integration's mode, sampling draw and records. */
export type ApplyDecision = (
  event: Event,
  classification: Classification,
  outcome: Outcome,
  client: SentryClient,
  demote: Demote | undefined,
) => Event | null;

/** The options that keep an outage from hiding behind the rules. */
export interface SafetyNetOptions {
  /**
   * When more than `threshold` events of one kind are dropped or demoted within `windowMs` (a sliding
   * window), one warning event `Expected error surge: <kind>` is sent for that kind and window, carrying no
   * user's or request's data, only counts and up to 5 parameterized, redacted examples. `false` turns it off. In dry-run nothing is sent: the event that crossed the threshold is tagged
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
