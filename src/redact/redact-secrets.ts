import { redactHighEntropyTokens } from './high-entropy.js';
import { SECRET_SHAPES, type SecretShape } from './secret-shapes.js';
import { redactUrlCredentials } from './url-credentials.js';

/**
 * Replaces every known secret shape in `text` (URL credentials, private keys, cookies, `key=value`
 * credentials, Authorization schemes, provider tokens, JWTs; see `SECRET_SHAPES`). The replacement keeps
 * the label around a secret (`Bearer [redacted]`, `password=[redacted]`) and never any of its characters.
 * Costs time linear in the length of `text`, whatever it holds.
 *
 * @example
 * redactSecrets('connect postgres://app:hunter2@db:5432 failed'); // 'connect postgres://[redacted]@db:5432 failed'
 */
export function redactSecrets(text: string): string {
  let redacted = redactUrlCredentials(text);
  let marked = mark(redacted);
  // The assignment shapes share one gate: it is tested once per version of the text.
  let gate: RegExp | undefined;
  let gateOpen = false;
  for (let index = 0; index < SECRET_SHAPES.length; index++) {
    if (marked.text !== redacted) {
      marked = mark(redacted);
      gate = undefined;
    }
    const shape = SECRET_SHAPES[index] as SecretShape;
    if (!mayMatch(marked, SHAPE_CONDITIONS[index] as readonly Condition[])) continue;
    if (shape.gate !== undefined && shape.gate !== gate) {
      gate = shape.gate;
      gateOpen = gate.test(redacted);
    }
    if (shape.gate === undefined || gateOpen) redacted = applyShape(redacted, shape);
  }
  return redactHighEntropyTokens(redacted);
}

/**
 * Which ASCII characters and pairs of characters a text holds, exactly and in ASCII lower case: a literal
 * whose first pair is absent cannot be in the text, so most shapes are skipped without any search. The
 * table is stamped with a generation number instead of being cleared for each text.
 */
const SEEN = new Uint8Array(2 * 129 * 128);
/** Offset of the lower-case half of `SEEN`. */
const FOLDED = 129 * 128;
/** Row of `SEEN` for single characters (a literal of one character). */
const SINGLE = 128;
let generation = 0;

/** Literals of which the text must hold one, each with the index of its first character pair. */
interface Condition {
  readonly literals: readonly string[];
  readonly keys: Int32Array;
  readonly folded: boolean;
}
/** Per shape, the conditions its literals set (`prefixes`, `contains`, `containsFolded`). */
const SHAPE_CONDITIONS: readonly (readonly Condition[])[] = SECRET_SHAPES.map((shape) => {
  const conditions: Condition[] = [];
  const add = (literals: readonly string[] | undefined, folded: boolean) => {
    if (literals === undefined) return;
    const keys = Int32Array.from(literals, (literal) => pairKey(literal, folded));
    conditions.push({
      literals: folded ? literals.map((literal) => literal.toLowerCase()) : literals,
      keys,
      folded,
    });
  };
  add(shape.prefixes, false);
  add(shape.contains, false);
  add(shape.containsFolded, true);
  return conditions;
});

interface Marked {
  readonly text: string;
  readonly generation: number;
  /** `text` in lower case, made when a folded literal needs a search. */
  lower: string | undefined;
}

function pairKey(literal: string, folded: boolean): number {
  const first = folded ? lowerAscii(literal.charCodeAt(0)) : literal.charCodeAt(0);
  if (literal.length === 1) return (folded ? FOLDED : 0) + SINGLE * 128 + first;
  const second = folded ? lowerAscii(literal.charCodeAt(1)) : literal.charCodeAt(1);
  return (folded ? FOLDED : 0) + first * 128 + second;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function mark(text: string): Marked {
  // A byte per entry keeps the table small enough to stay in cache; it is cleared every 255 texts.
  generation = (generation + 1) & 0xff;
  if (generation === 0) {
    SEEN.fill(0);
    generation = 1;
  }
  let previous = -1;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code >= 128) {
      previous = -1;
      continue;
    }
    const lower = lowerAscii(code);
    SEEN[SINGLE * 128 + code] = generation;
    SEEN[FOLDED + SINGLE * 128 + lower] = generation;
    if (previous >= 0) {
      SEEN[previous * 128 + code] = generation;
      SEEN[FOLDED + lowerAscii(previous) * 128 + lower] = generation;
    }
    previous = code;
  }
  return { text, generation, lower: undefined };
}

/** Whether the marked text holds a literal of every condition of a shape. */
function mayMatch(marked: Marked, conditions: readonly Condition[]): boolean {
  for (const { literals, keys, folded } of conditions) {
    let found = false;
    for (let index = 0; index < keys.length && !found; index++) {
      if (SEEN[keys[index] as number] !== marked.generation) continue;
      const literal = literals[index] as string;
      if (literal.length <= 2) found = true;
      else if (!folded) found = marked.text.includes(literal);
      else {
        if (marked.lower === undefined) marked.lower = marked.text.toLowerCase();
        found = marked.lower.includes(literal);
      }
    }
    if (!found) return false;
  }
  return true;
}

function applyShape(text: string, shape: SecretShape): string {
  const { pattern, tail } = shape;
  const parts: string[] = [];
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const kept = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    let end = match.index + match[0].length;
    // A bounded quantifier stopped; the secret may not have: take the rest of it too.
    if (tail) while (end < text.length && tail(text.charCodeAt(end))) end++;
    parts.push(text.slice(copied, kept), shape.replacement);
    copied = end;
    pattern.lastIndex = end;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
