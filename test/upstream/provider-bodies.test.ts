import { readFileSync } from 'node:fs';
import { APICallError } from '@ai-sdk/provider';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}

/** The error an AI SDK provider package (`@ai-sdk/google`, `@ai-sdk/cohere`…) throws for a failed call. */
function apiCallError(statusCode: number, responseBody: string): APICallError {
  return new APICallError({
    message: 'Provider API call failed',
    url: 'https://provider.example/v1/generate',
    requestBodyValues: {},
    statusCode,
    responseBody,
  });
}

describe('categorizeUpstreamError', () => {
  describe('Gemini bodies', () => {
    it('reads details[].reason API_KEY_INVALID on a 400 as an auth failure, keeping the status', () => {
      const info = categorizeUpstreamError(apiCallError(400, fixture('gemini-400-api-key-invalid.json')));
      expect(info).toMatchObject({
        type: 'unauthorized',
        reason: 'invalid_api_key',
        retryable: false,
        status: 400,
      });
    });

    it('reads a 429 RESOURCE_EXHAUSTED with RetryInfo as a per-minute limit, not an exhausted quota', () => {
      const info = categorizeUpstreamError(apiCallError(429, fixture('gemini-429-retry-info.json')));
      expect(info).toEqual({
        type: 'rate_limited',
        retryable: true,
        status: 429,
        retryAfterMs: 34_400,
        message: 'Provider API call failed',
      });
    });

    it('reads the same quota sentence without a retry delay as an exhausted quota', () => {
      const body = JSON.parse(fixture('gemini-429-retry-info.json')) as { error: { details: unknown[] } };
      body.error.details = body.error.details.slice(0, 1);
      const info = categorizeUpstreamError(apiCallError(429, JSON.stringify(body)));
      expect(info).toMatchObject({ type: 'rate_limited', reason: 'quota_exhausted', retryable: false });
    });

    it.each([
      [
        'The input token count (1196265) exceeds the maximum number of tokens allowed (1048575)',
        400,
        'context_overflow',
      ],
      ['The response was blocked.', 400, 'content_policy'],
    ])('reads the Gemini message %j', (message, code, reason) => {
      const body = JSON.stringify({ error: { code, message, status: 'INVALID_ARGUMENT' } });
      expect(categorizeUpstreamError(apiCallError(code, body))).toMatchObject({
        reason,
        type: 'bad_request',
      });
    });

    it.each([
      [500, 'INTERNAL', 'An internal error has occurred.', 'server_error'],
      [503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.', 'overloaded'],
      [504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.', 'timeout'],
      [403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers.", 'unauthorized'],
    ])('reads Gemini %i %s', (code, status, message, type) => {
      const body = JSON.stringify({ error: { code, message, status } });
      expect(categorizeUpstreamError(apiCallError(code, body))).toMatchObject({ type, status: code });
    });
  });

  describe('OpenRouter bodies (numeric `code`)', () => {
    it('reads a 402 insufficient-credits error as an exhausted quota', () => {
      const error = OpenAI.APIError.generate(
        402,
        {
          error: { code: 402, message: 'Insufficient credits. Add more using https://openrouter.ai/credits' },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unknown',
        reason: 'quota_exhausted',
        retryable: false,
        status: 402,
      });
    });

    it('reads a mid-stream error sent with HTTP 200 from its numeric code', () => {
      // The openai client raises `data.error` of an SSE chunk as an APIError without status.
      const error = new OpenAI.APIError(
        undefined,
        { code: 429, message: 'Rate limit exceeded: free-models-per-min.' },
        undefined,
        undefined,
      );
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'rate_limited',
        status: 429,
        retryable: true,
      });
    });

    it('reads a 403 moderation block (metadata.reasons, flagged_input) as a content-policy refusal', () => {
      const error = OpenAI.APIError.generate(
        403,
        {
          error: {
            code: 403,
            message:
              'openai/gpt-4o requires moderation on OpenRouter. Your input was flagged for "harassment"',
            metadata: {
              reasons: ['harassment'],
              flagged_input: '...',
              provider_name: 'OpenAI',
              model_slug: 'openai/gpt-4o',
            },
          },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(error)).toMatchObject({
        reason: 'content_policy',
        retryable: false,
        status: 403,
      });
    });

    it("reads the provider's raw body OpenRouter forwards in metadata.raw", () => {
      const error = OpenAI.APIError.generate(
        400,
        {
          error: {
            code: 400,
            message: 'Provider returned error',
            metadata: { raw: fixture('anthropic-400-prompt-too-long.json'), provider_name: 'Anthropic' },
          },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(error)).toMatchObject({ reason: 'context_overflow', status: 400 });
    });
  });

  describe('Cohere and Voyage bodies', () => {
    it.each([
      ['cohere-400-too-many-tokens.json', { type: 'bad_request', reason: 'context_overflow' }],
      ['cohere-400-max-tokens.json', { type: 'bad_request' }],
      ['cohere-400-invalid-request.json', { type: 'bad_request' }],
    ])('reads the Cohere body %s', (name, expected) => {
      const info = categorizeUpstreamError(apiCallError(400, fixture(name)));
      expect(info).toMatchObject({ ...expected, status: 400, retryable: false });
      if (!('reason' in expected)) expect(info.reason).toBeUndefined();
    });

    it('reads a Cohere 401 invalid api token', () => {
      const info = categorizeUpstreamError(apiCallError(401, '{"message": "invalid api token"}'));
      expect(info).toMatchObject({ type: 'unauthorized', reason: 'invalid_api_key' });
    });

    it.each([
      [429, 'rate_limited', true],
      [502, 'server_error', true],
      [503, 'server_error', true],
      [504, 'server_error', true],
      [403, 'unauthorized', false],
    ])('reads a Voyage %i from its status', (statusCode, type, retryable) => {
      const info = categorizeUpstreamError(apiCallError(statusCode, '{"detail":"Request failed."}'));
      expect(info).toMatchObject({ type, retryable, status: statusCode });
    });
  });

  describe("coder's gateway bodies", () => {
    it.each([
      ['coder-anthropic-circuit-open.json', 'overloaded'],
      ['coder-openai-circuit-open.json', 'server_error'],
      ['coder-openai-marshal-fallback.json', 'server_error'],
      ['coder-openai-internal-error.json', 'server_error'],
      ['coder-key-pool-unavailable.json', 'server_error'],
    ])('reads %s', (name, type) => {
      expect(categorizeUpstreamError(apiCallError(502, fixture(name)))).toMatchObject({ type, status: 502 });
    });

    it.each([
      ['all configured keys failed authentication', { type: 'unauthorized', reason: 'invalid_api_key' }],
      ['key pool exhausted: all configured keys failed authentication', { type: 'unauthorized' }],
      ['all configured keys failed authentication. Contact your Administrator', { type: 'unauthorized' }],
      ['all configured keys are rate-limited', { type: 'rate_limited', retryable: true }],
      [
        'all configured keys are rate-limited (retry after 1m30s)',
        { type: 'rate_limited', retryAfterMs: 90_000 },
      ],
      ['key pool error', { type: 'unknown', retryable: false }],
    ])('reads the key pool message %j', (message, expected) => {
      expect(categorizeUpstreamError(new Error(message))).toMatchObject(expected);
    });

    it('reads the Responses API stream failure and stream error events', () => {
      const failure = JSON.parse(fixture('openai-responses-stream-failure.json')) as unknown;
      const streamError = JSON.parse(fixture('openai-responses-stream-error.json')) as unknown;
      expect(categorizeUpstreamError(failure)).toMatchObject({
        type: 'server_error',
        retryable: true,
        message: 'The model failed to generate a response.',
      });
      expect(categorizeUpstreamError(streamError)).toMatchObject({
        type: 'unknown',
        retryable: false,
        message: 'Something went wrong',
      });
    });
  });
});
