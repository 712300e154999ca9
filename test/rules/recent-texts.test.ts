import { describe, expect, it } from 'vitest';
import { rememberRecent } from '../../src/rules/recent-texts.js';

describe('rememberRecent', () => {
  it('computes a text once while it is among the last few given, and again once replaced', () => {
    const computed: string[] = [];
    const lengthOf = rememberRecent((text: string) => {
      computed.push(text);
      return text.length;
    }, 2);
    expect([lengthOf('a'), lengthOf('bb'), lengthOf('a'), lengthOf('bb')]).toEqual([1, 2, 1, 2]);
    expect(computed).toEqual(['a', 'bb']);
    lengthOf('ccc');
    expect(lengthOf('a')).toBe(1);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'a']);
  });

  it('computes a text longer than 4,096 characters every time (no large text is held)', () => {
    let calls = 0;
    const lengthOf = rememberRecent((text: string) => {
      calls++;
      return text.length;
    });
    const long = 'x'.repeat(4_097);
    expect([lengthOf(long), lengthOf(long)]).toEqual([4_097, 4_097]);
    expect(calls).toBe(2);
  });
});
