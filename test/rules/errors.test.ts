import { describe, expect, it } from 'vitest';
import {
  createClassifier,
  expectedErrorsIntegration,
  RuleConfigError,
  SentryExpectedErrorsError,
} from '../../src/index.js';

const configError = (rules: unknown): RuleConfigError => {
  try {
    createClassifier({ rules: rules as never });
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
};

describe('RuleConfigError', () => {
  const valid = { kind: 'k', action: 'drop', any: ['x'] };

  it.each([
    [[{ ...valid, all: [] }], 0, 'all', 'must be a non-empty array of non-empty strings'],
    [[valid, { ...valid, id: 'second', all: 'text' }], 1, 'all', 'must be a non-empty array'],
    [[{ ...valid, any: ['ok', ''] }], 0, 'any[1]', 'must be a non-empty string'],
    [[{ ...valid, none: [3] }], 0, 'none[0]', 'must be a non-empty string'],
    [[{ ...valid, kind: '' }], 0, 'kind', 'non-empty string'],
    [[{ ...valid, action: 'ignore' }], 0, 'action', "'drop', 'breadcrumb' or 'report'"],
    [[{ ...valid, ignoreCase: 'yes' }], 0, 'ignoreCase', 'boolean'],
    [[{ ...valid, pattern: 'jwt' }], 0, 'pattern', 'must be a RegExp'],
    [[{ ...valid, status: 4010 }], 0, 'status', 'HTTP status'],
    [[{ ...valid, status: [401, '403'] }], 0, 'status[1]', 'HTTP status'],
    [[{ ...valid, status: [] }], 0, 'status', 'non-empty array'],
    [[{ ...valid, exceptionType: [''] }], 0, 'exceptionType[0]', 'non-empty string'],
    [[{ ...valid, tags: {} }], 0, 'tags', 'non-empty object'],
    [[{ ...valid, tags: { method: { verb: 'GET' } } }], 0, 'tags.method', 'string, number or boolean'],
    [[{ ...valid, examples: { match: [{ status: 401 }] } }], 0, 'examples.match[0]', '{ text'],
    [[{ ...valid, examples: { matches: [] } }], 0, 'examples.matches', 'not an examples field'],
    [[{ ...valid, alll: ['x'] }], 0, 'alll', 'is not a rule field'],
    [[{ ...valid, summary: 'hidden' }], 0, 'summary', "'redacted' or 'withheld'"],
    [[{ kind: 'k', action: 'drop', none: ['x'] }], 0, 'rule', 'sets no condition'],
    [[null], 0, 'rule', 'plain object'],
    [[valid, { ...valid, id: 'k#0' }], 1, 'id', 'duplicates the id of rule #0'],
  ])('names rule and field for %j', (rules, ruleIndex, field, problem) => {
    const error = configError(rules);
    expect(error.ruleIndex).toBe(ruleIndex);
    expect(error.field).toBe(field);
    expect(error.message).toContain(`rule #${ruleIndex}`);
    expect(error.message).toContain(`\`${field}\``);
    expect(error.message).toContain(problem);
    expect(error.code).toBe('RULE_CONFIG');
  });

  it('names the rule by id when it has one', () => {
    const error = configError([
      valid,
      { id: 'session-expired', kind: 'session_expired', action: 'drop', all: [] },
    ]);
    expect(error.message).toBe(
      'rule #1 ("session-expired"): `all` must be a non-empty array of non-empty strings',
    );
    expect(error.ruleId).toBe('session-expired');
  });

  it('refuses rules that are not an array', () => {
    expect(configError('nope').field).toBe('rules');
  });

  it('is thrown when the integration is constructed, not when an event arrives', () => {
    expect(() => expectedErrorsIntegration({ rules: [{ kind: 'k', action: 'drop' }] as never })).toThrow(
      RuleConfigError,
    );
  });

  it('is recognized across copies through its marker, not instanceof', () => {
    const foreign = Object.defineProperty(
      new Error('from another copy'),
      Symbol.for('sentry-expected-errors.rule-config-error'),
      {
        value: true,
      },
    );
    expect(RuleConfigError.isInstance(foreign)).toBe(true);
    expect(RuleConfigError.isInstance(new Error('plain'))).toBe(false);
    expect(SentryExpectedErrorsError.isInstance(configError([{}]))).toBe(true);
  });
});
