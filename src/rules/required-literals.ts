import type { RegexTree } from './regex-syntax.js';

/** Most literals one requirement lists (an alternation of many words is no useful filter). */
const MAX_LITERALS = 16;
/** Shortest literal worth filtering on. */
const MIN_LITERAL_LENGTH = 2;

/**
 * Literals one of which every text a pattern matches contains, case-sensitively: a rule whose only text
 * condition is its `pattern` becomes a candidate where one of them occurs (found by the same one pass
 * over the text as the rules' substrings), instead of running its automaton on every event. Derived
 * from the pattern's trees (every one of which must match); `undefined` when no literal is required (a
 * pattern that starts with a class and repeats it), and for case-insensitive patterns, whose folding
 * (`ſ` matches `s`, the Kelvin sign `k`) no substring compares the same way.
 */
export function requiredLiterals(trees: readonly RegexTree[], flags: string): string[] | undefined {
  if (flags.includes('i')) return undefined;
  return best(trees.map(required));
}

/** The fixed string a tree matches, when it matches exactly one. */
function exact(tree: RegexTree): string | undefined {
  switch (tree.kind) {
    case 'char':
      return literalChar(tree.source);
    case 'assert':
      return '';
    case 'sequence': {
      let text = '';
      for (const item of tree.items) {
        const part = exact(item);
        if (part === undefined) return undefined;
        text += part;
      }
      return text;
    }
    default:
      return undefined;
  }
}

/** Literals one of which every match of `tree` contains, or `undefined`. */
function required(tree: RegexTree): string[] | undefined {
  const whole = exact(tree);
  if (whole !== undefined) return whole.length > 0 ? [whole] : undefined;
  switch (tree.kind) {
    case 'sequence': {
      const candidates: (string[] | undefined)[] = [];
      let run = '';
      for (const item of tree.items) {
        const part = exact(item);
        if (part !== undefined) {
          run += part;
          continue;
        }
        if (run.length > 0) candidates.push([run]);
        run = '';
        candidates.push(required(item));
      }
      if (run.length > 0) candidates.push([run]);
      return best(candidates);
    }
    case 'alternation': {
      const union = new Set<string>();
      for (const option of tree.options) {
        const literals = required(option);
        if (literals === undefined) return undefined;
        for (const literal of literals) union.add(literal);
      }
      return union.size <= MAX_LITERALS ? [...union] : undefined;
    }
    case 'repeat':
      return tree.min > 0 ? required(tree.body) : undefined;
    default:
      return undefined;
  }
}

/** The most selective requirement: the one whose shortest literal is longest, then the one with fewest. */
function best(candidates: readonly (string[] | undefined)[]): string[] | undefined {
  let chosen: string[] | undefined;
  let chosenShortest = 0;
  for (const literals of candidates) {
    if (literals === undefined || literals.length === 0) continue;
    const shortest = Math.min(...literals.map((literal) => literal.length));
    if (shortest < MIN_LITERAL_LENGTH) continue;
    if (
      chosen === undefined ||
      shortest > chosenShortest ||
      (shortest === chosenShortest && literals.length < chosen.length)
    ) {
      chosen = literals;
      chosenShortest = shortest;
    }
  }
  return chosen;
}

/** The character a piece matches when it is one literal: `a`, `é`, an astral character, `\.`, `\/`. */
function literalChar(source: string): string | undefined {
  if (source === '.') return undefined;
  if (source.startsWith('\\')) {
    return source.length === 2 && !/[0-9A-Za-z]/.test(source.charAt(1)) ? source.charAt(1) : undefined;
  }
  // One UTF-16 unit, or a surrogate pair (one code point under `u` or `v`); `[…]` is a class.
  const astral = source.length === 2 && (source.codePointAt(0) ?? 0) > 0xffff;
  return (source.length === 1 && source !== '[') || astral ? source : undefined;
}
