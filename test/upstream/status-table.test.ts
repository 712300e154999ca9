import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import type { UpstreamErrorType } from '../../src/upstream/types.js';

// coder's ErrorTypeFromStatus (aibridge/recorder/types.go), plus 529 as `overloaded`.
const STATUS_TABLE: ReadonlyArray<readonly [number, UpstreamErrorType, boolean]> = [
  [400, 'bad_request', false],
  [404, 'bad_request', false],
  [413, 'bad_request', false],
  [422, 'bad_request', false],
  [401, 'unauthorized', false],
  [403, 'unauthorized', false],
  [429, 'rate_limited', true],
  [408, 'timeout', true],
  [500, 'server_error', true],
  [502, 'server_error', true],
  [503, 'server_error', true],
  [504, 'server_error', true],
  [520, 'server_error', true],
  [529, 'overloaded', true],
  [402, 'unknown', false],
  [409, 'unknown', false],
  [418, 'unknown', false],
  [499, 'unknown', false],
];

describe('categorizeUpstreamError', () => {
  describe('status table (body-less SDK errors)', () => {
    it.each(STATUS_TABLE)('maps an OpenAI %i with no body to %s', (status, type, retryable) => {
      const error = OpenAI.APIError.generate(status, undefined, undefined, new Headers());
      expect(categorizeUpstreamError(error)).toMatchObject({ type, retryable, status });
    });

    it.each(STATUS_TABLE)('maps an Anthropic %i with no body to %s', (status, type, retryable) => {
      const error = Anthropic.APIError.generate(status, undefined, undefined, new Headers());
      expect(categorizeUpstreamError(error)).toMatchObject({ type, retryable, status });
    });

    it('keeps the SDK message format "<status> status code (no body)"', () => {
      const error = OpenAI.APIError.generate(418, undefined, undefined, new Headers());
      expect(categorizeUpstreamError(error).message).toBe('418 status code (no body)');
    });

    it('names the cause of a 402 and a 413 from the status alone', () => {
      const paymentRequired = Anthropic.APIError.generate(402, undefined, undefined, new Headers());
      const tooLarge = Anthropic.APIError.generate(413, undefined, undefined, new Headers());
      expect(categorizeUpstreamError(paymentRequired)).toMatchObject({
        type: 'unknown',
        reason: 'quota_exhausted',
        retryable: false,
      });
      expect(categorizeUpstreamError(tooLarge)).toMatchObject({
        type: 'bad_request',
        reason: 'request_too_large',
        retryable: false,
      });
    });

    it("reads coder's status-only message `HTTP status 529` as overloaded", () => {
      expect(categorizeUpstreamError('HTTP status 529')).toMatchObject({ type: 'overloaded', status: 529 });
    });

    it('lets `x-should-retry` overrule the table, as both SDKs do', () => {
      const noRetry = OpenAI.APIError.generate(
        500,
        undefined,
        undefined,
        new Headers({ 'x-should-retry': 'false' }),
      );
      const retry = OpenAI.APIError.generate(
        409,
        undefined,
        undefined,
        new Headers({ 'x-should-retry': 'true' }),
      );
      expect(categorizeUpstreamError(noRetry)).toMatchObject({ type: 'server_error', retryable: false });
      expect(categorizeUpstreamError(retry)).toMatchObject({ type: 'unknown', retryable: true });
    });

    it('reads the innermost status when an app wraps a provider error in its own HTTP error', () => {
      const upstream = OpenAI.APIError.generate(429, undefined, undefined, new Headers());
      const wrapper = Object.assign(new Error('upstream failed', { cause: upstream }), { status: 502 });
      expect(categorizeUpstreamError(wrapper)).toMatchObject({ type: 'rate_limited', status: 429 });
    });
  });
});
