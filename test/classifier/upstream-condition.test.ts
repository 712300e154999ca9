import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { checkRules, createClassifier, type Rule, RuleConfigError } from '../../src/index.js';
import { upstreamTagsOf } from '../../src/integration/upstream-tags.js';
import type { Facts, UpstreamFacts } from '../../src/rules/facts.js';
import { indexedMatcher } from '../../src/rules/indexed-match.js';
import { compileLinearPattern } from '../../src/rules/linear-pattern.js';
import { normalizeRules } from '../../src/rules/validate.js';
import { eventUpstreamError } from '../../src/upstream/from-event.js';

/** The engine's matcher for `rules`, scanning up to `maxTextLength` code units of a field. */
function matcherFor(rules: readonly unknown[], maxTextLength: number) {
  return indexedMatcher(normalizeRules(rules, compileLinearPattern), maxTextLength);
}

const providerBody = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8'));
const openAiError = (status: number, fixture: string) =>
  OpenAI.APIError.generate(
    status,
    providerBody(fixture) as Record<string, unknown>,
    undefined,
    new Headers(),
  );

const transient: Rule = {
  id: 'transient',
  kind: 'upstream_transient',
  action: 'drop',
  upstream: { type: ['rate_limited', 'overloaded', 'server_error', 'timeout'], retryable: true },
};

