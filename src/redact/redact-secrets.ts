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
  let markedFor = markPairs(redacted);
  for (const [index, shape] of SECRET_SHAPES.entries()) {
    if (markedFor !== redacted) markedFor = markPairs(redacted);
    if (mayMatch(redacted, SHAPE_LITERALS[index] as ShapeLiterals)) redacted = applyShape(redacted, shape);
  }
  return redacted;
}

/** The literals of a shape, one list per condition; each list must have a literal in the text. */
type ShapeLiterals = readonly (readonly { readonly literal: string; readonly folded: boolean }[])[];
const SHAPE_LITERALS: readonly ShapeLiterals[] = SECRET_SHAPES.map((shape) =>
  [
    shape.prefixes?.map((literal) => ({ literal, folded: false })),
    shape.contains?.map((literal) => ({ literal, folded: false })),
    shape.containsFolded?.map((literal) => ({ literal: literal.toLowerCase(), folded: true })),
  ].filter((list) => list !== undefined),
);

/**
 * Which ASCII characters and pairs of characters the text holds (exactly, and in ASCII lower case): a
 * literal whose first pair is absent cannot be in the text, so most shapes are skipped without a search.
 * Stamped with a generation number instead of cleared for each text.
 */
const PAIRS = new Uint32Array(2 * 128 * 128);
const SINGLES = new Uint32Array(2 * 128);
const FOLDED = 128 * 128;
let generation = 0;

function markPairs(text: string): string {
  generation = (generation + 1) >>> 0;
  if (generation === 0) {
    PAIRS.fill(0);
    SINGLES.fill(0);
    generation = 1;
  }
  let previous = -1;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code >= 128) {
      previous = -1;
      continue;
    }
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    SINGLES[code] = generation;
    SINGLES[128 + lower] = generation;
    if (previous >= 0) {
      PAIRS[previous * 128 + code] = generation;
      PAIRS[FOLDED + (previous >= 65 && previous <= 90 ? previous + 32 : previous) * 128 + lower] =
        generation;
    }
    previous = code;
  }
  return text;
}

/** Whether every condition of the shape has a literal in `text` (`markPairs(text)` was the last mark). */
function mayMatch(text: string, conditions: ShapeLiterals): boolean {
  for (const condition of conditions) {
    let found = false;
    for (const { literal, folded } of condition) {
      if (!hasFirstPair(literal, folded)) continue;
      if (literal.length <= 2 || (folded ? text.toLowerCase() : text).includes(literal)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function hasFirstPair(literal: string, folded: boolean): boolean {
  const first = literal.charCodeAt(0);
  if (literal.length === 1) return SINGLES[(folded ? 128 : 0) + first] === generation;
  return PAIRS[(folded ? FOLDED : 0) + first * 128 + literal.charCodeAt(1)] === generation;
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
