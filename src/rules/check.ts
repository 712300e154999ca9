import { describe, RuleConfigError } from './errors.js';
import { exampleFacts } from './facts.js';
import { foldCase } from './fold.js';
import { indexedMatcher } from './indexed-match.js';
import { withLifecycle } from './lifecycle.js';
import { compileLinearPattern } from './linear-pattern.js';
import type { Rule, RuleExample } from './types.js';
import { type NormalizedRule, normalizeRules } from './validate.js';

/** Kinds of problem `checkRules` finds. */
export type RuleProblemCode =
  /** A `match` example is not matched by its own rule. */
  | 'example-not-matched'
  /** A `match` example matches its rule, but another rule decides it (an earlier broader rule, or a guard). */
  | 'example-claimed'
  /** A `noMatch` example matches the rule it guards against. */
  | 'no-match-example-matches'
  /** An earlier rule matches everything this rule matches, so this rule can never decide an event. */
  | 'shadowed-rule'
  /** The rule's own conditions contradict each other (a `none` substring inside an `all` one). */
  | 'unsatisfiable'
  /** No `match` example exercises the rule. */
  | 'no-examples'
  /** The rule's `expires` has passed: it decides nothing any more. */
  | 'expired';

/** One problem found by `checkRules`. */
export interface RuleProblem {
  readonly code: RuleProblemCode;
  /** Id of the rule the problem is about. */
  readonly rule: string;
  readonly ruleIndex: number;
  /** The example concerned, as its text. */
  readonly example?: string;
  /** Id of the rule that claims the example or shadows the rule. */
  readonly by?: string;
  /** One readable sentence. */
  readonly message: string;
}

/** Result of `checkRules`. */
export interface RuleCheckReport {
  /** True when there is no problem. */
  readonly ok: boolean;
  readonly rules: number;
  /** Examples checked (`match` and `noMatch`). */
  readonly examples: number;
  readonly problems: readonly RuleProblem[];
}

/**
 * `checkRules` of the rules as given: the package root's `checkRules` first gives the rules of built-in
 * packs their descriptions and examples (`presets/docs/`). Throws `RuleConfigError` for a malformed rule.
 */
export function checkRuleSet(rules: readonly Rule[]): RuleCheckReport {
  if (!Array.isArray(rules)) {
    throw RuleConfigError.forOption(
      'checkRules',
      'rules',
      `must be an array of rules (got ${describe(rules)})`,
    );
  }
  const normalized = normalizeRules(rules, compileLinearPattern);
  // Shadow rules decide only where nothing else matches; expired ones are reported, and their examples
  // still checked as written.
  const matcher = withLifecycle(
    indexedMatcher(normalized, Number.POSITIVE_INFINITY),
    normalized,
    () => Number.NEGATIVE_INFINITY,
    () => undefined,
  );
  const now = Date.now();
  const problems: RuleProblem[] = [];
  let examples = 0;
  const problem = (
    rule: NormalizedRule,
    code: RuleProblemCode,
    message: string,
    extra: Partial<RuleProblem> = {},
  ) =>
    problems.push({
      code,
      rule: rule.id,
      ruleIndex: rule.index,
      ...extra,
      message: `rule #${rule.index} ("${rule.id}"): ${message}`,
    });

  for (const rule of normalized) {
    if (rule.expiresAt !== undefined && now >= rule.expiresAt) {
      problem(
        rule,
        'expired',
        `expired on ${new Date(rule.expiresAt).toISOString()}: it decides nothing; remove it, or move its \`expires\``,
      );
    }
    const shadow = normalized.find(
      (earlier) => earlier.index < rule.index && !earlier.shadow && subsumes(earlier, rule),
    );
    if (shadow && rule.action !== 'report') {
      problem(
        rule,
        'shadowed-rule',
        `can never decide an event: earlier rule #${shadow.index} ("${shadow.id}") matches everything it matches`,
        { by: shadow.id },
      );
    }
    const contradiction = contradictionIn(rule);
    if (contradiction) problem(rule, 'unsatisfiable', contradiction);
    if (rule.examples.match.length === 0)
      problem(
        rule,
        'no-examples',
        'has no `examples.match`: nothing shows it still matches what it was written for',
      );

    for (const example of rule.examples.match) {
      examples++;
      const facts = exampleFacts(example);
      const decider = matcher.match(facts);
      if (decider?.index === rule.index) continue;
      const matchesItself = matcher.matchAll(facts).some((candidate) => candidate.index === rule.index);
      if (!matchesItself) {
        problem(rule, 'example-not-matched', `does not match its own example ${quote(example)}`, {
          example: example.text,
        });
      } else if (decider) {
        const how = decider.action === 'report' ? 'guard' : 'earlier rule';
        problem(
          rule,
          'example-claimed',
          `its example ${quote(example)} is decided by ${how} #${decider.index} ("${decider.id}") instead`,
          { example: example.text, by: decider.id },
        );
      }
    }
    for (const example of rule.examples.noMatch) {
      examples++;
      if (matcher.matchAll(exampleFacts(example)).some((candidate) => candidate.index === rule.index)) {
        problem(
          rule,
          'no-match-example-matches',
          `matches ${quote(example)}, listed in its \`noMatch\` examples`,
          { example: example.text },
        );
      }
    }
  }
  return { ok: problems.length === 0, rules: normalized.length, examples, problems };
}

