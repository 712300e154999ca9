import type { PatternMatcher, PatternSupport } from './pattern.js';
import { type Assertion, PatternRefusal, parseRegexSyntax, type RegexTree } from './regex-syntax.js';
import { requiredLiterals } from './required-literals.js';

/**
 * Patterns matched in time linear in the text, by how they are matched rather than by a list of shapes
 * known to be slow: the pattern becomes a Thompson automaton (as RE2 compiles one) and the text is read
 * once, left to right, with the set of automaton states that can be active at each character; sets
 * already seen are cached as a deterministic automaton built while reading (RE2's "lazy DFA"). A
 * character costs one table lookup once its set is cached, and at most one pass over the automaton's
 * states otherwise, whatever the text — so the cost of a pattern is bounded by its number of states,
 * which is capped. No backtracking takes place: `^(a|aa)+$` or `(\w+\s?)+$` cost the same per character as
 * `abc`.
 *
 * Meaning stays JavaScript's: each single-character piece of the pattern (`[a-z]`, `\p{L}`, `.`, `k` with
 * the `i` flag) is asked of the JavaScript engine on one character, with the pattern's own flags; only
 * the structure around them (sequences, alternatives, repetitions, `^ $ \b \B`) is the automaton's.
 *
 * Refused, with the reason: backreferences; lookaround, except where a test is the same without it — a
 * positive lookbehind that opens the pattern (`(?<=status:\s*)5\d\d` tests as `status:\s*5\d\d`), a positive
 * lookahead that closes it, and lookaheads right after an opening `^` (`^(?=.*a)(?=.*b)`: each is tested
 * from the start on its own); counts that would need more than `MAX_STATES` states.
 */

/**
 * Automaton states per pattern. A character costs at most one visit of each state when its state set is
 * not cached; the costliest pattern of 160 states measured 9.9 ms on its worst 8,192 characters (the
 * bench's section 8), so 128 keep a pattern's worst input near 8 ms, with room for a slower machine.
 */
const MAX_STATES = 128;
/** Cached state sets per pattern; past it the cache starts over (the cost stays linear). */
const MAX_CACHED_SETS = 512;

const CHAR = 0;
const SPLIT = 1;
const ASSERT = 2;
const MATCH = 3;

const AT_EDGE = 1;
const WORD = 2;
const LINE = 4;

/** A compiled pattern: whether it occurs in a text, in time linear in the text. */
export interface LinearPattern extends PatternMatcher {
  /** Automaton states (summed over the parts of a lookahead conjunction). */
  readonly states: number;
  /** Automaton steps taken so far, over every text tested: at most `states + 1` per character. */
  readonly steps: number;
}

/**
 * Pattern support for the integration's `patterns` option: rules of your own (or from JSON) with a
 * `pattern` need it; built-in packs whose rules have one bring it. An app that uses no pattern does not
 * bundle it.
 *
 * @example
 * expectedErrorsIntegration({ rules: [{ kind: 'x', action: 'drop', pattern: /^Error: \d{3} / }], patterns: patternSafety });
 */
export const patternSafety: PatternSupport = { compile: (pattern) => compileLinearPattern(pattern) };

/**
 * Compiles `pattern` into a matcher linear in the text it tests, or returns why it cannot be (the `g` and
 * `y` flags are ignored: a rule tests whether the pattern occurs anywhere).
 */
export function compileLinearPattern(pattern: RegExp): LinearPattern | string {
  const flags = pattern.flags.replace(/[gyd]/g, '');
  try {
    const trees = conjunction(parseRegexSyntax(pattern.source, flags), flags);
    const matcher = conjoined(trees.map((tree) => automaton(tree, flags)));
    const required = requiredLiterals(trees, flags);
    return required === undefined ? matcher : withRequired(matcher, required);
  } catch (error) {
    if (error instanceof PatternRefusal) return `${error.message}: ${String(pattern)}`;
    throw error;
  }
}

