import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

/** An HTTP client's error for a status, its body kept where axios keeps it (`response.data`). */
function statusError(status: number, data: unknown): Error {
  return Object.assign(new Error(`Request failed with status code ${status}`), {
    name: 'AxiosError',
    status,
    response: { status, data },
  });
}

describe('categorizeUpstreamError reads the body before the status', () => {
  it('reads a GitHub 403 secondary rate limit as rate_limited', () => {
    // docs.github.com, "Rate limits for the REST API": a secondary limit is answered with 403 or 429.
    const body = {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 8E7C:3A1F:2B4D5E:6F7A8B:65F0A1B2.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    };
    expect(categorizeUpstreamError(statusError(403, body))).toMatchObject({
      type: 'rate_limited',
      retryable: true,
      status: 403,
    });
  });

  it('reads a GitHub 403 primary rate limit as rate_limited', () => {
    const body = {
      message: 'API rate limit exceeded for user ID 1234567.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
    };
    expect(categorizeUpstreamError(statusError(403, body))).toMatchObject({
      type: 'rate_limited',
      retryable: true,
    });
  });

  it.each([
    ['rateLimitExceeded', 'Rate Limit Exceeded'],
    ['userRateLimitExceeded', 'User Rate Limit Exceeded'],
  ])('reads a Google APIs 403 errors[].reason %s as rate_limited', (reason, message) => {
    const body = { error: { code: 403, message, errors: [{ message, domain: 'usageLimits', reason }] } };
    expect(categorizeUpstreamError(statusError(403, body))).toMatchObject({
      type: 'rate_limited',
      retryable: true,
      status: 403,
    });
    // The same body as text, as a recorded event carries it.
    expect(categorizeUpstreamError(`GaxiosError: 403 ${JSON.stringify(body)}`)).toMatchObject({
      type: 'rate_limited',
      retryable: true,
    });
  });

  it('reads a Google APIs 403 dailyLimitExceeded as an exhausted quota', () => {
    const body = {
      error: {
        code: 403,
        message: 'Daily Limit Exceeded',
        errors: [{ message: 'Daily Limit Exceeded', domain: 'usageLimits', reason: 'dailyLimitExceeded' }],
      },
    };
    expect(categorizeUpstreamError(statusError(403, body))).toMatchObject({
      reason: 'quota_exhausted',
      retryable: false,
      status: 403,
    });
  });

  it('still reads a 403 whose body names no limit as unauthorized', () => {
    const body = { message: 'Resource not accessible by integration' };
    expect(categorizeUpstreamError(statusError(403, body))).toMatchObject({
      type: 'unauthorized',
      retryable: false,
    });
  });

  it('reads an AWS ServiceQuotaExceededException as an exhausted quota, by name or by __type', () => {
    const thrown = Object.assign(new Error('The request would exceed the service quota for this account.'), {
      name: 'ServiceQuotaExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    expect(categorizeUpstreamError(thrown)).toMatchObject({
      reason: 'quota_exhausted',
      retryable: false,
      status: 400,
    });
    const body = { __type: 'ServiceQuotaExceededException', message: 'Quota exceeded for this account.' };
    expect(categorizeUpstreamError(statusError(400, body))).toMatchObject({ reason: 'quota_exhausted' });
  });

  it('reads an OpenAI insufficient_quota 429 as an exhausted quota (providers.md 3.1)', () => {
    const error = OpenAI.APIError.generate(
      429,
      {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      },
      undefined,
      new Headers(),
    );
    expect(categorizeUpstreamError(error)).toMatchObject({
      type: 'rate_limited',
      reason: 'quota_exhausted',
      retryable: false,
    });
  });

  it('reads a RESOURCE_EXHAUSTED QuotaFailure without a retry delay as an exhausted quota, with one as a rate limit', () => {
    const quotaFailure = {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
    };
    const body = (details: unknown[]) => ({
      error: {
        code: 429,
        message: "Quota exceeded for quota metric 'Generate Content API requests per day'",
        status: 'RESOURCE_EXHAUSTED',
        details,
      },
    });
    expect(categorizeUpstreamError(statusError(429, body([quotaFailure])))).toMatchObject({
      type: 'rate_limited',
      reason: 'quota_exhausted',
      retryable: false,
    });
    // providers.md 3.3: the AI SDK fixture, QuotaFailure with RetryInfo: Gemini's per-minute limit.
    const retryInfo = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' };
    const perMinute = categorizeUpstreamError(statusError(429, body([quotaFailure, retryInfo])));
    expect(perMinute).toMatchObject({ type: 'rate_limited', retryable: true, retryAfterMs: 34_400 });
    expect(perMinute.reason).toBeUndefined();
  });
});
