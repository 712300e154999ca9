import { describe, expect, it } from 'vitest';
import { createClassifier, type Rule, RuleConfigError } from '../../src/index.js';

const build = (fields: Record<string, unknown>) =>
  createClassifier({ rules: [{ id: 'r', kind: 'k', action: 'drop', any: ['boom'], ...fields } as Rule] });

describe('rule fields `sample` and `uncaught`', () => {
  it('carries them into the classification, and leaves them out when the rule does not set them', () => {
    expect(build({ sample: 0.25, uncaught: true }).classify({ message: 'boom' })).toEqual({
      kind: 'k',
      action: 'drop',
      rule: 'r',
      summary: 'redacted',
      sample: 0.25,
      uncaught: true,
    });
    expect(build({ sample: 0, uncaught: false }).classifyExample('boom')).toMatchObject({
      sample: 0,
      uncaught: false,
    });
    const plain = build({}).classify({ message: 'boom' });
    expect(plain).toBeDefined();
    expect(plain && 'sample' in plain).toBe(false);
    expect(plain && 'uncaught' in plain).toBe(false);
  });

  it.each([
    [{ sample: 1.5 }, 'sample'],
    [{ sample: -0.1 }, 'sample'],
    [{ sample: Number.NaN }, 'sample'],
    [{ sample: Number.POSITIVE_INFINITY }, 'sample'],
    [{ sample: '0.5' }, 'sample'],
    [{ uncaught: 'yes' }, 'uncaught'],
    [{ uncaught: 1 }, 'uncaught'],
  ])('refuses %j naming the field', (fields, field) => {
    expect(() => build(fields)).toThrow(RuleConfigError);
    expect(() => build(fields)).toThrow(`rule #0 ("r"): \`${field}\``);
  });
});

describe('rule field `pattern` as plain JSON', () => {
  it('accepts { source, flags } and matches like the RegExp it stands for', () => {
    const classifier = build({ any: undefined, pattern: { source: 'quota \\d+%', flags: 'i' } });
    expect(classifier.classify({ message: 'QUOTA 95% used' })?.rule).toBe('r');
    expect(classifier.classify({ message: 'quota ninety' })).toBeUndefined();
    expect(build({ pattern: { source: '^boom$' } }).classify({ message: 'BOOM' })).toBeUndefined();
  });

  it('strips `g` and `y` so the rule answers the same way every time', () => {
    const classifier = build({ any: undefined, pattern: { source: 'boom', flags: 'gy' } });
    for (let round = 0; round < 3; round++) expect(classifier.classify({ message: 'boom' })?.rule).toBe('r');
  });

  it('compiles a JSON pattern like a RegExp: linear, and refused where no automaton can match it', () => {
    expect(
      build({ any: undefined, pattern: { source: '^(a+)+$' } }).classify({ message: 'aaaa' })?.rule,
    ).toBe('r');
    expect(() => build({ pattern: { source: '(a)\\1' } })).toThrow(/`pattern` has a backreference/);
  });

  it.each([
    [{ pattern: { source: 3 } }, 'pattern', 'RegExp or { source: string, flags?: string }'],
    [{ pattern: { flags: 'i' } }, 'pattern', 'RegExp or { source'],
    [{ pattern: 'quota' }, 'pattern', 'RegExp or { source'],
    [{ pattern: { source: 'a', flags: 1 } }, 'pattern.flags', 'string of RegExp flags'],
    [{ pattern: { source: 'a', flags: 'q' } }, 'pattern', 'is not a valid RegExp'],
    [{ pattern: { source: '(' } }, 'pattern', 'is not a valid RegExp'],
    [{ pattern: { source: 'a', flag: 'i' } }, 'pattern.flag', 'not a pattern field'],
  ])('refuses %j naming the field', (fields, field, problem) => {
    expect(() => build(fields)).toThrow(RuleConfigError);
    expect(() => build(fields)).toThrow(`rule #0 ("r"): \`${field}\``);
    expect(() => build(fields)).toThrow(problem);
  });
});

describe('anchor length cap', () => {
  it('accepts `all` / `any` / `none` substrings of up to 1,024 characters and refuses longer ones', () => {
    const long = 'x'.repeat(1_024);
    expect(
      build({ any: [long], none: [`${long.slice(1)}y`] }).classify({ message: `a ${long} b` })?.rule,
    ).toBe('r');
    for (const field of ['all', 'any', 'none'] as const) {
      const fields = { any: ['boom'], [field]: ['ok', `${long}!`] };
      expect(() => build(fields)).toThrow(RuleConfigError);
      expect(() => build(fields)).toThrow(
        `rule #0 ("r"): \`${field}[1]\` is 1025 characters long; substrings are limited to 1024`,
      );
    }
  });
});