/** `matcher` with its required literals (its `steps` stays live: it is a getter on a conjunction). */
function withRequired(matcher: LinearPattern, required: readonly string[]): LinearPattern {
  return {
    test: matcher.test,
    required,
    states: matcher.states,
    get steps() {
      return matcher.steps;
    },
  };
}

function conjoined(parts: readonly LinearPattern[]): LinearPattern {
  if (parts.length === 1) return parts[0] as LinearPattern;
  return {
    test: (text) => parts.every((part) => part.test(text)),
    states: parts.reduce((total, part) => total + part.states, 0),
    get steps() {
      return parts.reduce((total, part) => total + part.steps, 0);
    },
  };
}

const LOOKAROUND =
  "has a lookaround that no automaton matches in linear time; a rule only tests whether the pattern occurs, so a positive lookbehind at the start or lookahead at the end can be written as plain text (`(?<=status:\\s*)5\\d\\d` tests as `status:\\s*5\\d\\d`), and what must not appear belongs in the rule's `none`";

/**
 * The trees whose matches, all together, are the pattern's: lookaround rewritten where the test is the
 * same without it, refused elsewhere.
 */
function conjunction(tree: RegexTree, flags: string): RegexTree[] {
  const items = tree.kind === 'sequence' ? [...tree.items] : [tree];
  // `^(?=A)(?=B)C` without `m`: A, B and C each match from the start of the text.
  const first = items[0];
  if (first?.kind === 'assert' && first.what === '^' && !flags.includes('m')) {
    const parts: RegexTree[] = [];
    while (isLook(items[1], false)) {
      const { body } = items.splice(1, 1)[0] as { body: RegexTree };
      parts.push({ kind: 'sequence', items: [first, body] });
    }
    if (parts.length > 0) {
      parts.push({ kind: 'sequence', items });
      return parts.map((part) => withoutLookaround(part));
    }
  }
  if (isLook(items[0], true)) items[0] = (items[0] as { body: RegexTree }).body;
  const last = items.length - 1;
  if (last >= 0 && isLook(items[last], false)) items[last] = (items[last] as { body: RegexTree }).body;
  return [withoutLookaround({ kind: 'sequence', items })];
}

function isLook(tree: RegexTree | undefined, behind: boolean): boolean {
  return tree?.kind === 'look' && tree.behind === behind && !tree.negative;
}

function withoutLookaround(tree: RegexTree): RegexTree {
  const has = (node: RegexTree): boolean =>
    node.kind === 'look' ||
    (node.kind === 'sequence' && node.items.some(has)) ||
    (node.kind === 'alternation' && node.options.some(has)) ||
    (node.kind === 'repeat' && has(node.body));
  if (has(tree)) throw new PatternRefusal(LOOKAROUND);
  return tree;
}

/** The automaton: parallel arrays of states, and the single-character pieces its CHAR states test. */
interface Program {
  readonly kind: number[];
  /** CHAR: the piece; ASSERT: the assertion. */
  readonly arg: number[];
  readonly out: number[];
  /** SPLIT's second way (-1: none). */
  readonly out2: number[];
  readonly pieces: Piece[];
  readonly pieceIndex: Map<string, number>;
  readonly assertions: Assertion[];
}

/** A single-character piece: a table for ASCII, the JavaScript engine for the rest. */
interface Piece {
  readonly ascii: Uint8Array;
  readonly native: RegExp;
}

function automaton(tree: RegexTree, flags: string): LinearPattern {
  const program: Program = {
    kind: [],
    arg: [],
    out: [],
    out2: [],
    pieces: [],
    pieceIndex: new Map(),
    assertions: [],
  };
  const match = add(program, MATCH, 0, -1, -1);
  const start = compile(tree, match, program, flags);
  return run(program, start, flags, anchoredAtStart(tree, flags));
}

