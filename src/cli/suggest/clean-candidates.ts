import { checkRuleSet, type RuleProblem } from '../../rules/check.js';
import type { Rule, RuleExample } from '../../rules/types.js';

/** Problems that an example causes: the example goes, the rule stays. */
const EXAMPLE_PROBLEMS = new Set<RuleProblem['code']>([
  'example-not-matched',
  'example-claimed',
  'no-match-example-matches',
]);
const MAX_ROUNDS = 4;

/**
 * The suggested rules as `check` will see them in the written file: an example `checkRules` objects to
 * (claimed by an earlier suggestion, changed by redaction) is dropped; a rule left without a match
 * example, or shadowed by an earlier one, is dropped too (the earlier rule claims its events).
 */
export function cleanCandidates(rules: readonly Rule[]): Rule[] {
  let current = [...rules];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { problems } = checkRuleSet(current);
    if (problems.length === 0) return current;
    const dropped = new Set(
      problems.filter((problem) => !EXAMPLE_PROBLEMS.has(problem.code)).map((problem) => problem.rule),
    );
    current = current
      .filter((rule) => !dropped.has(rule.id ?? ''))
      .map((rule) =>
        withoutExamples(
          rule,
          problems.filter((problem) => problem.rule === rule.id),
        ),
      )
      .filter((rule) => (rule.examples?.match?.length ?? 0) > 0);
  }
  return current;
}

function withoutExamples(rule: Rule, problems: readonly RuleProblem[]): Rule {
  if (problems.length === 0) return rule;
  const bad = new Set(problems.map((problem) => problem.example));
  const keep = (examples: readonly (string | RuleExample)[] | undefined) =>
    (examples ?? []).filter((example) => !bad.has(typeof example === 'string' ? example : example.text));
  const noMatch = keep(rule.examples?.noMatch);
  return {
    ...rule,
    examples: { match: keep(rule.examples?.match), ...(noMatch.length > 0 ? { noMatch } : {}) },
  };
}
