import retModule from 'ret';
import safeRegex from 'safe-regex2';

// Token type numbers of `ret`'s parse tree (its `types` enum), spelled out so no enum import is needed.
const GROUP = 1;
const SET = 3;
const RANGE = 4;
const REPETITION = 5;
const REFERENCE = 6;
const CHAR = 7;

interface Token {
  readonly type: number;
  readonly value?: unknown;
  readonly stack?: readonly Token[];
  readonly options?: ReadonlyArray<readonly Token[]>;
  readonly set?: readonly Token[];
  readonly not?: boolean;
  readonly from?: number;
  readonly to?: number;
  readonly min?: number;
  readonly max?: number | null;
  readonly followedBy?: boolean;
  readonly notFollowedBy?: boolean;
  readonly lookBehind?: boolean;
}

type Tokenize = (source: string) => Token;

// `ret` replaces `module.exports` with its tokenizer, so the default import is the function itself at
// runtime while its typings describe `{ default }`; accept either shape.
const tokenize: Tokenize =
  typeof retModule === 'function'
    ? (retModule as unknown as Tokenize)
    : (retModule as unknown as { default: Tokenize }).default;

/**
 * Returns why a pattern can backtrack catastrophically, or `undefined` when it is safe to run on every
 * event. Two checks: safe-regex2's star height (a quantifier inside a quantifier, e.g. `(a+)+`), and
 * a repeated alternation whose branches can start with the same character (e.g. `(a|aa)+`,
 * `(\w|\d)*`), which star height does not see.
 */
export function checkPatternSafety(pattern: RegExp): string | undefined {
  let tree: Token;
  try {
    tree = tokenize(pattern.source);
  } catch (error) {
    return `cannot be analysed for backtracking: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!safeRegex(pattern.source)) {
    return `can backtrack catastrophically (nested quantifiers such as \`(a+)+\`): ${String(pattern)}`;
  }
  const ambiguous = findAmbiguousRepetition(tree, pattern.flags.includes('i'));
  if (ambiguous) {
    return `can backtrack catastrophically: a repeated group has alternatives that can start with the same character (${String(pattern)}); make the alternatives mutually exclusive, e.g. \`f(?:oo|ar)\` instead of \`(foo|far)+\``;
  }
  return undefined;
}

function findAmbiguousRepetition(token: Token, ignoreCase: boolean): boolean {
  if (token.type === REPETITION && (token.max === null || token.max === undefined || token.max > 1)) {
    const inner = token.value as Token;
    if (inner.type === GROUP && inner.options && hasOverlappingStarts(inner.options, ignoreCase)) return true;
  }
  for (const child of children(token)) {
    if (findAmbiguousRepetition(child, ignoreCase)) return true;
  }
  return false;
}

function children(token: Token): Token[] {
  const result: Token[] = [];
  if (token.stack) result.push(...token.stack);
  if (token.options) for (const option of token.options) result.push(...option);
  if (token.type === REPETITION) result.push(token.value as Token);
  return result;
}

/** Code-point ranges a branch can start with; `undefined` means "could be any character". */
type Starts = Array<readonly [number, number]> | undefined;

function hasOverlappingStarts(options: ReadonlyArray<readonly Token[]>, ignoreCase: boolean): boolean {
  const starts = options.map((option) => firstCharacters(option, ignoreCase));
  for (let first = 0; first < starts.length; first++) {
    for (let second = first + 1; second < starts.length; second++) {
      if (intersects(starts[first], starts[second])) return true;
    }
  }
  return false;
}

function intersects(left: Starts, right: Starts): boolean {
  if (left === undefined || right === undefined) return true;
  return left.some(([leftFrom, leftTo]) =>
    right.some(([rightFrom, rightTo]) => leftFrom <= rightTo && rightFrom <= leftTo),
  );
}

/** First characters of a sequence of tokens, looking past tokens that can match the empty string. */
function firstCharacters(sequence: readonly Token[], ignoreCase: boolean): Starts {
  const ranges: Array<readonly [number, number]> = [];
  for (const token of sequence) {
    const { starts, nullable } = tokenStarts(token, ignoreCase);
    if (starts === undefined) return undefined;
    ranges.push(...starts);
    if (!nullable) return ranges;
  }
  return ranges;
}

function tokenStarts(token: Token, ignoreCase: boolean): { starts: Starts; nullable: boolean } {
  switch (token.type) {
    case CHAR:
      return { starts: charRanges(token.value as number, ignoreCase), nullable: false };
    case SET:
      return { starts: token.not ? undefined : setRanges(token.set ?? [], ignoreCase), nullable: false };
    case REPETITION: {
      const inner = tokenStarts(token.value as Token, ignoreCase);
      return { starts: inner.starts, nullable: inner.nullable || token.min === 0 };
    }
    case GROUP: {
      if (token.followedBy || token.notFollowedBy || token.lookBehind) return { starts: [], nullable: true };
      const options = token.options ?? [token.stack ?? []];
      const ranges: Array<readonly [number, number]> = [];
      let nullable = false;
      for (const option of options) {
        const starts = firstCharacters(option, ignoreCase);
        if (starts === undefined) return { starts: undefined, nullable: true };
        ranges.push(...starts);
        if (option.every((item) => tokenStarts(item, ignoreCase).nullable)) nullable = true;
      }
      return { starts: ranges, nullable };
    }
    case REFERENCE:
      return { starts: undefined, nullable: true };
    default:
      // Anchors and word boundaries match no character.
      return { starts: [], nullable: true };
  }
}

function setRanges(set: readonly Token[], ignoreCase: boolean): Starts {
  const ranges: Array<readonly [number, number]> = [];
  for (const item of set) {
    if (item.type === CHAR) ranges.push(...charRanges(item.value as number, ignoreCase));
    else if (item.type === RANGE) {
      ranges.push([item.from as number, item.to as number]);
      if (ignoreCase) {
        ranges.push([foldCode(item.from as number, 'lower'), foldCode(item.to as number, 'lower')]);
        ranges.push([foldCode(item.from as number, 'upper'), foldCode(item.to as number, 'upper')]);
      }
    } else if (item.type === SET) {
      if (item.not) return undefined;
      const nested = setRanges(item.set ?? [], ignoreCase);
      if (nested === undefined) return undefined;
      ranges.push(...nested);
    }
  }
  return ranges;
}

function charRanges(code: number, ignoreCase: boolean): Array<readonly [number, number]> {
  if (!ignoreCase) return [[code, code]];
  const lower = foldCode(code, 'lower');
  const upper = foldCode(code, 'upper');
  return [
    [lower, lower],
    [upper, upper],
  ];
}

function foldCode(code: number, direction: 'lower' | 'upper'): number {
  const character = String.fromCharCode(code);
  const folded = direction === 'lower' ? character.toLowerCase() : character.toUpperCase();
  return folded.length === 1 ? folded.charCodeAt(0) : code;
}
