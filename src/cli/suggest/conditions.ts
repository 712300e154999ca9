import type { Sample } from './sample.js';

/** What a suggested rule requires: the substrings (`all`), and the structured facts where constant. */
export interface Conditions {
  readonly all: readonly string[];
  readonly exceptionType?: string;
  readonly status?: number;
}

/**
 * Whether a sample meets the conditions, by the classifier's own semantics: each substring in some
 * field, the type anywhere in the chain, the status among the structured ones.
 */
export function meetsConditions(sample: Sample, conditions: Conditions): boolean {
  return meetsFacts(sample, conditions) && conditions.all.every((piece) => holds(sample, piece));
}

/** Whether a sample meets the structured conditions (type and status) alone. */
export function meetsFacts(sample: Sample, conditions: Conditions): boolean {
  if (conditions.exceptionType !== undefined && !sample.exceptionTypes.includes(conditions.exceptionType))
    return false;
  return conditions.status === undefined || sample.statuses.includes(conditions.status);
}

/** Whether a sample holds `piece` in one of its fields. */
export function holds(sample: Sample, piece: string): boolean {
  return sample.fields.some((field) => field.includes(piece));
}
