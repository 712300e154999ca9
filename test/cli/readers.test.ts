import { describe, expect, it } from 'vitest';
import { ByteLines } from '../../src/cli/byte-lines.js';
import { findJsonSyntaxError, parseJson } from '../../src/cli/json-text.js';

/** A reader over `text` delivered in chunks of `size` bytes, so every boundary case is crossed. */
function chunked(text: string, size: number): ByteLines {
  const bytes = Buffer.from(text, 'utf8');
  return new ByteLines(
    (async function* () {
      for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
    })(),
  );
}

describe('ByteLines', () => {
  it('reads lines and exact-length payloads the same whatever the chunk size', async () => {
    const text =
      'header\r\n{"type":"attachment","length":9}\nab\ncd\nef\n{"type":"event"}\nlast line without newline';
    for (const size of [1, 2, 3, 7, 64]) {
      const reader = chunked(text, size);
      const read: Array<[number, string]> = [];
      read.push([reader.nextLineNumber, String(await reader.readLine())]);
      read.push([reader.nextLineNumber, String(await reader.readLine())]);
      read.push([reader.nextLineNumber, String(await reader.readBytes(8))]);
      read.push([reader.nextLineNumber, String(await reader.readLine())]);
      read.push([reader.nextLineNumber, String(await reader.readLine())]);
      read.push([reader.nextLineNumber, String(await reader.readLine())]);

      expect(read, `chunks of ${size}`).toEqual([
        [1, 'header'],
        [2, '{"type":"attachment","length":9}'],
        [3, 'ab\ncd\nef'],
        [6, '{"type":"event"}'],
        [7, 'last line without newline'],
        [7, 'undefined'],
      ]);
    }
  });

  it('keeps a multi-byte character split across chunks whole', async () => {
    const reader = chunked('— ü 🔎\nnext', 1);

    expect((await reader.readLine())?.toString('utf8')).toBe('— ü 🔎');
    expect((await reader.readLine())?.toString('utf8')).toBe('next');
  });
});

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": tru}', 1, 7, "unexpected 't'"],
    ['{\n  "a": 1,\n}', 3, 1, "expected a property name but found '}'"],
    ['[1, 2', 1, 6, 'unexpected end of input'],
    ['{"a": "unterminated', 1, 20, 'unterminated string'],
    ['{"a": 1} {"b": 2}', 1, 10, "unexpected '{' after the JSON value"],
    ['{"a": 01}', 1, 8, "expected ',' or '}' but found '1'"],
    ['{"a": "\\x"}', 1, 8, 'invalid escape in a string'],
    ['{"a" 1}', 1, 6, "expected ':' but found '1'"],
    ['"tab\there"', 1, 5, 'control character inside a string'],
  ])('locates the error in %j at line %i, column %i', (text, line, column, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, problem });
  });

  it('finds nothing in valid JSON, and parseJson reads it', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}';

    expect(findJsonSyntaxError(text)).toBeUndefined();
    expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('never quotes more than one character of the input', () => {
    const result = parseJson('{"api_key": "sk-proj-abcdefghijklmnop" oops}');

    expect(result).toEqual({
      ok: false,
      error: { line: 1, column: 40, problem: "expected ',' or '}' but found 'o'" },
    });
  });
});
