import type { Facts, UpstreamFacts } from './facts.js';
import type { PatternMatcher } from './pattern.js';
import type { NormalizedRule, NormalizedUpstream } from './validate.js';

/** Finds the rule that decides a set of facts. */
export interface Matcher {
  /** The deciding rule: a matching `report` rule, else the first matching rule in order. */
  readonly match: (facts: Facts) => NormalizedRule | undefined;
  /**
   * `match` where a guard alone means nothing (`claimingRule`): the same rule whenever a rule that is no
   * guard matches, else `undefined`.
   */
  readonly claim: (facts: Facts) => NormalizedRule | undefined;
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
 * How many UTF-16 code units of an event's text a `pattern` sees, all fields together, in order (the first
 * 8 KiB). A pattern costs time linear in what it reads, a bounded amount per character; the window
 * bounds what it reads per event, however many fields or exception values the event has. Substring
 * conditions see up to `maxTextLength` of each field.
 */
export const PATTERN_TEXT_LIMIT = 8_192;

/**
 * The conditions of `rule` besides its substrings, the same whichever matcher found them: status,
 * exception type, tags, pattern (on the first `patternTextLength` code units of the fields together), the
 * packages of the frames (`thrownBy`) and, costliest and so last, the upstream error (`upstreamOf(facts)`
 * reads it, once per match).
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
  if (rule.pattern && !patternHolds(rule.pattern, facts, patternTextLength)) return false;
  // The frames are read (once per event) only for a rule whose text, status and type already hold.
  if (rule.packages.length > 0 && !thrownBy(rule.packages, facts)) return false;
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

/**
 * Whether `pattern` occurs in one of the fields, reading at most `window` code units of them in all; a
 * field without one of the literals the pattern requires is skipped.
 */
function patternHolds(pattern: PatternMatcher, facts: Facts, window: number): boolean {
  const { required } = pattern;
  for (const text of windowTexts(facts.fields, window)) {
    if (required !== undefined && !required.some((literal) => text.includes(literal))) continue;
    if (pattern.test(text)) return true;
  }
  return false;
}

/** The texts the patterns of one event see, joined once for all its pattern rules. */
const windowed = new WeakMap<object, { readonly window: number; readonly texts: readonly string[] }>();

/** The fields' texts, each joined and cut so that they hold at most `window` code units together. */
function windowTexts(fields: Facts['fields'], window: number): readonly string[] {
  const known = windowed.get(fields);
  if (known !== undefined && known.window === window) return known.texts;
  const texts: string[] = [];
  let left = window;
  for (const parts of fields) {
    if (left <= 0) break;
    const text = joinCapped(parts, left);
    texts.push(text);
    left -= text.length;
  }
  windowed.set(fields, { window, texts });
  return texts;
}

/**
 * `decidingRule` for a caller to whom a guard matching alone changes nothing (enforce mode sends the event
 * either way): guards are tried only once a rule that is no guard holds, and then as `decidingRule` tries
 * them, so whenever that rule exists the answer is the same. An event no rule claims costs no guard's
 * conditions (an `upstream` condition reads the whole error).
 */
export function claimingRule(
  candidates: readonly number[],
  rules: readonly NormalizedRule[],
  holds: (index: number, facts: Facts) => boolean,
  facts: Facts,
): NormalizedRule | undefined {
  let winner: NormalizedRule | undefined;
  for (const index of candidates) {
    const rule = rules[index] as NormalizedRule;
    if (rule.action !== 'report' && holds(index, facts)) {
      winner = rule;
      break;
    }
  }
  if (!winner) return undefined;
  for (const index of candidates) {
    const rule = rules[index] as NormalizedRule;
    if (rule.action === 'report' && holds(index, facts)) return rule;
  }
  return winner;
}

/** A field's parts read back to back, cut to `maxTextLength` code units. */
export function joinCapped(parts: readonly string[], maxTextLength: number): string {
  const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
  return text.length > maxTextLength ? text.slice(0, maxTextLength) : text;
}

/** Whether one of `packages` threw: a frame of the facts' stack traces runs in its code. */
function thrownBy(packages: readonly string[], facts: Facts): boolean {
  return facts.packages?.().some((name) => packages.includes(name)) === true;
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
  if (condition.retryable !== undefined && condition.retryable !== upstream.retryable) return false;
  return (
    condition.hosts.length === 0 ||
    (upstream.host !== undefined && hostMatches(condition.hosts, upstream.host))
  );
}

/** Whether `host` (lowercase) is matched by one of `globs` (lowercase): the host itself, or `*.` its parent domains. */
function hostMatches(globs: readonly string[], host: string): boolean {
  return globs.some((glob) =>
    glob.startsWith('*.') ? host.length > glob.length - 1 && host.endsWith(glob.slice(1)) : host === glob,
  );
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
