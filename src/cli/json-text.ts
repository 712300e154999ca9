/** Where a JSON text stops being valid: 1-based line and column, and what was found there. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  /** A short description that quotes at most one character of the input (it may hold secrets). */
  readonly problem: string;
}

/** The result of parsing one JSON text. */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: JsonSyntaxError };

/** `JSON.parse` that never throws and, on failure, says where (without quoting the input). */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return {
      ok: false,
      error: findJsonSyntaxError(text) ?? { line: 1, column: 1, problem: 'not valid JSON' },
    };
  }
}

type Expecting = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'nothing';

const LITERALS = ['true', 'false', 'null'] as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * Locates the first syntax error in `text`, for a message naming the line. `JSON.parse` reports either a
 * bare offset or a snippet of the input (which can carry a secret), so the text is scanned again here,
 * only on the failure path. Returns `undefined` when the scan finds nothing wrong.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const containers: string[] = [];
  let expecting: Expecting = 'value';
  let position = 0;
  const fail = (problem: string): JsonSyntaxError => ({ ...lineAndColumn(text, position), problem });
  const afterValue = (): Expecting => (containers.length === 0 ? 'nothing' : 'comma-or-end');

  while (true) {
    while (position < text.length && isWhitespace(text.charCodeAt(position))) position++;
    if (position >= text.length) {
      return expecting === 'nothing' ? undefined : fail('unexpected end of input');
    }
    const character = text[position] as string;
    const top = containers[containers.length - 1];

    if (expecting === 'nothing') return fail(`unexpected ${describe(character)} after the JSON value`);
    if (expecting === 'colon') {
      if (character !== ':') return fail(`expected ':' but found ${describe(character)}`);
      position++;
      expecting = 'value';
      continue;
    }
    if (expecting === 'comma-or-end') {
      const closer = top === '{' ? '}' : ']';
      if (character === ',') expecting = top === '{' ? 'key' : 'value';
      else if (character === closer) {
        containers.pop();
        expecting = afterValue();
      } else return fail(`expected ',' or '${closer}' but found ${describe(character)}`);
      position++;
      continue;
    }
    if (expecting === 'key' || expecting === 'key-or-end') {
      if (character === '}' && expecting === 'key-or-end') {
        containers.pop();
        position++;
        expecting = afterValue();
        continue;
      }
      if (character !== '"') return fail(`expected a property name but found ${describe(character)}`);
      const end = scanString(text, position);
      if (typeof end !== 'number') {
        position = end.at;
        return fail(end.problem);
      }
      position = end;
      expecting = 'colon';
      continue;
    }

    // A value is expected.
    if (character === ']' && expecting === 'value-or-end') {
      containers.pop();
      position++;
      expecting = afterValue();
    } else if (character === '{' || character === '[') {
      containers.push(character);
      position++;
      expecting = character === '{' ? 'key-or-end' : 'value-or-end';
    } else if (character === '"') {
      const end = scanString(text, position);
      if (typeof end !== 'number') {
        position = end.at;
        return fail(end.problem);
      }
      position = end;
      expecting = afterValue();
    } else if (character === '-' || (character >= '0' && character <= '9')) {
      NUMBER.lastIndex = position;
      if (!NUMBER.test(text)) return fail('malformed number');
      position = NUMBER.lastIndex;
      expecting = afterValue();
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, position));
      if (!literal) return fail(`unexpected ${describe(character)}`);
      position += literal.length;
      expecting = afterValue();
    }
  }
}

/** Index just past the closing quote of the string opening at `start`, or where and why it is broken. */
function scanString(text: string, start: number): number | { at: number; problem: string } {
  let position = start + 1;
  while (position < text.length) {
    const code = text.charCodeAt(position);
    if (code === 0x22) return position + 1;
    if (code < 0x20) return { at: position, problem: 'control character inside a string' };
    if (code === 0x5c) {
      const escaped = text[position + 1];
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6)))
          return { at: position, problem: 'malformed \\u escape' };
        position += 6;
        continue;
      }
      if (escaped === undefined || !ESCAPES.has(escaped))
        return { at: position, problem: 'invalid escape in a string' };
      position += 2;
      continue;
    }
    position++;
  }
  return { at: text.length, problem: 'unterminated string' };
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < position;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: position - lineStart + 1 };
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function describe(character: string): string {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f
    ? `character U+${code.toString(16).padStart(4, '0').toUpperCase()}`
    : `'${character}'`;
}
