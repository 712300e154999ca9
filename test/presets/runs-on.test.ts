import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Rule } from '../../src/index.js';
import {
  checkRules,
  createClassifier,
  httpClientRules,
  llmSdkRules,
  RuleConfigError,
  recommendedRules,
  stripeRules,
} from '../../src/index.js';

function thrownBy(action: () => unknown): RuleConfigError {
  try {
    action();
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
}

/** An exception chain as the SDK serializes it: causes first, the captured error last. */
function event(...exceptions: readonly (readonly [string, string])[]) {
  return { exception: { values: exceptions.map(([type, value]) => ({ type, value })) } };
}

function decide(rules: Rule[], input: object) {
  const classification = createClassifier({ rules }).classify(input);
  return classification === undefined ? 'pass' : `${classification.action} ${classification.kind}`;
}

/** Other libraries' errors in Node's words: the app's own database, cache and mail relay. */
const INFRASTRUCTURE = [
  event(['Error', 'connect ECONNREFUSED 127.0.0.1:5432']), // pg
  event(['Error', 'connect ECONNREFUSED 127.0.0.1:6379']), // ioredis
  event(['Error', 'connect ECONNREFUSED 127.0.0.1:3306']), // mysql2
  event(['Error', 'connect ECONNREFUSED 127.0.0.1:587']), // nodemailer (code ESOCKET)
  event(['Error', 'Connection timeout']), // nodemailer (code ETIMEDOUT)
  event(['Error', 'getaddrinfo ENOTFOUND db.internal']), // pg
  event(['Error', 'read ECONNRESET']), // ioredis
  event(['Error', 'connect ETIMEDOUT 10.0.0.5:5432']), // pg
];

describe('runsOn', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('demotes an HTTP client’s failed connection on a device and lets it pass on a server', () => {
    const refused = event(['Error', 'connect ECONNREFUSED 127.0.0.1:8080'], ['TypeError', 'fetch failed']);
    const dns = event(['RequestError', 'getaddrinfo ENOTFOUND api.example.com']);
    const reset = event(['SocketError', 'other side closed'], ['TypeError', 'fetch failed']);
    const timeout = event(['AxiosError', 'timeout of 5000ms exceeded']);
    const device = recommendedRules({ runsOn: 'device' });
    const server = recommendedRules({ runsOn: 'server' });
    expect([refused, dns, reset, timeout].map((input) => decide(device, input))).toEqual([
      'breadcrumb connection_refused',
      'breadcrumb dns_failure',
      'breadcrumb connection_reset',
      'breadcrumb client_timeout',
    ]);
    expect([refused, dns, reset, timeout].map((input) => decide(server, input))).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
  });

  it('never reads a database, cache or mail error as an HTTP client’s, on a device either', () => {
    for (const rules of [recommendedRules({ runsOn: 'device' }), recommendedRules({ runsOn: 'server' })]) {
      expect(INFRASTRUCTURE.map((input) => decide(rules, input))).toEqual(INFRASTRUCTURE.map(() => 'pass'));
    }
  });

  it('demotes a provider SDK’s timeout on a server too: its identity says third party', () => {
    const timedOut = event(['APIConnectionTimeoutError', 'Request timed out.']);
    expect(decide(recommendedRules({ runsOn: 'server' }), timedOut)).toBe('breadcrumb client_timeout');
  });

  it('demotes an LLM SDK’s hidden connection failure on a device only', () => {
    const failed = event([
      'Error',
      '[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent: fetch failed',
    ]);
    expect(decide(llmSdkRules({ runsOn: 'device' }), failed)).toBe('breadcrumb connection_failed');
    expect(decide(llmSdkRules({ runsOn: 'server' }), failed)).toBe('pass');
  });

  it('defaults to device in a page, Electron or Tauri, else server', () => {
    const kinds = () => new Set(recommendedRules().map((rule) => rule.kind));
    expect(kinds().has('connection_refused')).toBe(false);
    vi.stubGlobal('document', {});
    expect(kinds().has('connection_refused')).toBe(true);
    vi.unstubAllGlobals();
    vi.stubGlobal('__TAURI_INTERNALS__', {});
    expect(kinds().has('dns_failure')).toBe(true);
    vi.unstubAllGlobals();
    vi.stubGlobal('process', { ...process, versions: { ...process.versions, electron: '33.0.0' } });
    expect(new Set(httpClientRules().map((rule) => rule.kind)).has('connection_reset')).toBe(true);
  });

  it('lets a pack’s own runsOn win over recommendedRules’', () => {
    const rules = recommendedRules({ runsOn: 'server', httpClient: { runsOn: 'device' } });
    expect(rules.some((rule) => rule.kind === 'connection_refused')).toBe(true);
    expect(rules.some((rule) => rule.id === 'llm-sdk-connection-failed')).toBe(false);
    expect(rules.some((rule) => rule.id === 'stripe-connection-error')).toBe(false);
  });

  it.each([
    ['recommendedRules', () => recommendedRules({ runsOn: 'browser' as never })],
    ['httpClientRules', () => httpClientRules({ runsOn: 'Server' as never })],
    ['llmSdkRules', () => llmSdkRules({ runsOn: true as never })],
    ['stripeRules', () => stripeRules({ runsOn: 'edge' as never })],
  ])('%s refuses a misspelt runsOn, naming it', (pack, call) => {
    const error = thrownBy(call);
    expect(error.field).toBe('runsOn');
    expect(error.message.startsWith(`${pack}: \`runsOn\` `)).toBe(true);
  });

  it('passes its own self-test in both modes, with third-party hosts', () => {
    for (const runsOn of ['server', 'device'] as const) {
      for (const rules of [
        httpClientRules({ runsOn, thirdPartyHosts: ['*.openai.com', 'api.stripe.com'] }),
        llmSdkRules({ runsOn }),
        stripeRules({ runsOn }),
        recommendedRules({ runsOn }),
        recommendedRules({ runsOn, thirdPartyHosts: ['api.stripe.com'] }),
      ]) {
        expect(checkRules(rules).problems).toEqual([]);
      }
    }
  });
});