function add(program: Program, kind: number, arg: number, out: number, out2: number): number {
  if (program.kind.length >= MAX_STATES) {
    throw new PatternRefusal(
      `needs more than ${MAX_STATES} automaton states: narrow its counted repetitions (such as {1,255}) or split it into several rules`,
    );
  }
  program.kind.push(kind);
  program.arg.push(arg);
  program.out.push(out);
  program.out2.push(out2);
  return program.kind.length - 1;
}

/** Compiles `tree` so that it continues to `next`; returns its first state. */
function compile(tree: RegexTree, next: number, program: Program, flags: string): number {
  switch (tree.kind) {
    case 'char':
      return add(program, CHAR, piece(tree.source, program, flags), next, -1);
    case 'assert': {
      let index = program.assertions.indexOf(tree.what);
      if (index < 0) index = program.assertions.push(tree.what) - 1;
      return add(program, ASSERT, index, next, -1);
    }
    case 'sequence':
      return tree.items.reduceRight((after, item) => compile(item, after, program, flags), next);
    case 'alternation': {
      const starts = tree.options.map((option) => compile(option, next, program, flags));
      return starts.reduceRight((rest, first) => add(program, SPLIT, 0, first, rest));
    }
    case 'repeat':
      return repeat(tree, next, program, flags);
    case 'look':
      throw new PatternRefusal(LOOKAROUND);
  }
}

/** `x{min,max}`: `min` copies of x, then `max - min` optional ones nested, or a loop when unbounded. */
function repeat(
  tree: Extract<RegexTree, { kind: 'repeat' }>,
  next: number,
  program: Program,
  flags: string,
): number {
  let tail = next;
  if (tree.max === Infinity) {
    const loop = add(program, SPLIT, 0, -1, next);
    program.out[loop] = compile(tree.body, loop, program, flags);
    tail = loop;
  } else {
    for (let copy = tree.min; copy < tree.max; copy++) {
      tail = add(program, SPLIT, 0, compile(tree.body, tail, program, flags), next);
    }
  }
  for (let copy = 0; copy < tree.min; copy++) tail = compile(tree.body, tail, program, flags);
  return tail;
}

/** Every ASCII character, in order: a piece's table is read off it without building a string per character. */
const ASCII = String.fromCharCode(...Array.from({ length: 128 }, (_, code) => code));
/** Pieces are few and shared across rules (`\d`, `\s`, `[a-z]`): each is asked of the engine once. */
const knownPieces = new Map<string, Piece>();
const MAX_KNOWN_PIECES = 1_024;

function piece(source: string, program: Program, flags: string): number {
  const known = program.pieceIndex.get(source);
  if (known !== undefined) return known;
  const pieceFlags = flags.replace(/[^isuv]/g, '');
  const key = `${pieceFlags}/${source}`;
  let found = knownPieces.get(key);
  if (found === undefined) {
    const native = new RegExp(source, `${pieceFlags}y`);
    const ascii = new Uint8Array(128);
    for (let code = 0; code < 128; code++) {
      native.lastIndex = code;
      if (native.test(ASCII)) {
        if (native.lastIndex !== code + 1) {
          throw new PatternRefusal(`cannot be read: \`${source}\` is not one character`);
        }
        ascii[code] = 1;
      }
    }
    found = { ascii, native };
    if (knownPieces.size >= MAX_KNOWN_PIECES) knownPieces.clear();
    knownPieces.set(key, found);
  }
  program.pieces.push(found);
  program.pieceIndex.set(source, program.pieces.length - 1);
  return program.pieces.length - 1;
}

function anchoredAtStart(tree: RegexTree, flags: string): boolean {
  if (flags.includes('m')) return false;
  if (tree.kind === 'assert') return tree.what === '^';
  if (tree.kind === 'sequence') return tree.items[0] !== undefined && anchoredAtStart(tree.items[0], flags);
  if (tree.kind === 'alternation') return tree.options.every((option) => anchoredAtStart(option, flags));
  return false;
}

