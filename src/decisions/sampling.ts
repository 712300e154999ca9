import type { Classification } from '../rules/types.js';

/**
 * Whether this match of a rule with `sample` is sent anyway: true for that fraction of its matches, drawn
 * from `random` (a function returning a number in [0, 1), like `Math.random`).
 */
export function isSampled(classification: Classification, random: () => number): boolean {
  const rate = classification.sample;
  return rate !== undefined && rate > 0 && random() < rate;
}
