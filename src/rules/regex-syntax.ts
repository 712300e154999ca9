/**
 * Reads JavaScript RegExp source into the tree the linear matcher (`linear-pattern.ts`) compiles. It does
 * not decide what a character class or an escape means: each single-character piece keeps its source
 * (`[a-z]`, `\p{L}`, `.`, `\u00e9`) and is later asked of the JavaScript engine itself, one character at a
 * time, so that flags, case folding and Unicode properties mean exactly what they mean to `RegExp`. What
 * it reads is structure: sequences, alternatives, repetitions, groups, assertions, lookaround. Syntax that
 * no automaton can match (backreferences) is refused here. The source has already compiled as a RegExp
 * with its flags, so it is well formed.
 */

export type RegexTree =
  /** One character (one code point with the `u` or `v` flag), as written: `a`, `[^\s]`, `\d`, `.` */
  | { readonly kind: 'char'; readonly source: string }
  | { readonly kind: 'sequence'; readonly items: readonly RegexTree[] }
  | { readonly kind: 'alternation'; readonly options: readonly RegexTree[] }
  | { readonly kind: 'repeat'; readonly body: RegexTree; readonly min: number; readonly max: number }
  /** `^`, `$`, `\b`, `\B` */
  | { readonly kind: 'assert'; readonly what: Assertion }
  | {
      readonly kind: 'look';
      readonly behind: boolean;
      readonly negative: boolean;
      readonly body: RegexTree;
    };

export type Assertion = '^' | '$' | 'b' | 'B';

/** Why a pattern is not matched by the automaton; becomes the rule's configuration error. */
export class PatternRefusal extends Error {}

/** Properties of strings (`v` flag): they match several code points, not one. */
const STRING_PROPERTIES = new Set([
  'Basic_Emoji',
  'Emoji_Keycap_Sequence',
  'RGI_Emoji',
  'RGI_Emoji_Flag_Sequence',
  'RGI_Emoji_Modifier_Sequence',
  'RGI_Emoji_Tag_Sequence',
  'RGI_Emoji_ZWJ_Sequence',
]);

const BACKREFERENCE =
  'has a backreference (`\\1`, `\\k<name>`): no automaton matches one in linear time; write the repeated text out, or use `all` substrings';

