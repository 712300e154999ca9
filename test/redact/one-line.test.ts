import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/redact/index.js';

describe('summarize makes one line', () => {
  it.each([
    ['a newline', 'connect failed\nretrying', 'connect failed retrying'],
    ['a tab', 'connect\tfailed', 'connect failed'],
    ['a carriage return and newline', 'connect failed\r\n', 'connect failed'],
    ['two spaces', 'connect  failed', 'connect failed'],
    ['a leading space', ' connect failed', 'connect failed'],
    ['a trailing space', 'connect failed ', 'connect failed'],
    ['a no-break space', 'connect\u00a0failed', 'connect failed'],
    ['a line separator', 'connect\u2028failed', 'connect failed'],
    ['single inner spaces only', 'connect to the database failed', 'connect to the database failed'],
  ])('collapses %s', (_name, text, expected) => {
    expect(summarize(text)).toBe(expected);
  });
});
