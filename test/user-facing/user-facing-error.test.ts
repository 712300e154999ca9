import { readFileSync } from 'node:fs';
import { APICallError } from '@ai-sdk/provider';
import Anthropic from '@anthropic-ai/sdk';
import { RetryError } from 'ai';
import OpenAI from 'openai';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_USER_FACING_MESSAGES, type UserFacingCategory } from '../../src/user-facing/messages.js';
import { userFacingError } from '../../src/user-facing/user-facing-error.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8');
}
function body(name: string): Record<string, unknown> {
  return JSON.parse(fixture(name)) as Record<string, unknown>;
}

const ISSUE_2546_RAW = fixture('ironclaw-issue-2546.txt');

// ironclaw's user_facing_errors.rs fixtures (final state after the #2747 review), category names mapped.
const IRONCLAW_FIXTURES: ReadonlyArray<readonly [string, UserFacingCategory]> = [
  [ISSUE_2546_RAW, 'llm_unavailable'],
  ['HTTP 502 Bad Gateway', 'llm_unavailable'],
  ['http 502', 'llm_unavailable'],
  ['upstream returned Bad Gateway', 'llm_unavailable'],
  ['Provider foo request failed: HTTP 502', 'llm_unavailable'],
  ['HTTP 503 Service Unavailable', 'llm_unavailable'],
  ['HTTP 504 Gateway Timeout', 'llm_unavailable'],
  ['HTTP 502 BAD GATEWAY', 'llm_unavailable'],
  ['http 502 bad gateway', 'llm_unavailable'],
  ['Provider foo request failed: HTTP 429 Too Many Requests', 'rate_limited'],
  ['HTTP 429 Too Many Requests', 'rate_limited'],
  ['HTTP 429 Too Many Requests (upstream: bad gateway)', 'rate_limited'],
  ['Provider nearai_chat request failed: HTTP 413 Payload Too Large', 'context_too_large'],
  ['Context length exceeded: 200000 tokens used, 128000 allowed', 'context_too_large'],
  ['HTTP 401 Unauthorized', 'auth_failure'],
  ['401 Unauthorized: invalid token', 'auth_failure'],
  ["Authentication failed for provider 'nearai'.", 'auth_failure'],
  ['Session expired for provider nearai', 'auth_failure'],
  ['Provider returned: Invalid API key', 'auth_failure'],
  ['{"error":{"code":"invalid_api_key"}}', 'auth_failure'],
  ['Reached maximum iterations', 'iteration_limit'],
  ['Provider openai_codex request failed: HTTP 400 Bad Request', 'unknown'],
  ['Tool failed: unauthorized to access /etc/shadow', 'unknown'],
  ['something totally unexpected', 'unknown'],
  ['', 'unknown'],
  // Router fixtures.
  [
    'Orchestrator error: Llm { reason: "Context length exceeded: 200000 tokens used, 128000 allowed" }',
    'context_too_large',
  ],
  ['some unexpected internal failure', 'unknown'],
  ['Orchestrator error: Llm { reason: "HTTP 502 Bad Gateway" }', 'llm_unavailable'],
  // Rollback fixtures.
  ['execution failed: LLM error: HTTP 502 Bad Gateway', 'llm_unavailable'],
  ['execution failed: HTTP 429 Too Many Requests', 'rate_limited'],
  ['execution failed: HTTP 413 Payload Too Large', 'context_too_large'],
  ['execution failed: HTTP 401 Unauthorized', 'auth_failure'],
  ['execution failed: max iterations reached', 'iteration_limit'],
  [
    'execution failed: store error: connection \'postgres://bob:hunter2@db:5432/x\' refused: File "/home/runner/.ironclaw/state.db" not found',
    'unknown',
  ],
  [
    'execution failed: store error: leaked token sk_live_123 and request id req_abc123 at /etc/secrets/keyring',
    'unknown',
  ],
];

// Where ironclaw's markers were wrong: each of these is a regression test for a known bug.
const KNOWN_BUGS: ReadonlyArray<readonly [string, string, UserFacingCategory]> = [
  [
    'a 400 behind "LLM call failed" is not unavailable',
    'RuntimeError: LLM call failed: Provider openai_codex request failed: HTTP 400 Bad Request',
    'unknown',
  ],
  ['a bare `upstream` is not unavailable', 'The upstream file was not found', 'unknown'],
  [
    'a bare `unauthorized` from a tool is not an auth failure',
    'Tool failed: unauthorized to access /etc/shadow',
    'unknown',
  ],
  [
    'a 429 wins over a body that mentions a bad gateway',
    'HTTP 429 Too Many Requests (upstream: bad gateway)',
    'rate_limited',
  ],
  ['"tokens used" alone is not a context overflow', 'Completed: 1500 tokens used', 'unknown'],
  ['"request failed" alone is not unavailable', 'Provider nearai request failed', 'unknown'],
  ['a digit run is not a status', 'You requested 429 tokens but the limit is 100', 'unknown'],
];

