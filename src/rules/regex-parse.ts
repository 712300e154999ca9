/**
 * A small parser of JavaScript RegExp source, just precise enough for the backtracking analysis in
 * `regex-safety.ts`: which characters each part can consume, and how parts repeat. Where the syntax
 * is exotic (`v`-flag set operations, Unicode properties) it answers "any character", which only makes
 * the analysis stricter. The source has already compiled as a RegExp, so it is well formed.
 */

/** Inclusive code-point ranges, sorted and disjoint. */
export type CharSet = ReadonlyArray<readonly [number, number]>;

export type RegexNode =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | { readonly kind: 'sequence'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alternation'; readonly options: readonly RegexNode[] }
  | {
      readonly kind: 'repeat';
      readonly body: RegexNode;
      readonly min: number;
      readonly max: number;
      /** The repetition as written, e.g. `.*` or `(?:ab)+`. */
      readonly text: string;
    }
  /** Matches no character: `$`, `\b`, `\B`. */
  | { readonly kind: 'empty' }
  /** `^`: the start of the text (or of a line, with the `m` flag). */
  | { readonly kind: 'start' }
  /** A back reference: could be any text. */
  | { readonly kind: 'reference' };

const MAX_CODE_POINT = 0x10_ffff;
export const ANY: CharSet = [[0, MAX_CODE_POINT]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: CharSet = normalize([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
const SINGLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };

/** Parses `source` (with `flags`); throws on syntax it cannot follow. */
export function parseRegex(source: string, flags: string): RegexNode {
  const ignoreCase = flags.includes('i');
  const unicode = flags.includes('u') || flags.includes('v');
  let position = 0;

  const fail = (problem: string): never => {
    throw new Error(`${problem} at position ${position}`);
  };
  const fold = (set: CharSet): CharSet => (ignoreCase ? caseClosure(set) : set);

  const alternation = (): RegexNode => {
    const options = [sequence()];
    while (source[position] === '|') {
      position++;
      options.push(sequence());
    }
    return options.length === 1 ? (options[0] as RegexNode) : { kind: 'alternation', options };
  };

  const sequence = (): RegexNode => {
    const items: RegexNode[] = [];
    while (position < source.length && source[position] !== '|' && source[position] !== ')') {
      const start = position;
      items.push(quantified(atom(), start));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'sequence', items };
  };

  const quantified = (body: RegexNode, start: number): RegexNode => {
    let node = body;
    for (;;) {
      const bounds = quantifier();
      if (bounds === undefined) return node;
      if (source[position] === '?') position++; // lazy: same worst case
      node = {
        kind: 'repeat',
        body: node,
        min: bounds[0],
        max: bounds[1],
        text: source.slice(start, position),
      };
    }
  };

  const quantifier = (): readonly [number, number] | undefined => {
    const character = source[position];
    if (character === '*' || character === '+' || character === '?') {
      position++;
      return character === '*' ? [0, Infinity] : character === '+' ? [1, Infinity] : [0, 1];
    }
    if (character !== '{') return undefined;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(position));
    if (!match) return unicode ? fail('bad quantifier') : undefined;
    position += match[0].length;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    return [min, max];
  };

  const atom = (): RegexNode => {
    const character = source[position] as string;
    if (character === '(') return group();
    if (character === '[') return { kind: 'chars', set: fold(characterClass()) };
    position++;
    if (character === '.') return { kind: 'chars', set: ANY };
    if (character === '^') return { kind: 'start' };
    if (character === '$') return { kind: 'empty' };
    if (character === '\\') return escapeAtom();
    const code = source.codePointAt(position - 1) as number;
    if (code > 0xffff) position++;
    return { kind: 'chars', set: fold([[code, code]]) };
  };

  const group = (): RegexNode => {
    position++;
    let lookaround = false;
    if (source[position] === '?') {
      const head = source.slice(position, position + 3);
      if (head.startsWith('?:')) position += 2;
      else if (head.startsWith('?=') || head.startsWith('?!')) {
        position += 2;
        lookaround = true;
      } else if (head === '?<=' || head === '?<!') {
        position += 3;
        lookaround = true;
      } else if (head.startsWith('?<')) {
        const end = source.indexOf('>', position);
        if (end === -1) fail('unterminated group name');
        position = end + 1;
      } else fail('unsupported group modifier');
    }
    const body = alternation();
    if (source[position] !== ')') fail('unterminated group');
    position++;
    // A lookaround consumes nothing (a repetition at most 0 times) but its body is still analysed.
    return lookaround ? { kind: 'repeat', body, min: 0, max: 0, text: '' } : body;
  };

  const escapeAtom = (): RegexNode => {
    const character = source[position] as string;
    if (character === 'b' || character === 'B') {
      position++;
      return { kind: 'empty' };
    }
    if (/[1-9]/.test(character)) {
      while (/\d/.test(source[position] ?? '')) position++;
      return { kind: 'reference' };
    }
    if (character === 'k' && source[position + 1] === '<' && source.includes('>', position)) {
      position = source.indexOf('>', position) + 1;
      return { kind: 'reference' };
    }
    return { kind: 'chars', set: fold(escapedSet()) };
  };

  /** The set an escape stands for (inside or outside a class); `position` is just after the backslash. */
  const escapedSet = (inClass = false): CharSet => {
    const character = source[position] as string;
    position++;
    switch (character) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'p':
      case 'P':
        if (!unicode) return single(character.charCodeAt(0));
        if (source[position] === '{') position = source.indexOf('}', position) + 1;
        return ANY;
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(source.slice(position));
        if (!hex) return single(0x78);
        position += 2;
        return single(Number.parseInt(hex[0], 16));
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(source.slice(position));
        if (braced && unicode) {
          position += braced[0].length;
          return single(Number.parseInt(braced[1] as string, 16));
        }
        const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(position));
        if (!hex) return single(0x75);
        position += 4;
        return single(Number.parseInt(hex[0], 16));
      }
      case 'c': {
        const letter = source[position];
        if (letter !== undefined && /[A-Za-z]/.test(letter)) {
          position++;
          return single(letter.charCodeAt(0) % 32);
        }
        return single(0x5c);
      }
      case 'b':
        return inClass ? single(8) : ANY;
      default: {
        const known = SINGLE_ESCAPES[character];
        if (known !== undefined) return single(known);
        const code = source.codePointAt(position - 1) as number;
        if (code > 0xffff) position++;
        return single(code);
      }
    }
  };

  const characterClass = (): CharSet => {
    position++;
    const negated = source[position] === '^';
    if (negated) position++;
    const ranges: Array<readonly [number, number]> = [];
    while (position < source.length && source[position] !== ']') {
      // `v`-flag nested classes and set operations: too rich to follow; "any" is the strict answer.
      if (source[position] === '[' && flags.includes('v')) return skipClass();
      const from = classAtom();
      if (source[position] === '-' && source[position + 1] !== ']' && from.length === 1 && isSingle(from)) {
        position++;
        const to = classAtom();
        if (to.length === 1 && isSingle(to)) {
          ranges.push([(from[0] as readonly [number, number])[0], (to[0] as readonly [number, number])[0]]);
          continue;
        }
        ranges.push(...from, [0x2d, 0x2d], ...to);
        continue;
      }
      ranges.push(...from);
    }
    if (source[position] !== ']') fail('unterminated character class');
    position++;
    const set = normalize(ranges);
    return negated ? complement(set) : set;
  };

  const classAtom = (): CharSet => {
    if (source[position] === '\\') {
      position++;
      return escapedSet(true);
    }
    const code = source.codePointAt(position) as number;
    position += code > 0xffff ? 2 : 1;
    return single(code);
  };

  const skipClass = (): CharSet => {
    let depth = 1;
    while (position < source.length && depth > 0) {
      const character = source[position];
      if (character === '\\') position++;
      else if (character === '[') depth++;
      else if (character === ']') depth--;
      position++;
    }
    return ANY;
  };

  const tree = alternation();
  if (position < source.length) fail('unbalanced parenthesis');
  return tree;
}

