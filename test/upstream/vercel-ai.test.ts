import { readFileSync } from 'node:fs';
import { APICallError } from '@ai-sdk/provider';
import { RetryError } from 'ai';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}

function apiCallError(
  statusCode: number | undefined,
  responseBody: string | undefined,
  extra: Partial<ConstructorParameters<typeof APICallError>[0]> = {},
): APICallError {
  return new APICallError({
    message: extra.message ?? 'Provider API call failed',
    url: 'https://api.example.com/v1/chat/completions',
    requestBodyValues: { model: 'gpt-4o' },
    ...(statusCode === undefined ? {} : { statusCode }),
    ...(responseBody === undefined ? {} : { responseBody }),
    ...extra,
  });
}

describe('categorizeUpstreamError', () => {
  describe('Vercel AI SDK APICallError', () => {
    it.each([
      [
        'openai-429-insufficient-quota.json',
        429,
        { type: 'rate_limited', reason: 'quota_exhausted', retryable: false },
      ],
      ['openai-400-context-length-exceeded.json', 400, { type: 'bad_request', reason: 'context_overflow' }],
      ['anthropic-400-prompt-too-long.json', 400, { type: 'bad_request', reason: 'context_overflow' }],
      ['anthropic-overloaded.json', 529, { type: 'overloaded', retryable: true }],
      [
        'gemini-400-api-key-invalid.json',
        400,
        { type: 'unauthorized', reason: 'invalid_api_key', retryable: false },
      ],
      ['gemini-429-retry-info.json', 429, { type: 'rate_limited', retryable: true, retryAfterMs: 34_400 }],
      ['coder-key-pool-unavailable.json', 502, { type: 'server_error', retryable: true }],
    ])('reads the raw responseBody %s with statusCode %i', (name, statusCode, expected) => {
      const error = apiCallError(statusCode, fixture(name));
      expect(categorizeUpstreamError(error)).toMatchObject({ ...expected, status: statusCode });
    });

    it('reads the parsed `data` when the body string is gone', () => {
      const error = apiCallError(429, undefined, {
        data: JSON.parse(fixture('openai-429-insufficient-quota.json')),
      });
      expect(categorizeUpstreamError(error)).toMatchObject({ reason: 'quota_exhausted', retryable: false });
    });

    it('reads retry-after from the plain-record responseHeaders, whatever its case', () => {
      const error = apiCallError(429, fixture('openai-429-rate-limit-exceeded.json'), {
        responseHeaders: { 'Retry-After': '7' },
      });
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'rate_limited', retryAfterMs: 7000 });
    });

    it('keeps the APICallError message as the recorded message', () => {
      const error = apiCallError(429, fixture('openai-429-rate-limit-exceeded.json'), {
        message: 'Rate limit exceeded. Please try again in 20 seconds.',
      });
      expect(categorizeUpstreamError(error).message).toBe(
        'Rate limit exceeded. Please try again in 20 seconds.',
      );
    });

    it('reads "Cannot connect to API" with its fetch cause as a retryable network failure', async () => {
      const cause = await fetch('http://127.0.0.1:9/').catch((error: unknown) => error);
      const error = apiCallError(undefined, undefined, {
        message: 'Cannot connect to API: bad port',
        cause,
        isRetryable: true,
      });
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'server_error',
        reason: 'network',
        retryable: true,
      });
    });

    it("uses the SDK's isRetryable only where the taxonomy has no verdict of its own", () => {
      const conflict = apiCallError(409, '{"error":{"message":"conflict"}}');
      const quota = apiCallError(429, fixture('openai-429-insufficient-quota.json'), { isRetryable: true });
      expect(conflict.isRetryable).toBe(true);
      expect(categorizeUpstreamError(conflict)).toMatchObject({ type: 'unknown', retryable: true });
      expect(categorizeUpstreamError(quota)).toMatchObject({ reason: 'quota_exhausted', retryable: false });
    });

    it('reads an APICallError logged as JSON (its marker lost) from responseBody', () => {
      const logged = JSON.parse(
        JSON.stringify(apiCallError(400, fixture('gemini-400-api-key-invalid.json'))),
      ) as unknown;
      expect(categorizeUpstreamError(logged)).toMatchObject({
        type: 'unauthorized',
        reason: 'invalid_api_key',
      });
    });

    it('reads a stream error part, a plain object with no status', () => {
      const part = {
        type: 'error',
        error: JSON.parse(fixture('anthropic-overloaded.json')).error as unknown,
      };
      expect(categorizeUpstreamError(part)).toMatchObject({
        type: 'overloaded',
        retryable: true,
        message: 'Overloaded',
      });
    });
  });

  describe('Vercel AI SDK RetryError', () => {
    it('reads the lastError, not the attempts before it', () => {
      const error = new RetryError({
        message: 'Failed after 3 attempts. Last error: Overloaded',
        reason: 'maxRetriesExceeded',
        errors: [
          apiCallError(500, '{"error":{"message":"boom","type":"server_error"}}'),
          apiCallError(503, undefined),
          apiCallError(529, fixture('anthropic-overloaded.json'), {
            responseHeaders: { 'retry-after': '4' },
          }),
        ],
      });
      expect(categorizeUpstreamError(error)).toEqual({
        type: 'overloaded',
        retryable: true,
        status: 529,
        retryAfterMs: 4000,
        message: 'Failed after 3 attempts. Last error: Overloaded',
      });
    });

    it('reads a non-retryable last error', () => {
      const error = new RetryError({
        message: 'Failed after 1 attempts with non-retryable error: quota',
        reason: 'errorNotRetryable',
        errors: [apiCallError(429, fixture('openai-429-insufficient-quota.json'), { isRetryable: false })],
      });
      expect(categorizeUpstreamError(error)).toMatchObject({ reason: 'quota_exhausted', retryable: false });
    });

    it('reads reason "abort" with no response as cancelled', () => {
      const abort = new DOMException('This operation was aborted', 'AbortError');
      const error = new RetryError({ message: 'Aborted', reason: 'abort', errors: [abort] });
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unknown',
        reason: 'cancelled',
        retryable: false,
      });
    });
  });
});