describe('generic HTTP clients’ 5xx and thirdPartyHosts', () => {
  const got503 = (url: string) =>
    event(['HTTPError', `Request failed with status code 503 (Service Unavailable): GET ${url}`]);

  it('lets a generic client’s 5xx pass by default, and keeps demoting a 429', () => {
    const rules = recommendedRules({ runsOn: 'server' });
    expect(decide(rules, got503('https://api.openai.com/v1/models'))).toBe('pass');
    expect(decide(rules, event(['AxiosError', 'Request failed with status code 502']))).toBe('pass');
    expect(decide(rules, event(['AxiosError', 'Request failed with status code 429']))).toBe(
      'breadcrumb transient_upstream',
    );
  });

  it('demotes a retryable status from a third-party host named in the message, and nothing else', () => {
    const rules = recommendedRules({ thirdPartyHosts: ['*.openai.com', 'api.stripe.com'] });
    expect(decide(rules, got503('https://api.openai.com/v1/models'))).toBe('breadcrumb transient_upstream');
    expect(decide(rules, got503('https://api.stripe.com:443/v1/charges'))).toBe(
      'breadcrumb transient_upstream',
    );
    for (const url of [
      'https://backend.internal/v1/items',
      'https://openai.com/v1/models',
      'https://evilopenai.com/v1',
      'https://api.openai.com.evil.io/v1',
      'https://stripe.com/v1',
    ]) {
      expect(decide(rules, got503(url)), url).toBe('pass');
    }
  });

  it.each([
    [['*.openai.com', 5], 'thirdPartyHosts[1]'],
    ['api.openai.com', 'thirdPartyHosts'],
    [['https://api.openai.com'], 'thirdPartyHosts[0]'],
    [['api.*.com'], 'thirdPartyHosts[0]'],
  ])('refuses thirdPartyHosts %j, naming %s', (hosts, field) => {
    for (const [pack, call] of [
      ['recommendedRules', () => recommendedRules({ thirdPartyHosts: hosts as never })],
      ['httpClientRules', () => httpClientRules({ thirdPartyHosts: hosts as never })],
    ] as const) {
      const error = thrownBy(call);
      expect(error.field).toBe(field);
      expect(error.message.startsWith(`${pack}: \`${field}\` `)).toBe(true);
    }
  });
});