/**
 * Whether `broad` matches every input `narrow` matches (a conservative, structural answer: `true` only
 * when it is certain). Substrings: each of `broad`'s `all` appears inside one of `narrow`'s.
 */
function subsumes(broad: NormalizedRule, narrow: NormalizedRule): boolean {
  if (broad.action === 'report' || broad.pattern || broad.none.length > 0) return false;
  if (broad.ignoreCase === false && narrow.ignoreCase === true && broad.all.length + broad.any.length > 0)
    return false;
  const contains = (outer: string, inner: string): boolean =>
    broad.ignoreCase ? foldCase(outer).includes(foldCase(inner)) : outer.includes(inner);
  if (!broad.all.every((anchor) => narrow.all.some((text) => contains(text, anchor)))) return false;
  if (broad.any.length > 0) {
    const viaAll = narrow.all.some((text) => broad.any.some((anchor) => contains(text, anchor)));
    const viaAny =
      narrow.any.length > 0 && narrow.any.every((text) => broad.any.some((anchor) => contains(text, anchor)));
    if (!viaAll && !viaAny) return false;
  }
  const subset = <T>(required: readonly T[], offered: readonly T[]): boolean =>
    required.length === 0 || (offered.length > 0 && offered.every((item) => required.includes(item)));
  if (
    !subset(broad.statuses, narrow.statuses) ||
    !subset(broad.exceptionTypes, narrow.exceptionTypes) ||
    !subset(broad.packages, narrow.packages)
  )
    return false;
  const tagsCovered = broad.tags.every(([name, values]) => {
    const offered = narrow.tags.find(([other]) => other === name);
    return offered !== undefined && subset(values, offered[1]);
  });
  if (!tagsCovered || broad.upstream === undefined) return tagsCovered;
  const { upstream } = narrow;
  return (
    upstream !== undefined &&
    subset(broad.upstream.types, upstream.types) &&
    subset(broad.upstream.reasons, upstream.reasons) &&
    (broad.upstream.retryable === undefined || broad.upstream.retryable === upstream.retryable) &&
    subset(broad.upstream.hosts, upstream.hosts)
  );
}

function contradictionIn(rule: NormalizedRule): string | undefined {
  const normalize = (text: string): string => (rule.ignoreCase ? foldCase(text) : text);
  for (const excluded of rule.none) {
    const inAll = rule.all.find((anchor) => normalize(anchor).includes(normalize(excluded)));
    if (inAll !== undefined)
      return `\`none\` substring ${JSON.stringify(excluded)} is inside \`all\` substring ${JSON.stringify(inAll)}, so the rule can never match`;
  }
  if (
    rule.any.length > 0 &&
    rule.any.every((anchor) => rule.none.some((excluded) => normalize(anchor).includes(normalize(excluded))))
  ) {
    return 'every `any` substring contains a `none` substring, so the rule can never match';
  }
  return undefined;
}

function quote(example: RuleExample): string {
  const text = example.text.length > 120 ? `${example.text.slice(0, 117)}...` : example.text;
  return JSON.stringify(text);
}
