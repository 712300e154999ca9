import { createDirectSearch, DIRECT_SEARCH_MAX_ANCHORS } from './anchor-search.js';
import { buildAutomatonSearchSteps } from './automaton-search.js';
import { indexRulesSteps } from './compile.js';
import type { Matcher } from './conditions.js';
import { createMatcher } from './match.js';
import type { NormalizedRule } from './validate.js';

/** Builds the indexed matcher of validated rules, pausing (yielding) between bounded pieces of work. */
export type IndexedMatcherSteps = (
  rules: readonly NormalizedRule[],
  maxTextLength: number,
) => Generator<void, Matcher, void>;

/**
 * The matcher for any number of rules: their lookup tables, and the search that finds their substrings
 * in one pass over a field (native string search for a few, the automaton for more), built in steps.
 */
export const indexedMatcherSteps: IndexedMatcherSteps = function* (rules, maxTextLength) {
  const compiled = yield* indexRulesSteps(rules);
  const search =
    compiled.anchorText.length <= DIRECT_SEARCH_MAX_ANCHORS
      ? createDirectSearch(compiled)
      : yield* buildAutomatonSearchSteps(compiled);
  return createMatcher(compiled, search, maxTextLength);
};

/** `indexedMatcherSteps` run to the end at once. */
export function indexedMatcher(rules: readonly NormalizedRule[], maxTextLength: number): Matcher {
  const steps = indexedMatcherSteps(rules, maxTextLength);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
