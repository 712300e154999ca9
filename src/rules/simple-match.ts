import {
  claimingRule,
  decidingRule,
  joinCapped,
  type Matcher,
  otherConditionsHold,
  PATTERN_TEXT_LIMIT,
} from './conditions.js';
import type { Facts, UpstreamFacts } from './facts.js';
import { foldCase, foldText } from './fold.js';
import type { NormalizedRule } from './validate.js';

/**
 * A rule set with at most this many rules and distinct substrings is matched about as fast without an
 * index, so the integration never loads one for it. Measured on 1 KB events (`npm run bench`, section 10):
 * every rule tried in turn costs about 1.0–1.2× the indexed matcher on events no rule claims up to 16 rules
 * and 10 substrings, and about half of it on events a rule claims (it stops at the first match).
 */
export const SIMPLE_MATCH_LIMITS = { rules: 16, anchors: 10 } as const;

/** True for a rule set within `SIMPLE_MATCH_LIMITS`. */
export function fitsSimpleMatch(rules: readonly NormalizedRule[]): boolean {
  return rules.length <= SIMPLE_MATCH_LIMITS.rules && distinctAnchors(rules) <= SIMPLE_MATCH_LIMITS.anchors;
}

/** Distinct substrings across the rules' `all`, `any` and `none` (the same text, case-folded or not, counts apart). */
function distinctAnchors(rules: readonly NormalizedRule[]): number {
  const anchors = new Set<string>();
  for (const rule of rules) {
    for (const text of [...rule.all, ...rule.any, ...rule.none]) anchors.add(`${rule.ignoreCase}${text}`);
  }
  return anchors.size;
}

/**
 * The matcher without an index: every rule tried in order, each of its substrings looked for with one
 * native string search in each field. It builds nothing, so it suits a handful of rules; the integration
 * also decides with it while a larger set's indexed matcher loads. It gives the indexed matcher's answers
 * (the differential test holds both to a plain reference): an `ignoreCase` substring is looked for in the
 * field folded as the engine folds (`foldText`).
 */
export function createSimpleMatcher(rules: readonly NormalizedRule[], maxTextLength: number): Matcher {
  const patternTextLength = Math.min(maxTextLength, PATTERN_TEXT_LIMIT);
  const foldAll = (texts: readonly string[]) => texts.map(foldCase);
  // Each rule's substrings as they are looked for: folded when the rule ignores case.
  const needles = rules.map((rule) =>
    rule.ignoreCase ? { all: foldAll(rule.all), any: foldAll(rule.any), none: foldAll(rule.none) } : rule,
  );
  const everyRule = rules.map((_, index) => index);
  const anchors = distinctAnchors(rules);

  // The facts being matched, read once per match: each field's text, folded on first need.
  const texts: string[] = [];
  const foldedTexts: string[] = [];
  let folded = false;
  let upstreamRead = false;
  let upstream: UpstreamFacts | undefined;
  const upstreamOf = (facts: Facts): UpstreamFacts | undefined => {
    if (!upstreamRead) {
      upstreamRead = true;
      upstream = facts.upstream?.();
    }
    return upstream;
  };
  const read = (facts: Facts): void => {
    texts.length = 0;
    for (const parts of facts.fields) texts.push(joinCapped(parts, maxTextLength));
    folded = false;
    upstreamRead = false;
  };
  const haystacksOf = (rule: NormalizedRule): readonly string[] => {
    if (!rule.ignoreCase) return texts;
    if (!folded) {
      foldedTexts.length = 0;
      for (const text of texts) foldedTexts.push(foldText(text));
      folded = true;
    }
    return foldedTexts;
  };
  const holds = (index: number, facts: Facts): boolean => {
    const rule = rules[index] as NormalizedRule;
    const { all, any, none } = needles[index] as (typeof needles)[number];
    if (all.length > 0 || any.length > 0 || none.length > 0) {
      const haystacks = haystacksOf(rule);
      for (const needle of all) if (!contains(haystacks, needle)) return false;
      if (any.length > 0 && !containsAny(haystacks, any)) return false;
      for (const needle of none) if (contains(haystacks, needle)) return false;
    }
    return otherConditionsHold(rule, facts, patternTextLength, upstreamOf);
  };

  return {
    match(facts) {
      read(facts);
      return decidingRule(everyRule, rules, holds, facts);
    },
    claim(facts) {
      read(facts);
      return claimingRule(everyRule, rules, holds, facts);
    },
    matchAll(facts) {
      read(facts);
      return everyRule.filter((index) => holds(index, facts)).map((index) => rules[index] as NormalizedRule);
    },
    stats: { anchors, states: 0, bytes: 0 },
  };
}

function contains(haystacks: readonly string[], needle: string): boolean {
  for (const text of haystacks) if (text.includes(needle)) return true;
  return false;
}

function containsAny(haystacks: readonly string[], needles: readonly string[]): boolean {
  for (const needle of needles) if (contains(haystacks, needle)) return true;
  return false;
}
