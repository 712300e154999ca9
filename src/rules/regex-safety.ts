import type { PatternSupport } from './pattern.js';
import { ANY, type CharSet, intersect, normalize, parseRegex, type RegexNode } from './regex-parse.js';

type Repeat = Extract<RegexNode, { kind: 'repeat' }>;

/**
 * A repetition with this much freedom in its count (or none: `*`, `+`, `{n,}`) is treated as unbounded:
 * `x{0,100}` backtracks like `x*` on the texts a rule sees.
 */
const LOOP_FREEDOM = 32;

/** The pair analysis is quadratic in the number of repetitions; real patterns have a handful. */
const MAX_LOOPS = 50;

function countLoops(node: RegexNode): number {
  const own = node.kind === 'repeat' && node.max > 0 && isLoop(node) ? 1 : 0;
  return childrenOf(node).reduce((total, child) => total + countLoops(child), own);
}

/** The search for a match at every position of the text, as a repetition of its own. */
const SEARCH_LOOP: Repeat = {
  kind: 'repeat',
  body: { kind: 'chars', set: ANY },
  min: 0,
  max: Number.POSITIVE_INFINITY,
  text: '',
};

/** Whether every match must begin at the start of the text (`^` first, without the `m` flag). */
function anchoredAtStart(node: RegexNode, flags: string): boolean {
  if (flags.includes('m')) return false;
  if (node.kind === 'start') return true;
  if (node.kind === 'sequence') return node.items[0] !== undefined && anchoredAtStart(node.items[0], flags);
  if (node.kind === 'alternation') return node.options.every((option) => anchoredAtStart(option, flags));
  return false;
}

/**
 * The pattern check, for the integration's `patterns` option: rules of your own (or from JSON) with a
 * `pattern` need it; built-in packs whose rules have one bring it. An app that uses no pattern does not
 * bundle it.
 *
 * @example
 * expectedErrorsIntegration({ rules: [{ kind: 'x', action: 'drop', pattern: /^Error: \d{3} / }], patterns: patternSafety });
 */
export const patternSafety: PatternSupport = { check: (pattern) => checkPatternSafety(pattern) };

/**
 * Returns why a pattern can backtrack catastrophically, or `undefined` when its cost stays about linear
 * in the length of the text it searches (which `PATTERN_TEXT_LIMIT` caps as well). Three shapes are
 * refused, found on the pattern's own syntax tree:
 * - a repetition inside a repetition with choice in both (`(a+)+`, `(\d+)*\.`, `(.*a){12}`): exponential;
 * - a repeated alternation whose branches can start with the same character (`(a|aa)+`, `(\w|\d)*`);
 * - two unbounded repetitions that can consume the same text, with nothing between them that must
 *   consume something else (`a*a*b`, `.*a.*b`, `failed.*retry.*timeout`, `\w+_?\w+`): polynomial. The
 *   search itself counts as such a repetition, so an unanchored pattern may not begin with one that
 *   overlaps its own start (`\s+x`, `.*x`: quadratic).
 */
