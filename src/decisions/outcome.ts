import { isUncaught } from '../event/crash.js';
import type { Classification } from '../rules/types.js';

/** What the integration does with an event: send it, drop it, or drop it and leave a breadcrumb. */
export type Outcome = 'pass' | 'drop' | 'breadcrumb';

/**
 * The outcome of a classification in enforce mode: `report` and no match both pass. Given the event, an
 * uncaught error (`mechanism.handled: false`) or a `fatal` event also passes unless the rule sets
 * `uncaught: true`: the integration and the CLI both pass it.
 */
export function outcomeOf(classification: Classification | undefined, event?: unknown): Outcome {
  if (!classification || classification.action === 'report') return 'pass';
  if (event !== undefined && classification.uncaught !== true && isUncaught(event)) return 'pass';
  return classification.action;
}
