import { type IndexedMatcherSteps, indexedMatcherSteps } from './indexed-match.js';

/**
 * The rule index as an integration takes it (`index: ruleIndex`): the tables and the automaton that find
 * the deciding rule in one pass over a field whatever the number of rules. Without it every rule is tried
 * in turn, with the same answers: as fast for a handful of rules, slower for many.
 */
export interface RuleIndex {
  /** Builds the index of validated rules, in steps (internal, typed loosely: pass `ruleIndex` as it is). */
  readonly build: (...internal: never[]) => unknown;
}

/**
 * The rule index, for `expectedErrorsIntegration({ index: ruleIndex })`: a large rule set of your own
 * (from JSON, or `setRules` with hundreds of rules) is then matched in one pass per field. `recommendedRules()`
 * brings it; an app that passes it nor uses that pack does not bundle it.
 *
 * @example
 * expectedErrorsIntegration({ rules: await loadRules(), index: ruleIndex });
 */
export const ruleIndex: RuleIndex = { build: indexedMatcherSteps };

const INDEX = Symbol.for('sentry-expected-errors.rule-index');

/**
 * `rules`, each carrying the rule index (a non-enumerable symbol: the rules stay plain data), for a pack
 * large enough to need it: an app that uses the pack needs no `index` option.
 */
export function withRuleIndex<Rule extends object>(rules: Rule[]): Rule[] {
  for (const rule of rules) {
    if (Object.isExtensible(rule)) Object.defineProperty(rule, INDEX, { value: indexedMatcherSteps });
  }
  return rules;
}

/** The index builder the first rule carrying one has (`withRuleIndex`), if any. */
export function ruleIndexOf(rules: readonly unknown[]): IndexedMatcherSteps | undefined {
  for (const rule of rules) {
    if (typeof rule !== 'object' || rule === null) continue;
    const steps = (rule as { [INDEX]?: unknown })[INDEX];
    if (typeof steps === 'function') return steps as IndexedMatcherSteps;
  }
  return undefined;
}