export function checkPatternSafety(pattern: RegExp): string | undefined {
  let tree: RegexNode;
  try {
    tree = parseRegex(pattern.source, pattern.flags);
  } catch (error) {
    return `cannot be analysed for backtracking: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (findNestedRepetition(tree, false)) {
    return `can backtrack catastrophically (nested quantifiers such as \`(a+)+\`): ${String(pattern)}`;
  }
  if (findAmbiguousRepetition(tree)) {
    return `can backtrack catastrophically: a repeated group has alternatives that can start with the same character (${String(pattern)}); make the alternatives mutually exclusive, e.g. \`f(?:oo|ar)\` instead of \`(foo|far)+\``;
  }
  // A search tries the pattern at every position of the text, as if it began with `[^]*?`; unless the
  // pattern is anchored, that implicit loop counts as the first repetition.
  const searched: RegexNode = anchoredAtStart(tree, pattern.flags)
    ? tree
    : { kind: 'sequence', items: [SEARCH_LOOP, tree] };
  if (countLoops(tree) > MAX_LOOPS) {
    return `has more than ${MAX_LOOPS} unbounded repetitions, too many to check for backtracking; split it into several rules or use substrings`;
  }
  const overlap = findOverlappingLoops(searched);
  if (overlap) {
    const [first, second] = overlap;
    if (first === SEARCH_LOOP) {
      return `can backtrack catastrophically: \`${second.text}\` can start at every position of the text and consume the same text from each, so the time grows with the square of the text length (${String(pattern)}); anchor the pattern (\`^…\`) or begin it with text that \`${second.text}\` cannot consume (e.g. \`retry in \\d+\` rather than \`\\S+ in \\d+\`)`;
    }
    return `can backtrack catastrophically: \`${first.text}\` and \`${second.text}\` can consume the same text, so the time grows with a power of the text length (${String(pattern)}); separate them by something the first cannot consume (e.g. \`[^,]*,\`), or use \`all\` substrings instead`;
  }
  return undefined;
}

function isLoop(node: Repeat): boolean {
  return node.max === Number.POSITIVE_INFINITY || node.max - node.min >= LOOP_FREEDOM;
}

function hasChoice(node: Repeat): boolean {
  return node.max > node.min;
}

function childrenOf(node: RegexNode): readonly RegexNode[] {
  if (node.kind === 'sequence') return node.items;
  if (node.kind === 'alternation') return node.options;
  if (node.kind === 'repeat') return [node.body];
  return [];
}

/** Exponential shapes: inside a repetition that can run many times, another one with a choice. */
function findNestedRepetition(node: RegexNode, insideLoop: boolean): boolean {
  if (node.kind === 'repeat' && node.max > 1) {
    if (insideLoop && (hasChoice(node) || isLoop(node))) return true;
    // An outer count with choice over an inner unbounded loop, or an outer loop over any inner choice.
    if (isLoop(node) ? containsRepeat(node.body, hasChoice) : containsRepeat(node.body, isLoop)) return true;
    return findNestedRepetition(node.body, insideLoop || isLoop(node));
  }
  return childrenOf(node).some((child) => findNestedRepetition(child, insideLoop));
}

function containsRepeat(node: RegexNode, test: (repeat: Repeat) => boolean): boolean {
  if (node.kind === 'repeat' && node.max > 0 && test(node)) return true;
  return childrenOf(node).some((child) => containsRepeat(child, test));
}

/** A repetition of an alternation whose options can start alike: `(a|ab)+` tries both at every step. */
function findAmbiguousRepetition(node: RegexNode): boolean {
  if (node.kind === 'repeat' && node.max > 1 && node.body.kind === 'alternation') {
    const starts = node.body.options.map((option) => (nullable(option) ? ANY : firstCharacters(option)));
    for (let first = 0; first < starts.length; first++) {
      for (let second = first + 1; second < starts.length; second++) {
        if (intersect(starts[first] as CharSet, starts[second] as CharSet).length > 0) return true;
      }
    }
  }
  return childrenOf(node).some(findAmbiguousRepetition);
}

/**
 * Polynomial shapes: two unbounded repetitions A and B in sequence (at any depth, not in different
 * alternatives) whose characters overlap in C, where everything between them can match a text made of
 * C alone. Then a text of C can be split between A and B in many ways, at every starting position.
 */
function findOverlappingLoops(tree: RegexNode): readonly [Repeat, Repeat] | undefined {
  const loops: Array<{ node: Repeat; path: RegexNode[]; indexes: number[] }> = [];
  const walk = (node: RegexNode, path: RegexNode[], indexes: number[]): void => {
    if (node.kind === 'repeat' && node.max > 0 && isLoop(node)) loops.push({ node, path, indexes });
    childrenOf(node).forEach((child, index) => {
      walk(child, [...path, node], [...indexes, index]);
    });
  };
  walk(tree, [], []);

  // Pairs of the pattern's own repetitions first, the search loop (always first in `loops`) last.
  const firsts = [...loops.keys()].slice(1).concat(loops.length > 0 ? [0] : []);
  for (const first of firsts) {
    for (let second = first + 1; second < loops.length; second++) {
      const left = loops[first] as (typeof loops)[number];
      const right = loops[second] as (typeof loops)[number];
      let depth = 0;
      while (
        depth < left.indexes.length &&
        depth < right.indexes.length &&
        left.indexes[depth] === right.indexes[depth]
      ) {
        depth++;
      }
      const common = left.path[depth];
      // Nested in one another, or in different alternatives: not a sequence.
      if (common?.kind !== 'sequence' || depth >= left.indexes.length || depth >= right.indexes.length)
        continue;
      // Once the second repetition is reached, a pattern that can end right there has matched: the ways
      // of splitting the text between the two are never all tried.
      if (siblingsAfter(right.path, right.indexes, 0).every(alwaysMatches)) continue;
      const shared = intersect(consumable(left.node.body), consumable(right.node.body));
      if (shared.length === 0) continue;
      const from = left.indexes[depth] as number;
      const to = right.indexes[depth] as number;
      const between = [
        ...siblingsAfter(left.path, left.indexes, depth + 1),
        ...common.items.slice(from + 1, to),
        ...siblingsBefore(right.path, right.indexes, depth + 1),
      ];
      if (between.every((node) => fitsWithin(node, shared))) return [left.node, right.node];
    }
  }
  return undefined;
}

/** What follows a node, up to the ancestor at `depth`, within the sequences on the way up. */
function siblingsAfter(path: readonly RegexNode[], indexes: readonly number[], depth: number): RegexNode[] {
  const result: RegexNode[] = [];
  for (let level = path.length - 1; level >= depth; level--) {
    const ancestor = path[level] as RegexNode;
    if (ancestor.kind === 'sequence') result.push(...ancestor.items.slice((indexes[level] as number) + 1));
  }
  return result;
}

/** What precedes a node, from the ancestor at `depth` down, within the sequences on the way. */
function siblingsBefore(path: readonly RegexNode[], indexes: readonly number[], depth: number): RegexNode[] {
  const result: RegexNode[] = [];
  for (let level = depth; level < path.length; level++) {
    const ancestor = path[level] as RegexNode;
    if (ancestor.kind === 'sequence') result.push(...ancestor.items.slice(0, indexes[level] as number));
  }
  return result;
}

/** Whether a node matches the empty text wherever it is tried (no assertion, nothing it must consume). */
function alwaysMatches(node: RegexNode): boolean {
  switch (node.kind) {
    case 'sequence':
      return node.items.every(alwaysMatches);
    case 'alternation':
      return node.options.some(alwaysMatches);
    case 'repeat':
      return node.max > 0 && (node.min === 0 || alwaysMatches(node.body));
    default:
      return false;
  }
}

/** Every character a node can consume. */
function consumable(node: RegexNode): CharSet {
  if (node.kind === 'chars') return node.set;
  if (node.kind === 'reference') return ANY;
  if (node.kind === 'repeat' && node.max === 0) return [];
  return childrenOf(node).reduce<CharSet>((union, child) => unite(union, consumable(child)), []);
}

/** Whether a node can match some text (possibly empty) made only of characters in `allowed`. */
function fitsWithin(node: RegexNode, allowed: CharSet): boolean {
  switch (node.kind) {
    case 'chars':
      return intersect(node.set, allowed).length > 0;
    case 'sequence':
      return node.items.every((item) => fitsWithin(item, allowed));
    case 'alternation':
      return node.options.some((option) => fitsWithin(option, allowed));
    case 'repeat':
      return node.min === 0 || fitsWithin(node.body, allowed);
    default:
      return true;
  }
}

function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'chars':
      return false;
    case 'sequence':
      return node.items.every(nullable);
    case 'alternation':
      return node.options.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

/** Characters a match of the node can start with (looking past parts that can match nothing). */
function firstCharacters(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'chars':
      return node.set;
    case 'reference':
      return ANY;
    case 'alternation':
      return node.options.reduce<CharSet>((union, option) => unite(union, firstCharacters(option)), []);
    case 'repeat':
      return node.max === 0 ? [] : firstCharacters(node.body);
    case 'sequence': {
      let union: CharSet = [];
      for (const item of node.items) {
        union = unite(union, firstCharacters(item));
        if (!nullable(item)) break;
      }
      return union;
    }
    default:
      return [];
  }
}

function unite(left: CharSet, right: CharSet): CharSet {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  return normalize([...left, ...right]);
}
