import { describe, expect, it } from 'vitest';
import { rules as examplePack } from '../../examples/recorded/rules.mjs';
import {
  authSessionRules,
  byoKeyGuardRules,
  categorizeUpstreamError,
  checkRules,
  createClassifier,
  emitSiteRules,
  httpClientRules,
  llmSdkRules,
  recommendedRules,
  sessionExpiredRules,
  stripeRules,
  TRANSIENT_STATUSES,
  transientUpstreamRules,
} from '../../src/index.js';
import { loadLibraryCorpus, rebuildError } from '../helpers/library-corpus.js';

describe('built-in rule packs', () => {
  it.each([
    ['byoKeyGuardRules', byoKeyGuardRules()],
    ['sessionExpiredRules', sessionExpiredRules()],
    ['transientUpstreamRules', transientUpstreamRules()],
    ['httpClientRules', httpClientRules()],
    ['authSessionRules', authSessionRules()],
    ['llmSdkRules', llmSdkRules()],
    ['stripeRules', stripeRules()],
    ['recommendedRules', recommendedRules()],
    [
      'all three together',
      [...byoKeyGuardRules(), ...sessionExpiredRules(), ...transientUpstreamRules({ action: 'drop' })],
    ],
    ['the example pack', examplePack],
  ])('%s pass their own self-test', (_name, rules) => {
    const report = checkRules(rules);
    expect(report.problems).toEqual([]);
    expect(report.examples).toBeGreaterThan(0);
  });

  it('lets every BYO-key 401 of the seeds through, even with every demoting pack installed', () => {
    const classifier = createClassifier({ rules: examplePack });
    const byoKey = [
      'OpenAI streaming API error (401 Unauthorized): invalid_api_key',
      'OpenAI streaming API error (401 Unauthorized): {"error":{"code":"invalid_api_key","message":"Incorrect API key provided"}}',
      'Anthropic streaming API error (401): authentication_error',
      'Embedding API error (401 Unauthorized): invalid_api_key',
      'Embedding API error (401): authentication_error',
      'OpenAI API error (401 Unauthorized): invalid_api_key',
      'Anthropic API error (401 Unauthorized): authentication_error',
      'OpenAI API error (401): unauthorized',
      'Invalid token',
      'got an invalid token here',
      'server returned 401',
      'see runbook for 401 handling at https://example.com/401',
      'OpenAI API error (500): internal server error',
      'session_expired lowercase',
    ];
    for (const text of byoKey) {
      const classification = createClassifier({ rules: examplePack }).classify({ message: text });
      expect([text, classification?.action ?? 'pass']).toEqual([
        text,
        expect.stringMatching(/^(report|pass)$/),
      ]);
    }
    expect(classifier.classify({ message: byoKey[0] })?.rule).toBe('openai-invalid-api-key');
  });

  it('applies the chosen action to every rule of a pack', () => {
    expect(new Set(transientUpstreamRules({ action: 'drop' }).map((rule) => rule.action))).toEqual(
      new Set(['drop']),
    );
    expect(new Set(sessionExpiredRules().map((rule) => rule.action))).toEqual(new Set(['breadcrumb']));
    expect(new Set(byoKeyGuardRules().map((rule) => rule.action))).toEqual(new Set(['report']));
  });

  it('never claims a 429 that categorizeUpstreamError calls a final quota failure', () => {
    const classifier = createClassifier({ rules: transientUpstreamRules() });
    const quota = loadLibraryCorpus().filter(({ expectation }) => expectation.kind === 'quota_exhausted');
    const recorded429 = quota.filter(
      ({ error }) => categorizeUpstreamError(rebuildError(error)).status === 429,
    );
    expect(recorded429.map(({ expectation }) => expectation.library)).toEqual(
      expect.arrayContaining(['openai', 'ai', '@google/genai']),
    );
    for (const { expectation, event, error } of recorded429) {
      const live = rebuildError(error);
      expect(categorizeUpstreamError(live)).toMatchObject({ reason: 'quota_exhausted', retryable: false });
      expect([expectation.file, classifier.classify(event, { originalException: live })]).toEqual([
        expectation.file,
        undefined,
      ]);
      expect([expectation.file, classifier.classify(event)]).toEqual([expectation.file, undefined]);
    }
    // The same wire text as an app logs it.
    expect(
      classifier.classify({
        message: 'OpenAI API error (429 Too Many Requests): {"error":{"code":"insufficient_quota"}}',
        tags: { status: '429' },
      }),
    ).toBeUndefined();
  });

  it('demotes the expiry casings real libraries emit: PostgREST "JWT expired", express-jwt, jsonwebtoken', () => {
    const classifier = createClassifier({ rules: sessionExpiredRules() });
    const expired = loadLibraryCorpus().filter(({ expectation }) =>
      ['@supabase/postgrest-js', 'express-jwt', 'jsonwebtoken'].includes(expectation.library),
    );
    const decided = expired.map(({ expectation, event }) => [
      expectation.file,
      classifier.classify(event)?.kind,
    ]);
    expect(decided.filter(([, kind]) => kind === 'session_expired').map(([file]) => file)).toEqual([
      '071-jsonwebtoken-expired.json',
      '084-express-jwt-expired.json',
      '093-supabase-postgrest-js-pgrst301-jwt-expired.json',
      '094-supabase-postgrest-js-pgrst303-jwt-expired.json',
    ]);
  });

  it('treats every transient status as transient and no other', () => {
    const classifier = createClassifier({ rules: transientUpstreamRules() });
    for (let status = 100; status <= 599; status++) {
      const matched =
        classifier.classify({ message: 'upstream failed', tags: { status: String(status) } }) !== undefined;
      expect([status, matched]).toEqual([status, TRANSIENT_STATUSES.includes(status)]);
    }
  });
});

describe('emitSiteRules', () => {
  it('makes one conjunctive rule per emit site', () => {
    const rules = emitSiteRules({
      kind: 'session_expired',
      envelope: '"error":"Invalid token"',
      sites: {
        chat: 'OpenHuman API error (401',
        streaming: { prefix: 'OpenHuman streaming API error (401' },
      },
    });
    expect(rules).toEqual([
      {
        id: 'chat',
        kind: 'session_expired',
        action: 'breadcrumb',
        all: ['OpenHuman API error (401', '"error":"Invalid token"'],
      },
      {
        id: 'streaming',
        kind: 'session_expired',
        action: 'breadcrumb',
        all: ['OpenHuman streaming API error (401', '"error":"Invalid token"'],
      },
    ]);
  });

  it('accepts several envelopes, any of which will do', () => {
    const [rule] = emitSiteRules({
      kind: 'k',
      action: 'drop',
      envelope: ['"a"', '"b"'],
      sites: { site: 'X error (401' },
    });
    const classifier = createClassifier({ rules: [rule as never] });
    expect(classifier.classify({ message: 'X error (401): "b"' })?.kind).toBe('k');
    expect(classifier.classify({ message: 'X error (401): "c"' })).toBeUndefined();
  });
});