/** A set of states waiting for the next character, with what the previous character was. */
interface StateSet {
  /** The cache generation it belongs to: transitions are recorded only within one, so old ones can go. */
  readonly epoch: number;
  readonly waiting: Int32Array;
  readonly previous: number;
  readonly ascii: Array<StateSet | undefined>;
  other: Map<number, StateSet> | undefined;
  atEnd: boolean | undefined;
}

function run(program: Program, start: number, flags: string, anchored: boolean): LinearPattern {
  const { pieces, assertions } = program;
  const kind = Int32Array.from(program.kind);
  const arg = Int32Array.from(program.arg);
  const out = Int32Array.from(program.out);
  const out2 = Int32Array.from(program.out2);
  const unicode = flags.includes('u') || flags.includes('v');
  const multiline = flags.includes('m');
  const needsWords = assertions.includes('b') || assertions.includes('B');
  const word = new RegExp('\\w', `${flags.replace(/[^iuv]/g, '')}y`);
  const size = kind.length;
  // The ASCII table of each CHAR state's piece, flat: `ascii[state * 128 + code]`.
  const asciiTable = new Uint8Array(size * 128);
  for (let state = 0; state < size; state++) {
    if (kind[state] === CHAR) asciiTable.set((pieces[arg[state] as number] as Piece).ascii, state * 128);
  }
  const seen = new Uint32Array(size);
  const stack = new Int32Array(2 * size + 1);
  const reached = new Int32Array(size);
  let generation = 0;
  let steps = 0;

  const MATCHED = stateSet(-1, new Int32Array(0), 0);
  const DEAD = stateSet(-1, new Int32Array(0), 0);
  let sets = new Map<string, StateSet>();
  let epoch = 0;
  let created = 0;
  let first: StateSet | undefined;

  const intern = (waiting: Int32Array, previous: number): StateSet => {
    waiting.sort();
    const key = `${previous}:${waiting.join(',')}`;
    let set = sets.get(key);
    if (set === undefined) {
      if (sets.size >= MAX_CACHED_SETS) {
        sets = new Map();
        epoch++;
        first = undefined;
      }
      set = stateSet(epoch, waiting, previous);
      sets.set(key, set);
      created++;
    }
    return set;
  };

  const holds = (assertion: Assertion, previous: number, next: number): boolean => {
    switch (assertion) {
      case '^':
        return (previous & AT_EDGE) !== 0 || (multiline && (previous & LINE) !== 0);
      case '$':
        return (next & AT_EDGE) !== 0 || (multiline && (next & LINE) !== 0);
      case 'b':
        return ((previous & WORD) !== 0) !== ((next & WORD) !== 0);
      case 'B':
        return ((previous & WORD) !== 0) === ((next & WORD) !== 0);
    }
  };

  /**
   * Fills `reached` with the CHAR states reachable without reading from `count` states of `waiting` (and
   * the start, where a match may begin), before a character of kind `next`; returns how many, or -1 when a
   * match ends here.
   */
  const closure = (waiting: Int32Array, count: number, previous: number, next: number): number => {
    generation++;
    if (generation === 0xffff_ffff) {
      seen.fill(0);
      generation = 1;
    }
    let top = 0;
    for (let index = 0; index < count; index++) stack[top++] = waiting[index] as number;
    if (!anchored || (previous & AT_EDGE) !== 0) stack[top++] = start;
    let found = 0;
    while (top > 0) {
      const state = stack[--top] as number;
      if (seen[state] === generation) continue;
      seen[state] = generation;
      steps++;
      const what = kind[state];
      if (what === CHAR) reached[found++] = state;
      else if (what === SPLIT) {
        if ((out2[state] as number) >= 0) stack[top++] = out2[state] as number;
        stack[top++] = out[state] as number;
      } else if (what === ASSERT) {
        if (holds(assertions[arg[state] as number] as Assertion, previous, next))
          stack[top++] = out[state] as number;
      } else return -1;
    }
    return found;
  };

  const kindOf = (code: number, text: string, position: number): number => {
    let bits = code === 10 || code === 13 || code === 0x2028 || code === 0x2029 ? LINE : 0;
    if (needsWords) {
      word.lastIndex = position;
      if (word.test(text)) bits |= WORD;
    }
    return bits;
  };

  /** Moves the `found` reached states over the character at `position` into `into`; returns how many. */
  const advance = (found: number, code: number, text: string, position: number, into: Int32Array): number => {
    let count = 0;
    for (let index = 0; index < found; index++) {
      const state = reached[index] as number;
      let matches: boolean;
      if (code < 128) matches = asciiTable[state * 128 + code] === 1;
      else {
        const { native } = pieces[arg[state] as number] as Piece;
        native.lastIndex = position;
        matches = native.test(text);
      }
      if (matches) into[count++] = out[state] as number;
    }
    return count;
  };

  const step = (set: StateSet, code: number, text: string, position: number): StateSet => {
    const next = kindOf(code, text, position);
    const found = closure(set.waiting, set.waiting.length, set.previous, next);
    if (found < 0) return MATCHED;
    const into = new Int32Array(found);
    const count = advance(found, code, text, position, into);
    const following = anchored && count === 0 ? DEAD : intern(into.subarray(0, count), next);
    if (set.epoch === epoch) {
      if (code < 128) set.ascii[code] = following;
      else {
        set.other ??= new Map();
        set.other.set(code, following);
      }
    }
    return following;
  };

  /** The rest of a text whose state sets do not repeat: the automaton alone, nothing cached. */
  const uncached = (set: StateSet, text: string, from: number): boolean => {
    // Two buffers of the automaton's size, swapped at each character: no allocation per character.
    let waiting = new Int32Array(size);
    waiting.set(set.waiting);
    let count = set.waiting.length;
    let spare = new Int32Array(size);
    let previous = set.previous;
    const length = text.length;
    for (let position = from; position < length; ) {
      const code = codeAt(text, position, unicode);
      const next = kindOf(code, text, position);
      steps++;
      const found = closure(waiting, count, previous, next);
      if (found < 0) return true;
      count = advance(found, code, text, position, spare);
      if (anchored && count === 0) return false;
      [waiting, spare] = [spare, waiting];
      previous = next;
      position += code > 0xffff ? 2 : 1;
    }
    return closure(waiting, count, previous, AT_EDGE) < 0;
  };

  const test = (text: string): boolean => {
    first ??= intern(new Int32Array(0), AT_EDGE);
    let set = first;
    const length = text.length;
    const budget = created + MAX_CACHED_SETS / 2;
    for (let position = 0; position < length; ) {
      const code = codeAt(text, position, unicode);
      steps++;
      const next = (code < 128 ? set.ascii[code] : set.other?.get(code)) ?? step(set, code, text, position);
      if (next === MATCHED) return true;
      if (next === DEAD) return false;
      set = next;
      position += code > 0xffff ? 2 : 1;
      // Sets that keep being new will not repeat: caching them costs more than it saves.
      if (created > budget) return uncached(set, text, position);
    }
    if (set.atEnd === undefined)
      set.atEnd = closure(set.waiting, set.waiting.length, set.previous, AT_EDGE) < 0;
    return set.atEnd;
  };

  return {
    test,
    states: size,
    get steps() {
      return steps;
    },
  };
}

function stateSet(epoch: number, waiting: Int32Array, previous: number): StateSet {
  return { epoch, waiting, previous, ascii: [], other: undefined, atEnd: undefined };
}

/** The character at `position`: a code unit, or with `u` a code point (a lone surrogate stands alone). */
function codeAt(text: string, position: number, unicode: boolean): number {
  const code = text.charCodeAt(position);
  if (!unicode || code < 0xd800 || code > 0xdbff || position + 1 >= text.length) return code;
  const trail = text.charCodeAt(position + 1);
  return trail >= 0xdc00 && trail <= 0xdfff ? ((code - 0xd800) << 10) + (trail - 0xdc00) + 0x10000 : code;
}
