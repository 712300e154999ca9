import { describe, expect, it } from 'vitest';
import { createClassifier, RuleConfigError } from '../../src/index.js';

const compile = (pattern: RegExp) =>
  createClassifier({ rules: [{ id: 'evil', kind: 'k', action: 'drop', pattern }] });

describe('pattern safety', () => {
  // Classic catastrophic-backtracking shapes (OWASP ReDoS examples and their relatives).
  const exponential = [
    /(a+)+$/,
    /([a-zA-Z]+)*$/,
    /(a|aa)+$/,
    /(a|a?)+$/,
    /(.*a){12}/,
    /^(\w+\s?)*$/,
    /(x+x+)+y/,
    /(\d+)*\.\d+/,
    /(.*,)*x/,
    /^(([a-z])+.)+[A-Z]([a-z])+$/,
    /(\w|\d)+$/,
    /(a|A)+b/i,
    /(?:a?b?)*c/,
    /(?:\s*,)+$/,
  ];

  it.each(exponential.map((pattern) => [pattern]))('refuses %s at construction', (pattern) => {
    expect(() => compile(pattern)).toThrow(RuleConfigError);
    expect(() => compile(pattern)).toThrow(/rule #0 \("evil"\): `pattern` can backtrack catastrophically/);
  });

  // Polynomial shapes: each took seconds on a few kilobytes with 0.1 (issue 10). Two unbounded
  // repetitions that can share text, with nothing between them that must consume something else.
  const polynomial = [
    /failed.*retry.*timeout/i,
    /.*a.*a.*b/,
    /a*a*b/,
    /\d+\d+x/,
    /\w+_?\w+@/,
    /\s*\s*$/,
    /^Error: .*timeout.*$/,
    /[a-z]+(?:-[a-z]+)?[a-z]*x/,
    /x.*(?:y|z).*w/,
    /(?:prefix .*)suffix.*end/,
    /a{0,100}a{0,100}b/,
    /\S*\s*\S*!/,
  ];

  it.each(polynomial.map((pattern) => [pattern]))('refuses the polynomial %s at construction', (pattern) => {
    expect(() => compile(pattern)).toThrow(RuleConfigError);
    expect(() => compile(pattern)).toThrow(
      /`pattern` can backtrack catastrophically: `.+` and `.+` can consume the same text/,
    );
  });

  // Quadratic shapes: a search tries an unanchored pattern at every position, so a leading repetition
  // that can consume its own start rescans the text from each one (`/.*x/` took 135 ms on 8 KiB, 15 s on 64 KiB).
  const quadratic = [/.*x/, /\s+x/, /[^"]*"/, /\w+@\w+\.\w+/, /\S+ in \d+/, /^a|b*c/];

  it.each(quadratic.map((pattern) => [pattern]))('refuses the quadratic %s at construction', (pattern) => {
    expect(() => compile(pattern)).toThrow(
      /`pattern` can backtrack catastrophically: `.+` can start at every position of the text/,
    );
  });

  const safe = [
    /^(?:GET|POST|PUT|DELETE|PATCH) \/\S* failed \(401/,
    /api error \((?:408|429|50[234])\b/i,
    /"error":\s*"Invalid token"/,
    /quota \d+%/,
    /^provider returned 404/,
    /(?:foo|bar)+/,
    /^Error: \d{3}/,
    /jwt (expired|malformed)/i,
    /user=\w+@\w+\.\w+/,
    /"code":\s*"[^"]*"/,
    /^[^"]*"[^"]*"/,
    /^\S+ failed: .*$/,
    /retry in \d+s/,
    /quota exceeded.*/,
    /^(?:\d{1,3}\.){3}\d{1,3}$/,
    /\bretry in (\d+)s\b/,
    /(?<status>\d{3}) [A-Z][a-z]+/u,
    /^\p{Lu}\p{Ll}+Error: /u,
    /timeout after \d+ ?ms/,
  ];

  it.each(safe.map((pattern) => [pattern]))('accepts %s', (pattern) => {
    expect(() => compile(pattern)).not.toThrow();
  });

  it('refuses a pattern with more unbounded repetitions than it analyses', () => {
    expect(() => compile(new RegExp(`^${'a+b'.repeat(51)}`))).toThrow(/more than 50 unbounded repetitions/);
    expect(() => compile(new RegExp(`^${'a+b'.repeat(50)}`))).not.toThrow();
  });

  it('refuses a pattern longer than 2000 characters', () => {
    expect(() => compile(new RegExp('a'.repeat(2_001)))).toThrow(/longer than 2000/);
  });
});

describe('pattern text cap', () => {
  it('lets a pattern see the first 8,192 code units of each field, and no more', () => {
    const classifier = createClassifier({
      rules: [{ id: 'p', kind: 'k', action: 'drop', pattern: /needle/ }],
    });
    const at = (offset: number) => ({ message: `${'·'.repeat(offset)}needle` });
    expect(classifier.classify(at(8_192 - 6))?.rule).toBe('p');
    expect(classifier.classify(at(8_192 - 5))).toBeUndefined();
    // Substring conditions are not capped: they scan up to `maxTextLength`.
    const substring = createClassifier({ rules: [{ id: 's', kind: 'k', action: 'drop', all: ['needle'] }] });
    expect(substring.classify(at(100_000))?.rule).toBe('s');
  });

  it('caps each field on its own: a needle early in a second field still matches', () => {
    const classifier = createClassifier({
      rules: [{ id: 'p', kind: 'k', action: 'drop', pattern: /^Error: needle/ }],
    });
    const event = {
      message: '·'.repeat(20_000),
      exception: { values: [{ type: 'Error', value: `needle ${'·'.repeat(20_000)}` }] },
    };
    expect(classifier.classify(event)?.rule).toBe('p');
  });
});
