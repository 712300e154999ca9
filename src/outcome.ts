import type { Classification } from './rules/types.js';

/** What the integration does with an event: send it, drop it, or drop it and leave a breadcrumb. */
export type Outcome = 'pass' | 'drop' | 'breadcrumb';

/** The outcome of a classification in enforce mode: `report` and no match both pass. */
export function outcomeOf(classification: Classification | undefined): Outcome {
  if (!classification || classification.action === 'report') return 'pass';
  return classification.action;
}
