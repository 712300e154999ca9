import { describe, expect, it } from 'vitest';
import { checkRules, emitSiteRules, type Rule, RuleConfigError } from '../../src/index.js';

const EMBEDDING_401 = 'Embedding API error (401 Unauthorized): {"success":false,"error":"Invalid token"}';

describe('checkRules', () => {
  it('passes a rule set whose examples are each decided by their own rule', () => {
    const report = checkRules([
      {
        id: 'a',
        kind: 'a',
        action: 'drop',
        all: ['alpha'],
        examples: { match: ['alpha one'], noMatch: ['beta'] },
      },
      { id: 'b', kind: 'b', action: 'drop', all: ['beta'], examples: { match: ['beta two'] } },
    ]);
    expect(report).toEqual({ ok: true, rules: 2, examples: 3, problems: [] });
  });

  it('catches an example claimed by an earlier, broader rule (the seed-000 #2830/#2786 failure)', () => {
    // #2830's matcher (lowercased, no envelope anchor) landed ahead of #2786's session-expired arm.
    const rules: Rule[] = [
      {
        id: 'embedding-backend-auth-failure',
        kind: 'backend_user_error',
        action: 'breadcrumb',
        ignoreCase: true,
        all: ['embedding api error', '401', 'invalid token'],
        examples: {
          match: ['Embedding API error 401 Unauthorized: {"success":false,"error":"Invalid token"}'],
        },
      },
      ...emitSiteRules({
        kind: 'session_expired',
        envelope: '"error":"Invalid token"',
        sites: {
          'embedding-invalid-token': {
            prefix: 'Embedding API error (401',
            examples: { match: [EMBEDDING_401] },
          },
        },
      }),
    ];
    const report = checkRules(rules);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'shadowed-rule',
          rule: 'embedding-invalid-token',
          by: 'embedding-backend-auth-failure',
        }),
        expect.objectContaining({
          code: 'example-claimed',
          rule: 'embedding-invalid-token',
          by: 'embedding-backend-auth-failure',
          example: EMBEDDING_401,
        }),
      ]),
    );
    // Putting the narrow rule first (the #2867 proposal) makes the set consistent again.
    expect(checkRules([rules[1], rules[0]] as Rule[]).ok).toBe(true);
  });

  it('reports an example that a guard claims', () => {
    const report = checkRules([
      {
        id: 'guard',
        kind: 'byo',
        action: 'report',
        any: ['invalid_api_key'],
        examples: { match: ['invalid_api_key'] },
      },
      {
        id: 'demote',
        kind: 'k',
        action: 'drop',
        any: ['API error (401'],
        examples: { match: ['API error (401): invalid_api_key'] },
      },
    ]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        code: 'example-claimed',
        rule: 'demote',
        by: 'guard',
        message: expect.stringContaining('guard #0'),
      }),
    ]);
  });

  it('reports an example its rule does not match, and a noMatch example it does', () => {
    const report = checkRules([
      {
        id: 'r',
        kind: 'k',
        action: 'drop',
        all: ['timeout'],
        examples: { match: ['Timeout'], noMatch: ['socket timeout'] },
      },
    ]);
    expect(report.problems.map((problem) => problem.code)).toEqual([
      'example-not-matched',
      'no-match-example-matches',
    ]);
  });

  it('checks structured example facts (status, type, tags)', () => {
    const report = checkRules([
      {
        id: 'typed-401',
        kind: 'session_expired',
        action: 'breadcrumb',
        exceptionType: 'BackendApiError',
        status: 401,
        tags: { domain: 'backend_api' },
        examples: {
          match: [
            {
              text: 'BackendApiError: rejected',
              exceptionType: 'BackendApiError',
              status: 401,
              tags: { domain: 'backend_api' },
            },
          ],
          noMatch: [
            {
              text: 'BackendApiError: forbidden',
              exceptionType: 'BackendApiError',
              status: 403,
              tags: { domain: 'backend_api' },
            },
            'BackendApiError: rejected (401)',
          ],
        },
      },
    ]);
    expect(report.ok).toBe(true);
  });

  it('reports a rule without examples, and a self-contradicting rule', () => {
    const report = checkRules([
      { id: 'bare', kind: 'k', action: 'drop', any: ['x'] },
      {
        id: 'never',
        kind: 'k',
        action: 'drop',
        all: ['api error (401'],
        none: ['(401'],
        examples: { match: ['api error (401'] },
      },
    ]);
    expect(report.problems.map((problem) => [problem.rule, problem.code])).toEqual([
      ['bare', 'no-examples'],
      ['never', 'unsatisfiable'],
      ['never', 'example-not-matched'],
    ]);
  });

  it('does not call a rule shadowed when the earlier rule is narrower in any way', () => {
    const report = checkRules([
      {
        id: 'status-only-429',
        kind: 'k',
        action: 'drop',
        status: 429,
        all: ['rate'],
        examples: { match: [{ text: 'rate', status: 429 }] },
      },
      { id: 'any-rate', kind: 'k', action: 'drop', all: ['rate limit'], examples: { match: ['rate limit'] } },
      {
        id: 'guarded',
        kind: 'k',
        action: 'drop',
        all: ['quota'],
        none: ['monthly'],
        examples: { match: ['quota'] },
      },
      {
        id: 'quota-day',
        kind: 'k',
        action: 'drop',
        all: ['daily quota'],
        examples: { match: ['monthly daily quota'] },
      },
    ]);
    expect(report.problems.filter((problem) => problem.code === 'shadowed-rule')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('throws RuleConfigError for a malformed rule', () => {
    expect(() => checkRules([{ kind: 'k', action: 'drop', all: [] }])).toThrow(RuleConfigError);
  });
});
