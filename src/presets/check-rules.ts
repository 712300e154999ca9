import { checkRuleSet, type RuleCheckReport } from '../rules/check.js';
import type { Rule } from '../rules/types.js';
import { withBuiltInDocs } from './docs/index.js';

/**
 * Self-tests a rule set before it ships: every `match` example must be decided by its own rule (an
 * example claimed by an earlier, broader rule is the classic shadowing bug), no `noMatch` example may
 * match, and no rule may be dead (shadowed by an earlier rule, self-contradictory or never exercised).
 * A built-in pack's rule is checked by the description and examples the pack keeps apart (an app that
 * only decides events never bundles them), unless the rule brings its own. Throws `RuleConfigError` for a
 * malformed rule.
 *
 * @example
 * const report = checkRules(rules);
 * if (!report.ok) for (const problem of report.problems) console.error(problem.message);
 */
export function checkRules(rules: readonly Rule[]): RuleCheckReport {
  // Anything but an array is refused by `checkRuleSet`, naming `rules`.
  return checkRuleSet(Array.isArray(rules) ? (withBuiltInDocs(rules) as Rule[]) : rules);
}
