import type { Facts, UpstreamFacts } from './facts.js';
import type { NormalizedRule, NormalizedUpstream } from './validate.js';

/** Finds the rule that decides a set of facts. */
export interface Matcher {
  /** The deciding rule: a matching `report` rule, else the first matching rule in order. */
  readonly match: (facts: Facts) => NormalizedRule | undefined;
  /** Every matching rule, in order (for explanations and rule self-tests). */
  readonly matchAll: (facts: Facts) => NormalizedRule[];
  readonly stats: MatcherStats;
}

/** What a matcher holds. */
export interface MatcherStats {
  /** Distinct substrings across all rules' `all`, `any` and `none`. */
  readonly anchors: number;
  /** States of the multi-pattern automaton (0 without one). */
  readonly states: number;
  /** Bytes held by the automaton's tables (0 without one). */
  readonly bytes: number;
}

/**
 * How many UTF-16 code units of each field a `pattern` sees (the first 8 KiB). Patterns are checked
 * for catastrophic backtracking at compile time, but an accepted one can still take time quadratic in
 * the text it is tried on (`\S* failed` tried at every position); the cap bounds that worst case to
 * milliseconds whatever the size of the message. Substring conditions see up to `maxTextLength`.
 */
export const PATTERN_TEXT_LIMIT = 8_192;

/**
 * The conditions of `rule` besides its substrings, the same whichever matcher found them: status,
 * exception type, tags, pattern (on the first `patternTextLength` code units of each field) and, costliest
 * and so last, the upstream error (`upstreamOf(facts)` reads it, once per match).
 */
export function otherConditionsHold(
  rule: NormalizedRule,
  facts: Facts,
  patternTextLength: number,
  upstreamOf: (facts: Facts) => UpstreamFacts | undefined,
): boolean {
  if (rule.statuses.length > 0 && !facts.statuses.some((status) => rule.statuses.includes(status)))
    return false;
  if (
    rule.exceptionTypes.length > 0 &&
    !facts.exceptionTypes.some((type) => rule.exceptionTypes.includes(type))
  ) {
    return false;
  }
  for (const [name, values] of rule.tags) {
    const value = facts.tags && Object.hasOwn(facts.tags, name) ? facts.tags[name] : undefined;
    if (!isPrimitive(value) || !values.includes(String(value))) return false;
  }
  if (
    rule.pattern &&
    !facts.fields.some((parts) => rule.pattern?.test(joinCapped(parts, patternTextLength)))
  ) {
    return false;
  }
  return rule.upstream === undefined || upstreamHolds(rule.upstream, upstreamOf(facts));
}

/**
 * The deciding rule among `candidates` (rule indexes, in order) that `holds`: the first matching `report`
 * rule (a guard), else the first matching rule. Once a winner is known only guards are tried.
 */
export function decidingRule(
  candidates: readonly number[],
  rules: readonly NormalizedRule[],
  holds: (index: number, facts: Facts) => boolean,
  facts: Facts,
): NormalizedRule | undefined {
  let winner: NormalizedRule | undefined;
  for (const index of candidates) {
    const rule = rules[index] as NormalizedRule;
    if (winner && rule.action !== 'report') continue;
    if (holds(index, facts)) {
      if (rule.action === 'report') return rule;
      winner = rule;
    }
  }
  return winner;
}

/** A field's parts read back to back, cut to `maxTextLength` code units. */
export function joinCapped(parts: readonly string[], maxTextLength: number): string {
  const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
  return text.length > maxTextLength ? text.slice(0, maxTextLength) : text;
}

function upstreamHolds(condition: NormalizedUpstream, upstream: UpstreamFacts | undefined): boolean {
  if (upstream === undefined) return false;
  if (condition.types.length > 0 && !condition.types.includes(upstream.type)) return false;
  if (
    condition.reasons.length > 0 &&
    (upstream.reason === undefined || !condition.reasons.includes(upstream.reason))
  ) {
    return false;
  }
  return condition.retryable === undefined || condition.retryable === upstream.retryable;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