/** Reads `source`, compiled with `flags`, into a tree; throws `PatternRefusal` for what it cannot match. */
export function parseRegexSyntax(source: string, flags: string): RegexTree {
  const unicode = flags.includes('u') || flags.includes('v');
  const setNotation = flags.includes('v');
  const namedGroups = /\(\?<(?![=!])/.test(source);
  let position = 0;

  const peek = (offset = 0): string => source[position + offset] ?? '';
  const isHex = (text: string): boolean => /^[0-9a-fA-F]+$/.test(text);

  function alternation(): RegexTree {
    const options = [sequence()];
    while (peek() === '|') {
      position++;
      options.push(sequence());
    }
    return options.length === 1 ? (options[0] as RegexTree) : { kind: 'alternation', options };
  }

  function sequence(): RegexTree {
    const items: RegexTree[] = [];
    while (position < source.length && peek() !== '|' && peek() !== ')') {
      items.push(quantified(term()));
    }
    return items.length === 1 ? (items[0] as RegexTree) : { kind: 'sequence', items };
  }

  function quantified(body: RegexTree): RegexTree {
    const bounds = quantifier();
    if (bounds === undefined) return body;
    if (peek() === '?') position++; // lazy or greedy: the same for whether a match exists
    return { kind: 'repeat', body, min: bounds[0], max: bounds[1] };
  }

  function quantifier(): readonly [number, number] | undefined {
    const next = peek();
    if (next === '*' || next === '+' || next === '?') {
      position++;
      return next === '*' ? [0, Infinity] : next === '+' ? [1, Infinity] : [0, 1];
    }
    if (next !== '{') return undefined;
    // Without `u`, a `{` that does not open a well-formed count is a literal character.
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(position));
    if (counted === null) return undefined;
    position += counted[0].length;
    const min = Number(counted[1]);
    const max = counted[2] === undefined ? min : counted[3] === '' ? Infinity : Number(counted[3]);
    return [min, max];
  }

  function term(): RegexTree {
    const next = peek();
    if (next === '^' || next === '$') {
      position++;
      return { kind: 'assert', what: next };
    }
    if (next === '(') return group();
    if (next === '[') return { kind: 'char', source: characterClass() };
    if (next === '\\') return escaped();
    // One character; with `u`, a surrogate pair is one code point.
    const width = unicode && (source.codePointAt(position) ?? 0) > 0xffff ? 2 : 1;
    position += width;
    return { kind: 'char', source: source.slice(position - width, position) };
  }

  function group(): RegexTree {
    position++; // (
    let look: { behind: boolean; negative: boolean } | undefined;
    if (source.startsWith('?:', position)) position += 2;
    else if (source.startsWith('?=', position) || source.startsWith('?!', position)) {
      look = { behind: false, negative: peek(1) === '!' };
      position += 2;
    } else if (source.startsWith('?<=', position) || source.startsWith('?<!', position)) {
      look = { behind: true, negative: peek(2) === '!' };
      position += 3;
    } else if (source.startsWith('?<', position)) {
      position = source.indexOf('>', position) + 1;
    } else if (peek() === '?') {
      throw new PatternRefusal('has inline modifiers (`(?i:…)`): set the flags on the whole pattern');
    }
    const body = alternation();
    position++; // )
    return look === undefined ? body : { kind: 'look', ...look, body };
  }

  function escaped(): RegexTree {
    const start = position;
    const letter = peek(1);
    position += 2;
    if (letter === 'b' || letter === 'B') return { kind: 'assert', what: letter };
    // Without `u`, `\1` may also be a legacy octal escape; neither is matched here.
    if (/[1-9]/.test(letter)) throw new PatternRefusal(BACKREFERENCE);
    if (letter === 'k' && peek() === '<' && (unicode || namedGroups)) throw new PatternRefusal(BACKREFERENCE);
    if (letter === '0' && /[0-9]/.test(peek())) {
      throw new PatternRefusal('has a legacy octal escape (`\\0` then a digit): write it as `\\xHH`');
    }
    if (letter === 'c') {
      if (!/[A-Za-z]/.test(peek())) {
        throw new PatternRefusal('has `\\c` without a control letter: write a backslash as `\\\\`');
      }
      position++;
    } else if (letter === 'x' && /^[0-9a-fA-F]{2}/.test(source.slice(position, position + 2))) {
      position += 2;
    } else if (letter === 'u') unicodeEscape();
    else if ((letter === 'p' || letter === 'P') && unicode && peek() === '{') {
      const end = source.indexOf('}', position);
      const name = source.slice(position + 1, end);
      if (STRING_PROPERTIES.has(name)) {
        throw new PatternRefusal(
          `uses \`\\p{${name}}\`, a property of strings: it matches several characters at once`,
        );
      }
      position = end + 1;
    }
    return { kind: 'char', source: source.slice(start, position) };
  }

  /** After `\u`: four hex digits, `{…}` with `u`, and with `u` a surrogate pair written as two escapes. */
  function unicodeEscape(): void {
    if (unicode && peek() === '{') {
      position = source.indexOf('}', position) + 1;
      return;
    }
    const hex = source.slice(position, position + 4);
    if (hex.length < 4 || !isHex(hex)) return;
    position += 4;
    const unit = Number.parseInt(hex, 16);
    const trail = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(position));
    if (unicode && unit >= 0xd800 && unit <= 0xdbff && trail !== null) position += trail[0].length;
  }

  /** `[…]`, returned as written; with `v`, classes nest. */
  function characterClass(): string {
    const start = position;
    let depth = 0;
    while (position < source.length) {
      const next = peek();
      if (next === '\\') {
        if (setNotation && peek(1) === 'q') {
          throw new PatternRefusal('has `\\q{…}` in a class: it matches strings, not one character');
        }
        if ((peek(1) === 'p' || peek(1) === 'P') && unicode && peek(2) === '{') {
          const end = source.indexOf('}', position);
          const name = source.slice(position + 3, end);
          if (STRING_PROPERTIES.has(name)) {
            throw new PatternRefusal(
              `uses \`\\p{${name}}\`, a property of strings: it matches several characters at once`,
            );
          }
          position = end + 1;
          continue;
        }
        if (!unicode && /[1-9]/.test(peek(1))) {
          throw new PatternRefusal('has a legacy octal escape in a class: write it as `\\xHH`');
        }
        if (!unicode && peek(1) === 'c' && !/[A-Za-z]/.test(peek(2))) {
          throw new PatternRefusal('has `\\c` without a control letter: write a backslash as `\\\\`');
        }
        position += 2;
        continue;
      }
      position++;
      if (next === '[' && (setNotation || depth === 0)) depth++;
      else if (next === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    return source.slice(start, position);
  }

  const tree = alternation();
  if (position < source.length) throw new PatternRefusal(`cannot be read past position ${position}`);
  return tree;
}
