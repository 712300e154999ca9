import { describe, expect, it } from 'vitest';
import { createTextMatcher, type TextMatcherEntry } from '../../src/rules/text-matcher.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import { CAUSE_RULES } from '../../src/upstream/cause-rules.js';
import { SYMPTOM_RULES } from '../../src/upstream/symptom-rules.js';
import type { UpstreamErrorInfo } from '../../src/upstream/types.js';
import { USER_FACING_PHRASES } from '../../src/user-facing/rules.js';
import { userFacingError } from '../../src/user-facing/user-facing-error.js';

const TEXT_RULES: readonly TextMatcherEntry[] = [
  ...CAUSE_RULES,
  ...SYMPTOM_RULES,
  ...USER_FACING_PHRASES,
].filter((entry) => (entry.all?.length ?? 0) + (entry.any?.length ?? 0) > 0);

function titleCase(text: string): string {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

describe('built-in anchors', () => {
  it.each(TEXT_RULES.map((rule) => [rule.id, rule] as const))(
    '%s matches its anchors in any casing',
    (_id, rule) => {
      const matcher = createTextMatcher([rule]);
      const required = rule.all ?? [];
      for (const anchor of rule.any ?? [undefined]) {
        for (const casing of ['upper', 'lower', 'title'] as const) {
          const parts = [...required, ...(anchor === undefined ? [] : [anchor])].map((part) =>
            casing === 'upper'
              ? part.toUpperCase()
              : casing === 'lower'
                ? part.toLowerCase()
                : titleCase(part),
          );
          const text = `prefix ${parts.join(' … ')} suffix`;
          expect(matcher.match(text), text).toBe(rule.label);
        }
      }
    },
  );
});

/**
 * Strings as libraries and providers print them, in their own casing (each names its origin), and what
 * the taxonomy makes of them.
 */
const REAL_CASINGS: ReadonlyArray<readonly [string, string, Partial<UpstreamErrorInfo>]> = [
  ['Anthropic mid-stream overload', 'Overloaded', { type: 'overloaded' }],
  [
    'Bedrock throttling (AWS SDK v3 name and message)',
    'ThrottlingException: Too many requests, please wait before trying again.',
    { type: 'rate_limited' },
  ],
  ['Gemini gRPC status', 'RESOURCE_EXHAUSTED', { type: 'rate_limited' }],
  ['Mistral tier limit', 'Service tier capacity exceeded for this model.', { type: 'rate_limited' }],
  ['Azure missing deployment', 'DeploymentNotFound', { reason: 'model_not_found' }],
  [
    'Bedrock access (AWS SDK v3 name)',
    "AccessDeniedException: You don't have access to the model with the specified model ID.",
    { reason: 'permission_denied' },
  ],
  ['Anthropic via LiteLLM', 'Invalid API Key', { type: 'unauthorized', reason: 'invalid_api_key' }],
  ['Gemini', 'API key not valid. Please pass a valid API key.', { reason: 'invalid_api_key' }],
  ['Cohere', 'invalid api token', { reason: 'invalid_api_key' }],
  ['undici', 'HeadersTimeoutError: Headers Timeout Error', { type: 'timeout' }],
  [
    'undici connect timeout',
    'Connect Timeout Error (attempted address: api.openai.com:443, timeout: 10000ms)',
    { type: 'timeout' },
  ],
  ['AbortSignal.timeout()', 'TimeoutError: The operation was aborted due to timeout', { type: 'timeout' }],
  ['AbortController.abort()', 'AbortError: This operation was aborted', { reason: 'cancelled' }],
  ['Node DNS', 'getaddrinfo ENOTFOUND api.openai.com', { reason: 'network', retryable: false }],
  ['Node socket', 'read ECONNRESET', { reason: 'network', retryable: true }],
  ['a proxy page title', '413 Request Entity Too Large', { reason: 'request_too_large' }],
  ['nginx 504 page', '<html><head><title>504 Gateway Time-out</title></head></html>', { status: 504 }],
  [
    'OpenAI chat context overflow',
    "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.",
    { reason: 'context_overflow' },
  ],
  [
    'Anthropic billing',
    'Your credit balance is too low to access the Anthropic API.',
    { reason: 'quota_exhausted' },
  ],
];

describe('categorizeUpstreamError', () => {
  it.each(REAL_CASINGS)('reads %s as printed: %j', (_origin, text, expected) => {
    expect(categorizeUpstreamError(text)).toMatchObject(expected);
  });
});

describe('userFacingError', () => {
  it.each([
    ['LangChain AgentExecutor', 'Agent stopped due to max iterations.', 'iteration_limit'],
    ['OpenAI Agents SDK (name is "Error")', 'Error: Max turns (10) exceeded', 'iteration_limit'],
    [
      'LangGraph',
      'GraphRecursionError: Recursion limit of 25 reached without hitting a stop condition.',
      'iteration_limit',
    ],
    ['ironclaw', 'Session expired for provider nearai', 'auth_failure'],
    ['ironclaw', "Authentication failed for provider 'nearai'.", 'auth_failure'],
    ['ironclaw traceback', 'RuntimeError: LLM call failed: empty response', 'llm_unavailable'],
  ])('reads %s as printed: %j', (_origin, text, category) => {
    expect(userFacingError(text).category).toBe(category);
  });
});
