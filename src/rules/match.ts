import type { AnchorSearch } from './anchor-search.js';
import type { CompiledRules } from './compile.js';
import {
  claimingRule,
  decidingRule,
  type Matcher,
  otherConditionsHold,
  PATTERN_TEXT_LIMIT,
} from './conditions.js';
import type { Facts, UpstreamFacts } from './facts.js';
import type { NormalizedRule } from './validate.js';

const STAMP_LIMIT = 0x3fff_ffff;

/**
 * Creates the indexed matcher: one scan per field finds the rules' anchors with `search`, then only the
 * rules an anchor (or a status, exception type or tag) made candidates are tried. It keeps its scratch state
 * (which anchors and rules were seen, stamped per call so nothing is cleared) between calls, so a matcher
 * must not be shared across threads — it never is in JavaScript — and it allocates almost nothing per
 * event.
 */
export function createMatcher(compiled: CompiledRules, search: AnchorSearch, maxTextLength: number): Matcher {
  const { rules, anchorText, anchorTriggers } = compiled;
  const patternTextLength = Math.min(maxTextLength, PATTERN_TEXT_LIMIT);
  const anchorSeen = new Int32Array(anchorText.length);
  const ruleSeen = new Int32Array(rules.length);
  const hitAnchors: number[] = [];
  const candidates: number[] = [];
  let stamp = 0;
  // The facts' upstream thunk is called at most once per match, and only when a rule needs it.
  let upstreamStamp = 0;
  let upstreamFacts: UpstreamFacts | undefined;
  const upstreamOf = (facts: Facts): UpstreamFacts | undefined => {
    if (upstreamStamp !== stamp) {
      upstreamStamp = stamp;
      upstreamFacts = facts.upstream?.();
    }
    return upstreamFacts;
  };

  const markAnchor = (anchor: number): void => {
    if (anchorSeen[anchor] === stamp) return;
    anchorSeen[anchor] = stamp;
    hitAnchors.push(anchor);
  };

  const addCandidate = (rule: number): void => {
    if (ruleSeen[rule] === stamp) return;
    ruleSeen[rule] = stamp;
    candidates.push(rule);
  };
  const addCandidates = (list: ArrayLike<number> | undefined): void => {
    if (list)
      for (let position = 0; position < list.length; position++) addCandidate(list[position] as number);
  };

  const collect = (facts: Facts): void => {
    stamp++;
    if (stamp >= STAMP_LIMIT) {
      anchorSeen.fill(0);
      ruleSeen.fill(0);
      stamp = 1;
      upstreamStamp = 0;
    }
    hitAnchors.length = 0;
    candidates.length = 0;
    for (const parts of facts.fields) search.scanField(parts, maxTextLength, markAnchor);
    for (const anchor of hitAnchors) {
      const last = anchorTriggers.start[anchor + 1] as number;
      for (let position = anchorTriggers.start[anchor] as number; position < last; position++) {
        addCandidate(anchorTriggers.items[position] as number);
      }
    }
    for (const status of facts.statuses) addCandidates(compiled.byStatus.get(status));
    for (const type of facts.exceptionTypes) addCandidates(compiled.byExceptionType.get(type));
    if (facts.tags && compiled.byTag.size > 0) {
      for (const [name, list] of compiled.byTag) if (Object.hasOwn(facts.tags, name)) addCandidates(list);
    }
    addCandidates(compiled.everyInput);
    if (candidates.length > 1) candidates.sort((left, right) => left - right);
  };

  const holds = (index: number, facts: Facts): boolean => {
    const rule = rules[index] as NormalizedRule;
    const { ruleAll, ruleAny, ruleNone } = compiled;
    for (
      let position = ruleAll.start[index] as number;
      position < (ruleAll.start[index + 1] as number);
      position++
    ) {
      if (anchorSeen[ruleAll.items[position] as number] !== stamp) return false;
    }
    const anyStart = ruleAny.start[index] as number;
    const anyEnd = ruleAny.start[index + 1] as number;
    if (anyEnd > anyStart) {
      let found = false;
      for (let position = anyStart; position < anyEnd && !found; position++) {
        found = anchorSeen[ruleAny.items[position] as number] === stamp;
      }
      if (!found) return false;
    }
    for (
      let position = ruleNone.start[index] as number;
      position < (ruleNone.start[index + 1] as number);
      position++
    ) {
      if (anchorSeen[ruleNone.items[position] as number] === stamp) return false;
    }
    return otherConditionsHold(rule, facts, patternTextLength, upstreamOf);
  };

  return {
    match(facts) {
      collect(facts);
      return decidingRule(candidates, rules, holds, facts);
    },
    claim(facts) {
      collect(facts);
      return claimingRule(candidates, rules, holds, facts);
    },
    matchAll(facts) {
      collect(facts);
      return candidates.filter((index) => holds(index, facts)).map((index) => rules[index] as NormalizedRule);
    },
    stats: { anchors: compiled.substringAnchors, states: search.states, bytes: search.bytes },
  };
}