describe('rule condition `upstream`', () => {
  it('matches a live retryable 429 and lets a 429 `insufficient_quota` through (issue 10, defect 3)', () => {
    const classifier = createClassifier({ rules: [transient] });
    const rateLimited = openAiError(429, 'openai-429-rate-limit-exceeded.json');
    const quota = openAiError(429, 'openai-429-insufficient-quota.json');
    const event = (error: Error) => ({ exception: { values: [{ type: 'Error', value: error.message }] } });
    expect(classifier.classify(event(rateLimited), { originalException: rateLimited })?.rule).toBe(
      'transient',
    );
    expect(classifier.classify(event(quota), { originalException: quota })).toBeUndefined();
  });

  it('reads a recorded event (no hint): its exception chain, message and status tag', () => {
    const classifier = createClassifier({
      rules: [
        { id: 'quota', kind: 'quota', action: 'report', upstream: { reason: 'quota_exhausted' } },
        transient,
      ],
    });
    const recorded = (value: string, tags?: Record<string, string>) => ({
      exception: { values: [{ type: 'Error', value }] },
      ...(tags ? { tags } : {}),
    });
    expect(classifier.classify(recorded('OpenAI API error (503 Service Unavailable)'))?.rule).toBe(
      'transient',
    );
    expect(classifier.classify(recorded('429 You exceeded your current quota'))?.rule).toBe('quota');
    expect(
      classifier.classify(recorded('request failed', { 'http.response.status_code': '502' }))?.rule,
    ).toBe('transient');
    expect(classifier.classify(recorded('request failed'))).toBeUndefined();
    expect(classifier.classify({ message: 'Upstream returned 503 Service Unavailable' })?.rule).toBe(
      'transient',
    );
    // The cause is read too: an app's wrapper says nothing without the system error under it.
    const chain = {
      exception: {
        values: [
          { type: 'Error', value: 'connect ECONNREFUSED 127.0.0.1:443' },
          { type: 'ChatError', value: 'chat turn failed' },
        ],
      },
    };
    const network: Rule = { id: 'network', kind: 'offline', action: 'drop', upstream: { reason: 'network' } };
    expect(createClassifier({ rules: [network] }).classify(chain)?.rule).toBe('network');
    expect(
      createClassifier({ rules: [network] }).classify({ exception: { values: [chain.exception.values[1]] } }),
    ).toBeUndefined();
  });

  it('agrees with the `upstreamTags` option on every event (one reader decides both)', () => {
    expect.hasAssertions();
    const events: Array<[event: unknown, error: unknown]> = [
      [
        { exception: { values: [{ type: 'Error', value: 'OpenAI API error (503 Service Unavailable)' }] } },
        undefined,
      ],
      [{ message: 'HTTP 429 Too Many Requests' }, undefined],
      [
        { exception: { values: [{ type: 'Error', value: 'boom' }] } },
        openAiError(429, 'openai-429-insufficient-quota.json'),
      ],
      [
        { exception: { values: [{ type: 'Error', value: 'boom' }] } },
        openAiError(429, 'openai-429-rate-limit-exceeded.json'),
      ],
      [
        {
          exception: {
            values: [{ type: 'TypeError', value: "Cannot read properties of undefined (reading 'id')" }],
          },
        },
        undefined,
      ],
    ];
    for (const [event, error] of events) {
      const info = eventUpstreamError(event, error);
      const tags = upstreamTagsOf(info);
      for (const type of ['rate_limited', 'server_error', 'unknown'] as const) {
        for (const retryable of [true, false]) {
          const classifier = createClassifier({
            rules: [{ id: 'r', kind: 'k', action: 'drop', upstream: { type, retryable } }],
          });
          const matched = classifier.classify(event, { originalException: error }) !== undefined;
          expect(matched).toBe(info?.type === type && info.retryable === retryable);
          if (matched && type !== 'unknown') {
            expect(tags).toMatchObject({ 'upstream.type': type, 'upstream.retryable': String(retryable) });
          }
        }
      }
    }
  });

  it('compares each property given: one of the types, one of the reasons, the retryable flag', () => {
    const facts = (upstream: UpstreamFacts | undefined): Facts => ({
      fields: [],
      statuses: [],
      exceptionTypes: [],
      tags: undefined,
      upstream: () => upstream,
    });
    const decide = (condition: Rule['upstream'], upstream: UpstreamFacts | undefined) =>
      matcherFor([{ kind: 'k', action: 'drop', upstream: condition }], 1_000).match(facts(upstream)) !==
      undefined;
    expect(decide({ type: 'timeout' }, { type: 'timeout', retryable: true })).toBe(true);
    expect(decide({ type: ['overloaded', 'timeout'] }, { type: 'timeout', retryable: true })).toBe(true);
    expect(decide({ type: 'overloaded' }, { type: 'timeout', retryable: true })).toBe(false);
    expect(decide({ reason: 'network' }, { type: 'unknown', reason: 'network', retryable: true })).toBe(true);
    expect(decide({ reason: ['tls', 'network'] }, { type: 'unknown', retryable: true })).toBe(false);
    expect(
      decide({ retryable: false }, { type: 'rate_limited', reason: 'quota_exhausted', retryable: false }),
    ).toBe(true);
    expect(decide({ retryable: false }, { type: 'rate_limited', retryable: true })).toBe(false);
    expect(decide({ type: 'unknown' }, undefined)).toBe(false);
  });

  it('reads the upstream error only when every cheaper condition holds, and once per match', () => {
    const rules: Rule[] = [
      { id: 'a', kind: 'k', action: 'drop', all: ['needle'], upstream: { type: 'timeout' } },
      { id: 'b', kind: 'k', action: 'drop', status: 504, upstream: { type: 'timeout', retryable: false } },
      { id: 'c', kind: 'k', action: 'breadcrumb', upstream: { type: 'timeout' } },
      { id: 'guard', kind: 'k', action: 'report', upstream: { reason: 'cancelled' } },
    ];
    const matcher = matcherFor(rules, 1_000);
    let calls = 0;
    const facts = (text: string, statuses: number[] = []): Facts => ({
      fields: [[text]],
      statuses,
      exceptionTypes: [],
      tags: undefined,
      upstream: () => {
        calls++;
        return { type: 'timeout', retryable: true };
      },
    });
    expect(matcher.match(facts('needle', [504]))?.id).toBe('a');
    expect(calls).toBe(1);
    expect(matcher.matchAll(facts('needle', [504])).map((rule) => rule.id)).toEqual(['a', 'c']);
    expect(calls).toBe(2);

    const cheap = matcherFor([rules[0] as Rule, rules[1] as Rule], 1_000);
    calls = 0;
    expect(cheap.match(facts('no anchor here', [500]))).toBeUndefined();
    expect(calls).toBe(0);
  });

  it('carries `upstream` examples through checkRules', () => {
    const report = checkRules([
      {
        ...transient,
        examples: {
          match: [{ text: 'OpenAI API error (503)', upstream: { type: 'server_error', retryable: true } }],
          noMatch: [
            {
              text: '429 quota',
              upstream: { type: 'rate_limited', reason: 'quota_exhausted', retryable: false },
            },
            'no upstream error at all',
          ],
        },
      },
    ]);
    expect(report.problems).toEqual([]);
    const broken = checkRules([
      { ...transient, examples: { match: [{ text: 'x', upstream: { type: 'timeout', retryable: false } }] } },
    ]);
    expect(broken.problems.map((problem) => problem.code)).toEqual(['example-not-matched']);
  });

  it.each([
    [{ upstream: {} }, 'upstream', 'non-empty object'],
    [{ upstream: 'rate_limited' }, 'upstream', 'non-empty object'],
    [{ upstream: { type: 'rate_limit' } }, 'upstream.type', 'one of bad_request'],
    [{ upstream: { type: ['timeout', 'slow'] } }, 'upstream.type[1]', 'one of bad_request'],
    [{ upstream: { type: [] } }, 'upstream.type', 'non-empty array'],
    [{ upstream: { reason: 'quota' } }, 'upstream.reason', 'one of context_overflow'],
    [{ upstream: { retryable: 'yes' } }, 'upstream.retryable', 'boolean'],
    [{ upstream: { status: 429 } }, 'upstream.status', 'not an upstream field'],
    [
      { upstream: { type: 'timeout' }, examples: { match: [{ text: 'x', upstream: { type: 'slow' } }] } },
      'examples.match[0].upstream',
      'must be { type, retryable',
    ],
  ])('refuses %j naming the field', (fields, field, problem) => {
    const build = () =>
      createClassifier({ rules: [{ id: 'bad', kind: 'k', action: 'drop', ...fields } as Rule] });
    expect(build).toThrow(RuleConfigError);
    expect(build).toThrow(`rule #0 ("bad"): \`${field}\``);
    expect(build).toThrow(problem);
  });
});

