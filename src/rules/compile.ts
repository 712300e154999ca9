import type { Anchors } from './anchor-search.js';
import { type FlatLists, flatLists } from './flat-lists.js';
import type { NormalizedRule } from './validate.js';

/**
 * Rules compiled once into lookup tables: every distinct `all` / `any` / `none` substring of every rule
 * becomes an anchor (which an `AnchorSearch` finds in a field), and each rule is reachable from the
 * cheapest fact that can make it match.
 */
export interface CompiledRules extends Anchors {
  readonly rules: readonly NormalizedRule[];
  /** How many anchors are the rules' `all`, `any` and `none` substrings (the others are patterns' literals). */
  readonly substringAnchors: number;
  /** Anchor id → its text as written in the rule. */
  readonly anchorText: readonly string[];
  /** Anchor id → 1 when the anchor must match case-sensitively. */
  readonly anchorCaseSensitive: Uint8Array;
  /** Rule index → anchor ids of its `all`, `any` and `none` lists. */
  readonly ruleAll: FlatLists;
  readonly ruleAny: FlatLists;
  readonly ruleNone: FlatLists;
  /** Anchor id → rules that become candidates when the anchor is seen. */
  readonly anchorTriggers: FlatLists;
  /** Rules without a positive anchor, indexed by their next cheapest condition. */
  readonly byStatus: ReadonlyMap<number, readonly number[]>;
  readonly byExceptionType: ReadonlyMap<string, readonly number[]>;
  readonly byTag: ReadonlyMap<string, readonly number[]>;
  /**
   * Rules that only a `pattern` (one that requires no literal) or an `upstream` condition can decide: tried
   * on every input. A pattern's required literals (`PatternMatcher.required`) are anchors that trigger its
   * rule, and nothing else: the pattern still decides.
   */
  readonly everyInput: readonly number[];
}

/** Rules given anchor ids between two pauses of `indexRulesSteps`. */
const RULES_PER_STEP = 1_024;

/**
 * Builds the lookup tables of validated rules (`normalizeRules`), pausing (yielding) after each bounded
 * piece of work.
 */
export function* indexRulesSteps(rules: readonly NormalizedRule[]): Generator<void, CompiledRules, void> {
  const anchorIds = new Map<string, number>();
  const anchorText: string[] = [];
  const anchorIgnoreCase: boolean[] = [];

  const anchorId = (text: string, ignoreCase: boolean): number => {
    const identity = `${ignoreCase ? 'i' : 's'}${text}`;
    let id = anchorIds.get(identity);
    if (id === undefined) {
      id = anchorText.length;
      anchorIds.set(identity, id);
      anchorText.push(text);
      anchorIgnoreCase.push(ignoreCase);
    }
    return id;
  };

  const toIds = (rule: NormalizedRule, texts: readonly string[]): number[] =>
    texts.map((text) => anchorId(text, rule.ignoreCase));
  const ruleAll: number[][] = [];
  const ruleAny: number[][] = [];
  const ruleNone: number[][] = [];
  // A rule whose only text condition is its pattern: the literals the pattern requires, as triggers only.
  const rulePrefilter: number[][] = [];
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index] as NormalizedRule;
    ruleAll.push(toIds(rule, rule.all));
    ruleAny.push(toIds(rule, rule.any));
    ruleNone.push(toIds(rule, rule.none));
    if (index % RULES_PER_STEP === RULES_PER_STEP - 1) yield;
  }

  const substringAnchors = anchorText.length;
  for (const rule of rules) {
    const required = rule.all.length + rule.any.length === 0 ? rule.pattern?.required : undefined;
    rulePrefilter.push(required ? required.map((text) => anchorId(text, false)) : []);
  }

  const triggerLists: number[][] = anchorText.map(() => []);
  const byStatus = new Map<number, number[]>();
  const byExceptionType = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const everyInput: number[] = [];
  const push = <K>(index: Map<K, number[]>, key: K, rule: number): void => {
    const list = index.get(key);
    if (list) list.push(rule);
    else index.set(key, [rule]);
  };

  rules.forEach((rule, index) => {
    const all = ruleAll[index] as number[];
    const any = ruleAny[index] as number[];
    if (all.length > 0) {
      // Every `all` anchor must be present, so the longest (the rarest, as a rule of thumb) is enough to
      // make the rule a candidate.
      let trigger = all[0] as number;
      for (const id of all)
        if ((anchorText[id] as string).length > (anchorText[trigger] as string).length) trigger = id;
      (triggerLists[trigger] as number[]).push(index);
    } else if (any.length > 0) {
      for (const id of any) (triggerLists[id] as number[]).push(index);
    } else if ((rulePrefilter[index] as number[]).length > 0) {
      for (const id of rulePrefilter[index] as number[]) (triggerLists[id] as number[]).push(index);
    } else if (rule.statuses.length > 0) {
      for (const status of rule.statuses) push(byStatus, status, index);
    } else if (rule.exceptionTypes.length > 0) {
      for (const type of rule.exceptionTypes) push(byExceptionType, type, index);
    } else if (rule.tags.length > 0) {
      push(byTag, (rule.tags[0] as readonly [string, readonly string[]])[0], index);
    } else {
      everyInput.push(index);
    }
  });

  yield;
  return {
    rules,
    substringAnchors,
    anchorText,
    anchorCaseSensitive: Uint8Array.from(anchorIgnoreCase, (ignoreCase) => (ignoreCase ? 0 : 1)),
    ruleAll: flatLists(ruleAll),
    ruleAny: flatLists(ruleAny),
    ruleNone: flatLists(ruleNone),
    anchorTriggers: flatLists(triggerLists),
    byStatus,
    byExceptionType,
    byTag,
    everyInput,
  };
}
