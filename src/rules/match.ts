import type { AnchorSearch } from './anchor-search.js';
import type { CompiledRules } from './compile.js';
import type { Facts, UpstreamFacts } from './facts.js';
import type { NormalizedRule, NormalizedUpstream } from './validate.js';

/** Finds the rule that decides a set of facts: one scan per field, then only the rules it made candidates. */
export interface Matcher {
  /** The deciding rule: a matching `report` rule, else the first matching rule in order. */
  readonly match: (facts: Facts) => NormalizedRule | undefined;
  /** Every matching rule, in order (for explanations and rule self-tests). */
  readonly matchAll: (facts: Facts) => NormalizedRule[];
}

const STAMP_LIMIT = 0x3fff_ffff;

/**
 * How many UTF-16 code units of each field a `pattern` sees (the first 8 KiB). Patterns are checked
 * for catastrophic backtracking at compile time, but an accepted one can still take time quadratic in
 * the text it is tried on (`\S* failed` tried at every position); the cap bounds that worst case to
 * milliseconds whatever the size of the message. Substring conditions see up to `maxTextLength`.
 */
export const PATTERN_TEXT_LIMIT = 8_192;

/**
 * Creates the hot-path matcher, which finds the rules' anchors with `search`. It keeps its scratch state
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
    // The costliest condition (it reads and categorizes the error) comes last.
    if (rule.upstream && !upstreamHolds(rule.upstream, upstreamOf(facts))) return false;
    return true;
  };

  return {
    match(facts) {
      collect(facts);
      let winner: NormalizedRule | undefined;
      for (const index of candidates) {
        const rule = rules[index] as NormalizedRule;
        // Once a winner is known, only a `report` rule (a guard) can still change the outcome.
        if (winner && rule.action !== 'report') continue;
        if (holds(index, facts)) {
          if (rule.action === 'report') return rule;
          winner = rule;
        }
      }
      return winner;
    },
    matchAll(facts) {
      collect(facts);
      return candidates.filter((index) => holds(index, facts)).map((index) => rules[index] as NormalizedRule);
    },
  };
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

function joinCapped(parts: readonly string[], maxTextLength: number): string {
  const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
  return text.length > maxTextLength ? text.slice(0, maxTextLength) : text;
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
