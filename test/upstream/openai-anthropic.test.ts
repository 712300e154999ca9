import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}
function body(name: string): Record<string, unknown> {
  return JSON.parse(fixture(name)) as Record<string, unknown>;
}

/** A canned HTTP answer of the loopback provider. */
interface Canned {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

// A loopback server standing in for the provider: each route answers once with a recorded body, so the
// errors below are the ones the real clients throw, built by their own response handling.
const ROUTES: Record<string, Canned> = {
  '/openai-quota/chat/completions': { status: 429, body: fixture('openai-429-insufficient-quota.json') },
  '/openai-rate/chat/completions': {
    status: 429,
    headers: { 'retry-after-ms': '1500', 'retry-after': '2' },
    body: fixture('openai-429-rate-limit-exceeded.json'),
  },
  '/openai-context/chat/completions': {
    status: 400,
    body: fixture('openai-400-context-length-exceeded.json'),
  },
  '/openai-key/chat/completions': { status: 401, body: fixture('openai-401-invalid-api-key.json') },
  '/openai-stream/chat/completions': {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body: `data: ${fixture('openai-chat-stream-server-error.json').trim()}\n\n`,
  },
  '/anthropic-overloaded/v1/messages': { status: 529, body: fixture('anthropic-overloaded.json') },
  '/anthropic-context/v1/messages': { status: 400, body: fixture('anthropic-400-prompt-too-long.json') },
  '/anthropic-key/v1/messages': { status: 401, body: fixture('anthropic-401-authentication-error.json') },
  '/anthropic-stream/v1/messages': {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
    body: `event: error\ndata: ${fixture('anthropic-overloaded.json').trim()}\n\n`,
  },
};

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith('/silent')) return; // never answers: the client's timeout fires
    const canned = ROUTES[request.url ?? ''];
    response.writeHead(canned?.status ?? 404, { 'content-type': 'application/json', ...canned?.headers });
    response.end(canned?.body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function openai(route: string, timeout = 10_000): OpenAI {
  return new OpenAI({ apiKey: 'sk-test-key', baseURL: `${origin}/${route}`, maxRetries: 0, timeout });
}
function anthropic(route: string): Anthropic {
  return new Anthropic({ apiKey: 'sk-ant-test-key', baseURL: `${origin}/${route}`, maxRetries: 0 });
}
async function thrownBy(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}
const chat = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'hi' }] };
const message = {
  model: 'claude-opus-4-8',
  max_tokens: 16,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('categorizeUpstreamError', () => {
  describe('openai SDK errors thrown by a real client', () => {
    it('reads a 429 insufficient_quota as an exhausted quota, not retryable', async () => {
      const error = await thrownBy(() => openai('openai-quota').chat.completions.create(chat));
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect(categorizeUpstreamError(error)).toEqual({
        type: 'rate_limited',
        reason: 'quota_exhausted',
        retryable: false,
        status: 429,
        message: '429 You exceeded your current quota, please check your plan and billing details.',
      });
    });

    it('reads a 429 rate_limit_exceeded as retryable, with retry-after-ms before retry-after', async () => {
      const error = await thrownBy(() => openai('openai-rate').chat.completions.create(chat));
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'rate_limited',
        retryable: true,
        status: 429,
        retryAfterMs: 1500,
      });
    });

    it('reads a 400 context_length_exceeded as a context overflow', async () => {
      const error = await thrownBy(() => openai('openai-context').chat.completions.create(chat));
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'bad_request',
        reason: 'context_overflow',
        retryable: false,
        status: 400,
      });
    });

    it('reads a 401 invalid_api_key as a rejected key', async () => {
      const error = await thrownBy(() => openai('openai-key').chat.completions.create(chat));
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unauthorized',
        reason: 'invalid_api_key',
        retryable: false,
        status: 401,
      });
    });

    it('reads a mid-stream error with no status from its body type', async () => {
      const error = await thrownBy(async () => {
        const stream = await openai('openai-stream').chat.completions.create({ ...chat, stream: true });
        for await (const chunk of stream) expect(chunk).toBeUndefined();
      });
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as { status?: number }).status).toBeUndefined();
      expect(categorizeUpstreamError(error)).toEqual({
        type: 'server_error',
        retryable: true,
        message: 'The server had an error while processing your request. Sorry about that!',
      });
    });

    it("reads the SDK's own timeout as a timeout", async () => {
      const error = await thrownBy(() => openai('silent', 50).chat.completions.create(chat));
      expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'timeout', retryable: true });
    });

    it('reads a refused connection (APIConnectionError with its fetch cause) as a network failure', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const client = new OpenAI({
        apiKey: 'sk-test-key',
        baseURL: `http://127.0.0.1:${port}`,
        maxRetries: 0,
      });
      const error = await thrownBy(() => client.chat.completions.create(chat));
      expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'server_error',
        reason: 'network',
        retryable: true,
        message: 'Connection error.',
      });
    });

    it('reads an APIConnectionError that lost its cause from its fixed message', () => {
      const error = new OpenAI.APIConnectionError({ message: undefined });
      expect(categorizeUpstreamError(error)).toMatchObject({ type: 'server_error', reason: 'network' });
    });

    it('reads a user abort as cancelled, not an upstream failure', async () => {
      const controller = new AbortController();
      const pending = openai('silent').chat.completions.create(chat, { signal: controller.signal });
      controller.abort();
      const error = await thrownBy(() => pending);
      expect(error).toBeInstanceOf(OpenAI.APIUserAbortError);
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unknown',
        reason: 'cancelled',
        retryable: false,
      });
    });
  });

  describe('@anthropic-ai/sdk errors thrown by a real client', () => {
    it('reads a 529 overloaded_error as overloaded', async () => {
      const error = await thrownBy(() => anthropic('anthropic-overloaded').messages.create(message));
      expect(error).toBeInstanceOf(Anthropic.OverloadedError);
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'overloaded',
        retryable: true,
        status: 529,
      });
    });

    it('reads a 400 "prompt is too long" as a context overflow', async () => {
      const error = await thrownBy(() => anthropic('anthropic-context').messages.create(message));
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'bad_request',
        reason: 'context_overflow',
        status: 400,
      });
    });

    it('reads a 401 authentication_error as unauthorized', async () => {
      const error = await thrownBy(() => anthropic('anthropic-key').messages.create(message));
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'unauthorized',
        reason: 'invalid_api_key',
        retryable: false,
        status: 401,
      });
    });

    it('reads a mid-stream `event: error` overloaded_error (no status) as overloaded', async () => {
      const error = await thrownBy(async () => {
        const stream = await anthropic('anthropic-stream').messages.create({ ...message, stream: true });
        for await (const event of stream) expect(event).toBeUndefined();
      });
      expect((error as { status?: number }).status).toBeUndefined();
      expect(categorizeUpstreamError(error)).toEqual({
        type: 'overloaded',
        retryable: true,
        message: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
      });
    });
  });

  describe('SDK errors built from recorded bodies', () => {
    it.each([
      [
        'openai-429-insufficient-quota.json',
        429,
        { type: 'rate_limited', reason: 'quota_exhausted', retryable: false },
      ],
      [
        'openai-429-rate-limit-exceeded.json',
        429,
        { type: 'rate_limited', retryable: true, retryAfterMs: 20_000 },
      ],
      ['openai-400-context-length-exceeded.json', 400, { type: 'bad_request', reason: 'context_overflow' }],
      ['openai-401-invalid-api-key.json', 401, { type: 'unauthorized', reason: 'invalid_api_key' }],
      ['openai-401-invalid-api-key-legacy.json', 401, { type: 'unauthorized', reason: 'invalid_api_key' }],
      ['coder-openai-circuit-open.json', 503, { type: 'server_error', retryable: true }],
      ['coder-openai-internal-error.json', 500, { type: 'server_error', retryable: true }],
    ])('reads the OpenAI body %s with status %i', (name, status, expected) => {
      const error = OpenAI.APIError.generate(status, body(name), undefined, new Headers());
      expect(categorizeUpstreamError(error)).toMatchObject({ ...expected, status });
    });

    it.each([
      ['anthropic-400-prompt-too-long.json', 400, { type: 'bad_request', reason: 'context_overflow' }],
      ['anthropic-401-authentication-error.json', 401, { type: 'unauthorized', reason: 'invalid_api_key' }],
      ['anthropic-overloaded.json', 529, { type: 'overloaded', retryable: true }],
      // An overloaded_error body names the type: it wins over a 500's `server_error`.
      ['anthropic-overloaded.json', 500, { type: 'overloaded', retryable: true }],
      ['coder-anthropic-circuit-open.json', 503, { type: 'overloaded', retryable: true }],
    ])('reads the Anthropic body %s with status %i', (name, status, expected) => {
      const error = Anthropic.APIError.generate(status, body(name), undefined, new Headers());
      expect(categorizeUpstreamError(error)).toMatchObject({ ...expected, status });
    });

    it.each([
      ['openai-chat-stream-server-error.json', 'server_error'],
      ['openai-responses-stream-server-error.json', 'server_error'],
      ['coder-openai-marshal-fallback.json', 'server_error'],
    ])('reads the OpenAI mid-stream body %s (no status) as %s', (name, type) => {
      const data = body(name);
      const error = new OpenAI.APIError(undefined, (data.error ?? data) as object, undefined, undefined);
      expect(categorizeUpstreamError(error)).toMatchObject({ type, retryable: true });
      expect(categorizeUpstreamError(error).status).toBeUndefined();
    });

    it.each([
      ['anthropic-overloaded.json', 'overloaded'],
      // coder's stream fixture: type api_error, message "Overloaded" — the message is the precise part.
      ['anthropic-stream-api-error-overloaded.json', 'overloaded'],
    ])('reads the Anthropic mid-stream body %s (no status) as %s', (name, type) => {
      const data = body(name);
      const error = new Anthropic.APIError(undefined, data, undefined, new Headers(), null);
      expect(categorizeUpstreamError(error)).toMatchObject({ type, retryable: true });
    });

    it('reads an OpenAI 503 whose body says the engine is overloaded as overloaded', () => {
      const error = OpenAI.APIError.generate(
        503,
        {
          error: {
            message: 'The engine is currently overloaded, please try again later',
            type: 'server_error',
          },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'overloaded',
        status: 503,
        retryable: true,
      });
    });

    it('reads an Anthropic 413 request_too_large and a billing_error 400', () => {
      const tooLarge = Anthropic.APIError.generate(
        413,
        { type: 'error', error: { type: 'request_too_large', message: 'Request exceeds the maximum size' } },
        undefined,
        new Headers(),
      );
      const credit = Anthropic.APIError.generate(
        400,
        {
          type: 'error',
          error: {
            type: 'invalid_request_error',
            message:
              'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
          },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(tooLarge)).toMatchObject({
        type: 'bad_request',
        reason: 'request_too_large',
      });
      expect(categorizeUpstreamError(credit)).toMatchObject({
        type: 'bad_request',
        reason: 'quota_exhausted',
        retryable: false,
      });
    });

    it("reads an OpenAI 429 TPM 'Request too large' as a rate limit a retry cannot fix", () => {
      const error = OpenAI.APIError.generate(
        429,
        {
          error: {
            message:
              'Request too large for gpt-4o in organization org-xxx on tokens per min (TPM): Limit 500000, Requested 538772.',
            type: 'tokens',
            code: 'rate_limit_exceeded',
          },
        },
        undefined,
        new Headers(),
      );
      expect(categorizeUpstreamError(error)).toMatchObject({
        type: 'rate_limited',
        reason: 'request_too_large',
        retryable: false,
      });
    });

    it('reads an HTTP-date retry-after', () => {
      const later = new Date(Date.now() + 30_000).toUTCString();
      const error = OpenAI.APIError.generate(
        503,
        undefined,
        undefined,
        new Headers({ 'retry-after': later }),
      );
      const { retryAfterMs } = categorizeUpstreamError(error);
      expect(retryAfterMs).toBeGreaterThan(25_000);
      expect(retryAfterMs).toBeLessThanOrEqual(30_000);
    });
  });
});