describe('checkRules with `upstream`', () => {
  const rule = (id: string, upstream: Rule['upstream'], extra: Partial<Rule> = {}): Rule => ({
    id,
    kind: 'k',
    action: 'drop',
    ...(upstream === undefined ? {} : { upstream }),
    ...extra,
    examples: { match: [{ text: 'x', upstream: { type: 'timeout', retryable: true } }] },
  });
  const shadowed = (rules: Rule[]) =>
    checkRules(rules)
      .problems.filter((problem) => problem.code === 'shadowed-rule')
      .map((problem) => problem.rule);

  it('calls a rule shadowed only when an earlier upstream condition covers its own', () => {
    expect(
      shadowed([
        rule('broad', { type: ['timeout', 'overloaded'] }),
        rule('narrow', { type: 'timeout', retryable: true }),
      ]),
    ).toEqual(['narrow']);
    expect(
      shadowed([
        rule('broad', { retryable: true }),
        rule('narrow', { type: 'timeout', retryable: true }, { all: ['x'] }),
      ]),
    ).toEqual(['narrow']);
    expect(shadowed([rule('typed', { type: 'timeout' }), rule('any-type', { retryable: true })])).toEqual([]);
    expect(
      shadowed([rule('retryable', { retryable: true }), rule('not', { type: 'timeout', retryable: false })]),
    ).toEqual([]);
    expect(
      shadowed([rule('upstream', { type: 'timeout' }), rule('text', undefined, { all: ['x'] })]),
    ).toEqual([]);
  });
});
