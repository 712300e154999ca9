/**
 * The generic rule behind the known shapes: an opaque token that looks random is a credential more often
 * than anything else an error text holds (gitleaks `generic-api-key` scores its values by entropy too).
 *
 * A token is a run of `A–Z a–z 0–9 + / _ -` with up to two `=` of base64 padding after it. It is redacted
 * when all of these hold:
 * - it is at least `MIN_LENGTH` (20) characters long (shorter random strings are too rare as secrets, and
 *   too common as ids, to pay for the false positives);
 * - it holds a digit and a letter (a word, a constant like `ERR_SOCKET_TIMEOUT` or a number never is a
 *   token);
 * - the Shannon entropy of its characters is at least `MIN_ENTROPY` (3.2 bits per character: a random
 *   20-character string of `[a-z0-9]` has about 3.9, English words and paths of that length 3.0–3.6);
 * - its characters switch between digit, upper and lower case at least once every `SWITCH_EVERY` (6)
 *   characters (random strings switch every 2–3, words and `camelCase` names rarely);
 * - it is no id: not hexadecimal (with dashes: UUIDs, trace ids, hashes, request ids, all useful to
 *   debug and none a credential on its own), even after a lower-case word prefix (`thread-<uuid>`,
 *   `req_<hex>`), and not a request id (`req_…`, as Anthropic, OpenAI and Stripe name them).
 * A hexadecimal secret is still redacted where its key names it (`api_key=…`, see `SECRET_SHAPES`).
 * Costs one pass over the text.
 */
export function redactHighEntropyTokens(text: string): string {
  let parts: string[] | undefined;
  let copied = 0;
  let position = 0;
  while (position < text.length) {
    if (!isTokenChar(text.charCodeAt(position))) {
      position++;
      continue;
    }
    const start = position;
    while (position < text.length && isTokenChar(text.charCodeAt(position))) position++;
    let end = position;
    while (end < text.length && end - position < 2 && text.charCodeAt(end) === 61) end++;
    if (end - start >= MIN_LENGTH && looksRandom(text, start, position)) {
      parts ??= [];
      parts.push(text.slice(copied, start), REPLACEMENT);
      copied = end;
    }
    position = end;
  }
  if (parts === undefined) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Stands in for a redacted token. */
const REPLACEMENT = '[redacted-token]';
/** Shortest token redacted. */
export const MIN_LENGTH = 20;
/** Least Shannon entropy, in bits per character. */
export const MIN_ENTROPY = 3.2;
/** A token switches character class (digit, upper, lower) at least once per this many characters. */
export const SWITCH_EVERY = 6;
/** Request ids: debugging handles, no credentials. */
const ID_PREFIX = 'req_';

const COUNTS = new Uint32Array(128);

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 ||
    code === 47 ||
    code === 95 ||
    code === 45
  );
}

/** 1 digit, 2 upper case, 3 lower case, 0 other. */
function classOf(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if (code >= 65 && code <= 90) return 2;
  return code >= 97 && code <= 122 ? 3 : 0;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** Whether the 36 characters at `start` are a UUID (8-4-4-4-12 hexadecimal digits). */
function isUuid(text: string, start: number): boolean {
  for (let offset = 0; offset < 36; offset++) {
    const code = text.charCodeAt(start + offset);
    if (offset === 8 || offset === 13 || offset === 18 || offset === 23 ? code !== 45 : !isHex(code))
      return false;
  }
  return true;
}

/** Whether `text[start, end)` passes every test of `redactHighEntropyTokens`. */
function looksRandom(text: string, start: number, end: number): boolean {
  if (text.startsWith(ID_PREFIX, start)) return false;
  let digits = 0;
  let letters = 0;
  let switches = 0;
  let previous = 0;
  // A lower-case word in front of a UUID (`thread-<uuid>`) does not make it random.
  let prefixEnd = start;
  while (prefixEnd < end && classOf(text.charCodeAt(prefixEnd)) === 3) prefixEnd++;
  const hexFrom = end - prefixEnd === 37 && isUuid(text, prefixEnd + 1) ? prefixEnd + 1 : start;
  let hex = true;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    const kind = classOf(code);
    if (kind === 1) digits++;
    else if (kind !== 0) letters++;
    if (kind !== 0 && previous !== 0 && kind !== previous) switches++;
    previous = kind;
    COUNTS[code] = (COUNTS[code] as number) + 1;
    if (position >= hexFrom && hex && !isHex(code) && code !== 45) hex = false;
  }
  const length = end - start;
  let entropy = 0;
  for (let position = start; position < end; position++) {
    const code = text.charCodeAt(position);
    const count = COUNTS[code] as number;
    if (count === 0) continue;
    const share = count / length;
    entropy -= share * Math.log2(share);
    COUNTS[code] = 0;
  }
  return !hex && digits > 0 && letters > 0 && entropy >= MIN_ENTROPY && switches * SWITCH_EVERY >= length;
}
