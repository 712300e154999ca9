import { describe, expect, it } from 'vitest';
import { createClassifier, RuleConfigError } from '../src/index.js';

const compile = (pattern: RegExp) =>
  createClassifier({ rules: [{ id: 'evil', kind: 'k', action: 'drop', pattern }] });

describe('pattern safety', () => {
  // Classic catastrophic-backtracking shapes (OWASP ReDoS examples and their relatives).
  const evil = [
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
  ];

  it.each(evil.map((pattern) => [pattern]))('refuses %s at construction', (pattern) => {
    expect(() => compile(pattern)).toThrow(RuleConfigError);
    expect(() => compile(pattern)).toThrow(/rule #0 \("evil"\): `pattern` can backtrack catastrophically/);
  });

  const safe = [
    /^(?:GET|POST|PUT|DELETE|PATCH) \/\S* failed \(401/,
    /api error \((?:408|429|50[234])\b/i,
    /"error":\s*"Invalid token"/,
    /quota \d+%/,
    /^provider returned 404/,
    /(?:foo|bar)+/,
  ];

  it.each(safe.map((pattern) => [pattern]))('accepts %s', (pattern) => {
    expect(() => compile(pattern)).not.toThrow();
  });

  it('refuses a pattern longer than 2000 characters', () => {
    expect(() => compile(new RegExp('a'.repeat(2_001)))).toThrow(/longer than 2000/);
  });
});
