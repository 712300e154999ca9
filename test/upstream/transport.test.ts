import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as undici from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

let silent: Server;
let resetting: Server;
let silentUrl = '';
let resettingUrl = '';
let closedUrl = '';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

beforeAll(async () => {
  silent = createServer(() => {
    // Never answers: only a timeout ends the request.
  });
  resetting = createServer((request) => request.socket.destroy());
  silentUrl = await listen(silent);
  resettingUrl = await listen(resetting);
  // A port that was just listening and is now closed: connecting to it is refused.
  const closed = createServer();
  closedUrl = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  for (const server of [silent, resetting]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('categorizeUpstreamError', () => {
  describe('undici and Node transport errors (real)', () => {
    it('reads `TypeError: fetch failed` caused by ECONNREFUSED as a retryable network failure', async () => {
      const error = await rejectionOf(fetch(closedUrl));
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error & { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
      const info = categorizeUpstreamError(error);
      expect(info).toMatchObject({ type: 'server_error', reason: 'network', retryable: true });
      expect(info.status).toBeUndefined();
      expect(info.message).toMatch(/^fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    });

    it('reads a socket the server destroyed (UND_ERR_SOCKET "other side closed") as a network failure', async () => {
      const error = await rejectionOf(fetch(resettingUrl));
      expect((error as Error & { cause: { code: string } }).cause.code).toBe('UND_ERR_SOCKET');
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'server_error',
        reason: 'network',
        retryable: true,
      });
    });

    it('reads a DNS failure as a network failure, not worth retrying when the name does not exist', async () => {
      const error = await rejectionOf(fetch('http://name-that-does-not-resolve.invalid/'));
      // ENOTFOUND where a resolver answers; EAI_AGAIN (transient, retryable) in a sandbox without one.
      const code = (error as Error & { cause: { code: string } }).cause.code;
      expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(code);
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'server_error',
        reason: 'network',
        retryable: code === 'EAI_AGAIN',
      });
    });

    it('reads `AbortSignal.timeout()` (DOMException TimeoutError) as a timeout', async () => {
      const error = await rejectionOf(fetch(silentUrl, { signal: AbortSignal.timeout(20) }));
      expect((error as DOMException).name).toBe('TimeoutError');
      const info = categorizeUpstreamError(error);
      expect(info).toEqual({
        type: 'timeout',
        retryable: true,
        message: 'The operation was aborted due to timeout',
      });
    });

    it('reads `AbortController.abort()` (DOMException AbortError) as cancelled: not an upstream failure', async () => {
      const controller = new AbortController();
      const pending = fetch(silentUrl, { signal: controller.signal });
      controller.abort();
      const error = await rejectionOf(pending);
      expect((error as DOMException).name).toBe('AbortError');
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unknown',
        reason: 'cancelled',
        retryable: false,
      });
    });

    it('reads UND_ERR_HEADERS_TIMEOUT behind `fetch failed` as a timeout', async () => {
      const dispatcher = new undici.Agent({ headersTimeout: 30 });
      const error = await rejectionOf(undici.fetch(silentUrl, { dispatcher }));
      await dispatcher.close();
      expect((error as Error & { cause: { code: string } }).cause.code).toBe('UND_ERR_HEADERS_TIMEOUT');
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'timeout', retryable: true });
      expect(categorizeUpstreamError(error).message).toBe('fetch failed: Headers Timeout Error');
    });

    it.each([
      ['ETIMEDOUT', 'timeout', undefined, true],
      ['ECONNRESET', 'server_error', 'network', true],
      ['EPIPE', 'server_error', 'network', true],
      ['EAI_AGAIN', 'server_error', 'network', true],
      ['UND_ERR_CONNECT_TIMEOUT', 'timeout', undefined, true],
      ['UND_ERR_BODY_TIMEOUT', 'timeout', undefined, true],
      ['ECONNABORTED', 'timeout', undefined, true],
      ['CERT_HAS_EXPIRED', 'unknown', 'tls', false],
      ['DEPTH_ZERO_SELF_SIGNED_CERT', 'unknown', 'tls', false],
      ['HPE_INVALID_CONSTANT', 'server_error', 'network', true],
      ['UND_ERR_INVALID_ARG', 'unknown', undefined, false],
    ])('reads a `fetch failed` whose cause has code %s', (code, type, reason, retryable) => {
      const cause = Object.assign(new Error(`${code} failure`), { code });
      const error = new TypeError('fetch failed', { cause });
      const info = categorizeUpstreamError(error);
      expect(info).toMatchObject({ type, retryable });
      expect(info.reason).toBe(reason);
    });

    it('reads an AggregateError of Happy Eyeballs attempts', () => {
      const attempts = [
        Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' }),
        Object.assign(new Error('connect ETIMEDOUT [::1]:443'), { code: 'ETIMEDOUT' }),
      ];
      const error = new TypeError('fetch failed', { cause: new AggregateError(attempts) });
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'timeout', retryable: true });
    });

    it.each([
      'Failed to fetch',
      'NetworkError when attempting to fetch resource.',
      'The Internet connection appears to be offline.',
      'Network request failed',
      'Network connection lost',
    ])('reads the browser/runtime network TypeError %j', (message) => {
      expect(categorizeUpstreamError(new TypeError(message))).toMatchObject({
        type: 'server_error',
        reason: 'network',
        retryable: true,
      });
    });

    it('reads an axios timeout (ECONNABORTED, "timeout of 5000ms exceeded")', () => {
      const error = Object.assign(new Error('timeout of 5000ms exceeded'), {
        name: 'AxiosError',
        code: 'ECONNABORTED',
      });
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'timeout', retryable: true });
    });

    it('reads an axios error with a response from response.status and response.data', () => {
      const error = Object.assign(new Error('Request failed with status code 429'), {
        name: 'AxiosError',
        code: 'ERR_BAD_REQUEST',
        response: {
          status: 429,
          headers: { 'retry-after': '3' },
          data: {
            error: {
              message: 'You exceeded your current quota, please check your plan and billing details.',
              type: 'insufficient_quota',
              code: 'insufficient_quota',
            },
          },
        },
      });
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'rate_limited',
        reason: 'quota_exhausted',
        status: 429,
        retryAfterMs: 3000,
      });
    });
  });
});
