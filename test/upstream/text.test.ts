import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import type { UpstreamErrorInfo } from '../../src/upstream/types.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}

type Expected = Partial<Omit<UpstreamErrorInfo, 'message'>>;

// Strings as apps log them, with what each must be read as.
const LOGGED: ReadonlyArray<readonly [string, Expected]> = [
  ['HTTP 429 Too Many Requests', { type: 'rate_limited', status: 429, retryable: true }],
  ['HTTP 429 Too Many Requests (upstream: bad gateway)', { type: 'rate_limited', status: 429 }],
  ['Provider foo request failed: HTTP 429 Too Many Requests', { type: 'rate_limited', status: 429 }],
  ['API error (502 Bad Gateway)', { type: 'server_error', status: 502, retryable: true }],
  ['OpenAI API error (429 Too Many Requests): rate limit', { type: 'rate_limited', status: 429 }],
  ['OpenHuman API error (504 Gateway Timeout): error code: 504', { type: 'server_error', status: 504 }],
  ['WebSocket connect: HTTP error: 503 Service Unavailable', { type: 'server_error', status: 503 }],
  ['GET /teams/me/usage failed (503 Service Unavailable)', { type: 'server_error', status: 503 }],
  ['HTTP/1.1 502 Bad Gateway', { type: 'server_error', status: 502 }],
  ['http 502', { type: 'server_error', status: 502 }],
  ['HTTP 502 BAD GATEWAY', { type: 'server_error', status: 502 }],
  ['upstream returned Bad Gateway', { type: 'server_error', retryable: true }],
  ['Provider foo request failed: HTTP 502', { type: 'server_error', status: 502 }],
  ['HTTP 503 Service Unavailable', { type: 'server_error', status: 503 }],
  ['HTTP 504 Gateway Timeout', { type: 'server_error', status: 504 }],
  ['HTTP 401 Unauthorized', { type: 'unauthorized', status: 401, retryable: false }],
  ['401 Unauthorized: invalid token', { type: 'unauthorized', status: 401 }],
  ['HTTP 403 Forbidden', { type: 'unauthorized', status: 403 }],
  ['HTTP 408 Request Timeout', { type: 'timeout', status: 408, retryable: true }],
  [
    'Provider nearai_chat request failed: HTTP 413 Payload Too Large',
    { type: 'bad_request', reason: 'request_too_large', status: 413 },
  ],
  [
    'Provider openai_codex request failed: HTTP 400 Bad Request',
    { type: 'bad_request', status: 400, retryable: false },
  ],
  [
    'RuntimeError: LLM call failed: Provider openai_codex request failed: HTTP 400 Bad Request',
    { type: 'bad_request', status: 400 },
  ],
  [
    'Context length exceeded: 200000 tokens used, 128000 allowed',
    { type: 'bad_request', reason: 'context_overflow' },
  ],
  [
    'Orchestrator error: Llm { reason: "Context length exceeded: 200000 tokens used, 128000 allowed" }',
    { reason: 'context_overflow' },
  ],
  ['{"error":{"code":"invalid_api_key"}}', { type: 'unauthorized', reason: 'invalid_api_key' }],
  ['Provider returned: Invalid API key', { type: 'unauthorized', reason: 'invalid_api_key' }],
  ['429 status code (no body)', { type: 'rate_limited', status: 429 }],
  ['400 status code (no body)', { type: 'bad_request', status: 400 }],
  ['RateLimitError: 429 Rate limit reached for requests', { type: 'rate_limited', status: 429 }],
  [
    'InternalServerError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    { type: 'overloaded', status: 529 },
  ],
  [
    '400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 213462 tokens > 200000 maximum"}}',
    { reason: 'context_overflow', status: 400 },
  ],
  [
    '413 {"type":"error","error":{"type":"request_too_large","message":"Request exceeds the maximum size"}}',
    { reason: 'request_too_large', status: 413 },
  ],
  [
    "429 Quota exceeded for quota metric 'Generate Content API requests per minute'",
    { type: 'rate_limited', status: 429, retryable: true },
  ],
  // A status wins over a phrase: coder records a 504 as server_error whatever its text says.
  ['504 Deadline Exceeded', { type: 'server_error', status: 504 }],
  ['500 Internal Server Error', { type: 'server_error', status: 500 }],
  ['statusCode=502 upstream error', { type: 'server_error', status: 502 }],
  ['Request failed with status code 503', { type: 'server_error', status: 503 }],
  ['Rate limit exceeded. Please try again in 20 seconds.', { type: 'rate_limited', retryAfterMs: 20_000 }],
  ['Request timed out.', { type: 'timeout', retryable: true }],
  ['The operation was aborted due to timeout', { type: 'timeout' }],
  ['AbortError: This operation was aborted', { type: 'unknown', reason: 'cancelled', retryable: false }],
  [
    'Error: getaddrinfo ENOTFOUND api.openai.com',
    { type: 'server_error', reason: 'network', retryable: false },
  ],
  ['Error: read ECONNRESET', { type: 'server_error', reason: 'network', retryable: true }],
  [
    'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
    { reason: 'network' },
  ],
  ['no healthy upstream', { type: 'server_error' }],
  ['ThrottlingException: Rate exceeded', { type: 'rate_limited' }],
  ['Too many tokens, please wait before trying again.', { type: 'rate_limited' }],
  [
    'The model `gpt-9` does not exist or you do not have access to it.',
    { type: 'bad_request', reason: 'model_not_found' },
  ],
  [
    'Invalid prompt: your prompt was flagged as potentially violating our usage policy.',
    { reason: 'content_policy' },
  ],
  ['Country, region, or territory not supported', { type: 'unauthorized', reason: 'permission_denied' }],
  ['Reached maximum iterations', { type: 'unknown', retryable: false }],
  ['something totally unexpected', { type: 'unknown', retryable: false }],
  ['', { type: 'unknown', retryable: false }],
];

