import { isCrash } from '../event/crash.js';
import type { Classification } from '../rules/types.js';
import { KIND_KEY } from './tags.js';

/** What the integration does with an event: send it, drop it, or drop it and leave a breadcrumb. */
export type Outcome = 'pass' | 'drop' | 'breadcrumb';

/**
 * Why an event a rule claimed is sent all the same: a `report` rule (a guard) claimed it, it is a crash
 * (see `isCrash`) and the rule lacks `uncaught: true`, or the rule's `sample` sent it (a recorded event
 * tagged `expected_error.sampled`), or only a `shadow` rule claimed it.
 */
export type PassReason = 'guard' | 'crash' | 'sampled' | 'shadow';

/**
 * The outcome of a classification in enforce mode: `report` and no match both pass. Given the event, a
 * crash — an uncaught exception or unhandled rejection taking the process down, a dying worker, an event
 * at level `fatal` — also passes unless the rule sets `uncaught: true`. A framework's route handler
 * (`mechanism.handled: false`) is no crash: the rules decide. The integration and the CLI both use it.
 */
export function outcomeOf(classification: Classification | undefined, event?: unknown): Outcome {
  if (!classification || classification.action === 'report' || classification.shadow) return 'pass';
  if (event !== undefined && classification.uncaught !== true && isCrash(event)) return 'pass';
  return classification.action;
}

/**
 * Why a claimed event passes (`PassReason`); `undefined` when no rule claimed it or it does not pass.
 *
 * @example
 * passReasonOf(classification, event); // → 'crash': an uncaught exception, and the rule lacks `uncaught: true`
 */
export function passReasonOf(
  classification: Classification | undefined,
  event?: unknown,
): PassReason | undefined {
  if (!classification) return undefined;
  if (classification.action === 'report') return 'guard';
  if (classification.shadow) return 'shadow';
  if (outcomeOf(classification, event) === 'pass') return 'crash';
  const tags = typeof event === 'object' && event !== null ? (event as { tags?: unknown }).tags : undefined;
  const sampled =
    typeof tags === 'object' && tags !== null && (tags as Record<string, unknown>)['expected_error.sampled'];
  return sampled === 'true' && (tags as Record<string, unknown>)[KIND_KEY] === classification.kind
    ? 'sampled'
    : undefined;
}