function single(code: number): CharSet {
  return [[code, code]];
}

function isSingle(set: CharSet): boolean {
  const [range] = set;
  return range !== undefined && range[0] === range[1];
}

/** Sorts and merges ranges. */
export function normalize(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((left, right) => left[0] - right[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function complement(set: CharSet): CharSet {
  const result: Array<readonly [number, number]> = [];
  let next = 0;
  for (const [from, to] of set) {
    if (from > next) result.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) result.push([next, MAX_CODE_POINT]);
  return result;
}

export function intersect(left: CharSet, right: CharSet): CharSet {
  const result: Array<readonly [number, number]> = [];
  for (const [leftFrom, leftTo] of left) {
    for (const [rightFrom, rightTo] of right) {
      const from = Math.max(leftFrom, rightFrom);
      const to = Math.min(leftTo, rightTo);
      if (from <= to) result.push([from, to]);
    }
  }
  return normalize(result);
}

/** Adds the other case of every ASCII and Latin-1/Greek/Cyrillic letter in the set (large sets as a whole). */
function caseClosure(set: CharSet): CharSet {
  const extra: Array<readonly [number, number]> = [];
  for (const [from, to] of set) {
    if (to - from > 0x400) continue; // a large range already holds both cases of what it covers
    for (let code = from; code <= to; code++) {
      const character = String.fromCodePoint(code);
      for (const other of [character.toLowerCase(), character.toUpperCase()]) {
        const otherCode = other.codePointAt(0) as number;
        if (other.length <= 2 && otherCode !== code) extra.push([otherCode, otherCode]);
      }
    }
  }
  return extra.length === 0 ? set : normalize([...set, ...extra]);
}
