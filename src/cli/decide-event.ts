import type { Classifier } from '../classifier/create.js';
import { type Outcome, outcomeOf, type PassReason, passReasonOf } from '../decisions/outcome.js';
import type { Classification } from '../rules/types.js';
import type { JsonObject } from './recorded-event.js';

/**
 * What the integration does with a recorded event, by its own code path: events that carry a `type`
 * (transactions, feedback…) are never classified and pass; error events go through
 * `classifier.classify`, `outcomeOf` and `passReasonOf`. A recorded event has no hint.
 */
export function decideRecordedEvent(
  event: JsonObject,
  classifier: Classifier,
): {
  readonly outcome: Outcome;
  readonly classification: Classification | undefined;
  /** Why an event a rule claimed passes (`guard`, `crash`, `sampled`). */
  readonly reason: PassReason | undefined;
} {
  if (event.type !== undefined) return { outcome: 'pass', classification: undefined, reason: undefined };
  const classification = classifier.classify(event);
  const outcome = outcomeOf(classification, event);
  return {
    outcome,
    classification,
    reason: outcome === 'pass' ? passReasonOf(classification, event) : undefined,
  };
}