describe('userFacingError', () => {
  it.each(IRONCLAW_FIXTURES)('categorizes the ironclaw fixture %j as %s', (raw, category) => {
    expect(userFacingError(raw)).toEqual({ category, message: DEFAULT_USER_FACING_MESSAGES[category] });
  });

  it.each(KNOWN_BUGS)('fixes a seed bug: %s', (_bug, raw, category) => {
    expect(userFacingError(raw).category).toBe(category);
  });

  it('answers the #2546 traceback without any of its parts', () => {
    const { message } = userFacingError(ISSUE_2546_RAW);
    for (const part of [
      'Traceback',
      'orchestrator.py',
      'RuntimeError',
      'run_loop',
      'effect execution error',
      'nearai',
      'nearai_chat',
      '502',
    ]) {
      expect(message).not.toContain(part);
    }
  });

  it('starts the router context-overflow answer with "The request was too large"', () => {
    const raw =
      'Orchestrator error: Llm { reason: "Context length exceeded: 200000 tokens used, 128000 allowed" }';
    expect(userFacingError(raw).message.startsWith('The request was too large')).toBe(true);
  });

  it.each(['HTTP 502 Bad Gateway', 'HTTP 429', 'HTTP 413', 'HTTP 401', 'max iterations reached', '???'])(
    'ends the sentence for %j with a period',
    (raw) => {
      expect(userFacingError(raw).message.endsWith('.')).toBe(true);
    },
  );

  it("ends every default sentence with a period and keeps ironclaw's channel-agnostic auth wording", () => {
    for (const sentence of Object.values(DEFAULT_USER_FACING_MESSAGES)) expect(sentence).toMatch(/\.$/);
    expect(DEFAULT_USER_FACING_MESSAGES.auth_failure).toContain('re-authenticate');
    expect(DEFAULT_USER_FACING_MESSAGES.auth_failure).not.toContain('reconnect');
  });

  describe('real provider errors', () => {
    it.each([
      [
        'an OpenAI 429 insufficient_quota',
        OpenAI.APIError.generate(429, body('openai-429-insufficient-quota.json'), undefined, new Headers()),
        'quota_exhausted',
      ],
      [
        'an OpenAI 429 rate_limit_exceeded',
        OpenAI.APIError.generate(429, body('openai-429-rate-limit-exceeded.json'), undefined, new Headers()),
        'rate_limited',
      ],
      [
        'an OpenAI 400 context_length_exceeded',
        OpenAI.APIError.generate(
          400,
          body('openai-400-context-length-exceeded.json'),
          undefined,
          new Headers(),
        ),
        'context_too_large',
      ],
      [
        'an OpenAI 401 invalid_api_key',
        OpenAI.APIError.generate(401, body('openai-401-invalid-api-key.json'), undefined, new Headers()),
        'auth_failure',
      ],
      [
        'an OpenAI 400 content policy refusal',
        OpenAI.APIError.generate(
          400,
          {
            error: {
              message: 'Your request was rejected as a result of our safety system.',
              type: 'invalid_request_error',
              code: 'content_policy_violation',
            },
          },
          undefined,
          new Headers(),
        ),
        'content_blocked',
      ],
      [
        'an OpenAI 404 model_not_found',
        OpenAI.APIError.generate(
          404,
          {
            error: {
              message: 'The model `gpt-9` does not exist or you do not have access to it.',
              type: 'invalid_request_error',
              code: 'model_not_found',
            },
          },
          undefined,
          new Headers(),
        ),
        'unknown',
      ],
      [
        'an OpenAI mid-stream server_error',
        new OpenAI.APIError(
          undefined,
          {
            message: 'The server had an error while processing your request. Sorry about that!',
            type: 'server_error',
          },
          undefined,
          undefined,
        ),
        'llm_unavailable',
      ],
      [
        'an Anthropic 529 overloaded_error',
        Anthropic.APIError.generate(529, body('anthropic-overloaded.json'), undefined, new Headers()),
        'llm_unavailable',
      ],
      [
        'an Anthropic mid-stream overloaded_error',
        new Anthropic.APIError(
          undefined,
          body('anthropic-overloaded.json'),
          undefined,
          new Headers(),
          'overloaded_error',
        ),
        'llm_unavailable',
      ],
      [
        'an Anthropic 400 prompt is too long',
        Anthropic.APIError.generate(
          400,
          body('anthropic-400-prompt-too-long.json'),
          undefined,
          new Headers(),
        ),
        'context_too_large',
      ],
      [
        'a Gemini 400 API_KEY_INVALID',
        new APICallError({
          message: 'API key not valid.',
          url: 'u',
          requestBodyValues: {},
          statusCode: 400,
          responseBody: fixture('gemini-400-api-key-invalid.json'),
        }),
        'auth_failure',
      ],
      [
        'a Gemini 429 with RetryInfo',
        new APICallError({
          message: 'quota',
          url: 'u',
          requestBodyValues: {},
          statusCode: 429,
          responseBody: fixture('gemini-429-retry-info.json'),
        }),
        'rate_limited',
      ],
      [
        'a RetryError ending on a 503',
        new RetryError({
          message: 'Failed after 3 attempts.',
          reason: 'maxRetriesExceeded',
          errors: [
            new APICallError({
              message: 'Service Unavailable',
              url: 'u',
              requestBodyValues: {},
              statusCode: 503,
            }),
          ],
        }),
        'llm_unavailable',
      ],
      [
        'a fetch TypeError caused by ECONNRESET',
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
        }),
        'llm_unavailable',
      ],
      [
        'an AbortSignal.timeout TimeoutError',
        new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
        'llm_unavailable',
      ],
      ['a user AbortError', new DOMException('This operation was aborted', 'AbortError'), 'unknown'],
      ['a Cloudflare 520 page', fixture('cloudflare-520.html'), 'llm_unavailable'],
      [
        'an OpenAI Agents SDK MaxTurnsExceeded',
        Object.assign(new Error('Max turns (10) exceeded'), { name: 'MaxTurnsExceeded' }),
        'iteration_limit',
      ],
    ])('categorizes %s', (_name, error, category) => {
      expect(userFacingError(error)).toEqual({
        category,
        message: DEFAULT_USER_FACING_MESSAGES[category as UserFacingCategory],
      });
    });
  });

  describe('options.messages', () => {
    const FRENCH: Partial<Record<UserFacingCategory, string>> = {
      rate_limited: 'Le modèle est momentanément limité. Réessayez dans un instant.',
      unknown: 'Une erreur est survenue. Réessayez.',
    };

    it('replaces the sentence of a category', () => {
      expect(userFacingError('HTTP 429 Too Many Requests', { messages: FRENCH })).toEqual({
        category: 'rate_limited',
        message: FRENCH.rate_limited,
      });
    });

    it('keeps the default for categories left out', () => {
      expect(userFacingError('HTTP 502 Bad Gateway', { messages: FRENCH }).message).toBe(
        DEFAULT_USER_FACING_MESSAGES.llm_unavailable,
      );
    });

    it('falls back to the default for an empty or non-string sentence', () => {
      const messages = { rate_limited: '  ', unknown: 42 } as unknown as Partial<
        Record<UserFacingCategory, string>
      >;
      expect(userFacingError('HTTP 429', { messages }).message).toBe(
        DEFAULT_USER_FACING_MESSAGES.rate_limited,
      );
      expect(userFacingError('???', { messages }).message).toBe(DEFAULT_USER_FACING_MESSAGES.unknown);
    });

    it('falls back to the default when the messages object throws', () => {
      const messages = new Proxy(
        {},
        {
          get: () => {
            throw new Error('i18n backend down');
          },
        },
      );
      expect(userFacingError('HTTP 429', { messages }).message).toBe(
        DEFAULT_USER_FACING_MESSAGES.rate_limited,
      );
    });
  });

  describe('options.onRaw', () => {
    it('receives the raw error, its category and its upstream categorization', () => {
      const onRaw = vi.fn();
      const error = OpenAI.APIError.generate(
        429,
        body('openai-429-rate-limit-exceeded.json'),
        undefined,
        new Headers(),
      );
      userFacingError(error, { onRaw });
      expect(onRaw).toHaveBeenCalledOnce();
      expect(onRaw).toHaveBeenCalledWith(
        error,
        'rate_limited',
        expect.objectContaining({ type: 'rate_limited', status: 429 }),
      );
    });

    it('does not change the answer when it throws', () => {
      const onRaw = (): void => {
        throw new Error('logger down');
      };
      expect(userFacingError('HTTP 502 Bad Gateway', { onRaw })).toEqual({
        category: 'llm_unavailable',
        message: DEFAULT_USER_FACING_MESSAGES.llm_unavailable,
      });
    });

    it('contains a rejected promise (no unhandled rejection)', async () => {
      const onRaw = (async () => {
        throw new Error('async logger down');
      }) as unknown as () => void;
      expect(userFacingError('HTTP 502 Bad Gateway', { onRaw }).category).toBe('llm_unavailable');
      await new Promise((resolve) => setTimeout(resolve, 10));
    });

    it('is called even for inputs nothing can be read from', () => {
      const calls: unknown[][] = [];
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      expect(userFacingError(revocable.proxy, { onRaw: (...args) => calls.push(args) }).category).toBe(
        'unknown',
      );
      expect(calls).toHaveLength(1);
      // A revoked Proxy cannot even be compared by value: check identity.
      expect(Object.is(calls[0]?.[0], revocable.proxy)).toBe(true);
      expect(calls[0]?.[1]).toBe('unknown');
    });
  });

  it('never throws, whatever the options', () => {
    const hostileOptions = new Proxy(
      {},
      {
        get: () => {
          throw new Error('options');
        },
      },
    );
    expect(userFacingError('HTTP 502', hostileOptions).category).toBe('llm_unavailable');
    expect(userFacingError('HTTP 502', null as unknown as undefined).category).toBe('llm_unavailable');
  });
});