// Digit runs and bare words that must not be read as a status or a category.
const NOT_UPSTREAM: readonly string[] = [
  'You requested 429 tokens but the limit is 100',
  'You requested 429 tokens',
  'see runbook for 504 handling at https://example.com/504',
  'HTTP error: 5023',
  'provider returned api error 5042 (custom internal sentinel)',
  'process 502 exited unexpectedly',
  'listening on port 5029',
  'The upstream file was not found',
  'Tool failed: unauthorized to access /etc/shadow',
  'execution failed: store error: connection \'postgres://bob:hunter2@db:5432/x\' refused: File "/home/runner/.ironclaw/state.db" not found',
  'execution failed: store error: leaked token sk_live_123 and request id req_abc123 at /etc/secrets/keyring',
  'order #4290 shipped in 503 days',
  '429 tokens were used',
  'Used 401 of 500 credits this month',
  'Database connection error.',
];

describe('categorizeUpstreamError', () => {
  describe('strings as apps log them', () => {
    it.each(LOGGED)('reads %j', (text, expected) => {
      const info = categorizeUpstreamError(text);
      expect(info).toMatchObject({ ...expected, message: text });
      if (!('status' in expected)) expect(info.status).toBeUndefined();
      if (!('reason' in expected)) expect(info.reason).toBeUndefined();
    });

    it.each(NOT_UPSTREAM)('reads no status and no category in %j', (text) => {
      expect(categorizeUpstreamError(text)).toEqual({ type: 'unknown', retryable: false, message: text });
    });

    it("reads ironclaw's issue #2546 traceback as a 502", () => {
      expect(categorizeUpstreamError(fixture('ironclaw-issue-2546.txt'))).toMatchObject({
        type: 'server_error',
        status: 502,
        retryable: true,
      });
    });

    it("reads the Python SDK's `Error code: 429 - {…}` with its retry hint", () => {
      expect(categorizeUpstreamError(fixture('openai-python-429-tpm.txt'))).toMatchObject({
        type: 'rate_limited',
        status: 429,
        retryable: true,
        retryAfterMs: 84,
      });
    });

    it("reads an insufficient_quota in the Python SDK's repr as an exhausted quota", () => {
      const text =
        "Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}";
      expect(categorizeUpstreamError(text)).toMatchObject({
        type: 'rate_limited',
        reason: 'quota_exhausted',
        retryable: false,
      });
    });
  });

  describe('HTML gateway pages', () => {
    it.each([
      ['cloudflare-502.html', 502, 'server_error'],
      ['cloudflare-520.html', 520, 'server_error'],
      ['nginx-502.html', 502, 'server_error'],
    ])('reads %s as a %i', (name, status, type) => {
      const page = fixture(name);
      const info = categorizeUpstreamError(page);
      expect(info).toMatchObject({ type, status, retryable: true });
      // "Please try again in a few minutes." on the page is not a delay.
      expect(info.retryAfterMs).toBeUndefined();
    });

    it('reads a page behind an error object, e.g. an APICallError responseBody', () => {
      const error = Object.assign(new Error('Bad Gateway'), { responseBody: fixture('cloudflare-502.html') });
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'server_error',
        status: 502,
        message: 'Bad Gateway',
      });
    });

    it("does not read a page's explanations as phrases: a 522 page says 'timed out' yet stays a 5xx", () => {
      const page = fixture('cloudflare-520.html')
        .replaceAll('520', '522')
        .replace('Web server is returning an unknown error', 'Connection timed out');
      expect(categorizeUpstreamError(page)).toMatchObject({ type: 'server_error', status: 522 });
    });
  });
});
