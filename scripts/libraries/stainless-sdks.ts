import Anthropic from '@anthropic-ai/sdk';
import Groq from 'groq-sdk';
import OpenAI from 'openai';
import { ANTHROPIC, OPENAI } from './llm-bodies.js';
import {
  ABORTED,
  CONTENT_POLICY,
  KEY,
  KEY_REJECTED,
  MESSAGES,
  QUOTA,
  REFUSED,
  sdkScenario,
  TIMEOUT,
  TRANSIENT,
} from './llm-scenario.js';
import type { Answer, Loopback } from './loopback.js';
import {
  CLIENT_TIMEOUT_MS,
  guarded,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

const openaiChat = (baseURL: string, options: { timeout?: number; signal?: AbortSignal } = {}) =>
  new OpenAI({
    apiKey: KEY,
    baseURL,
    maxRetries: 0,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  }).chat.completions.create(
    { model: 'gpt-4o-mini', messages: MESSAGES },
    options.signal ? { signal: options.signal } : {},
  );

/** openai `chat.completions.create`, streamed and not. */
export const openaiScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    'openai',
    'invalid-api-key',
    KEY_REJECTED,
    { status: 401, body: OPENAI.invalidKey },
    openaiChat,
  ),
  sdkScenario('openai', 'rate-limit', TRANSIENT, { status: 429, body: OPENAI.rateLimit }, openaiChat),
  sdkScenario(
    'openai',
    'insufficient-quota',
    QUOTA,
    { status: 429, body: OPENAI.insufficientQuota },
    openaiChat,
  ),
  sdkScenario('openai', 'context-length', passes, { status: 400, body: OPENAI.contextLength }, openaiChat),
  sdkScenario(
    'openai',
    'content-policy',
    CONTENT_POLICY,
    { status: 400, body: OPENAI.contentPolicy },
    openaiChat,
  ),
  sdkScenario(
    'openai',
    'unsupported-country',
    guarded('permission_denied'),
    { status: 403, body: OPENAI.unsupportedCountry },
    openaiChat,
  ),
  sdkScenario('openai', 'model-not-found', passes, { status: 404, body: OPENAI.modelNotFound }, openaiChat),
  sdkScenario('openai', 'server-error', TRANSIENT, { status: 500, body: OPENAI.serverError }, openaiChat),
  sdkScenario('openai', 'overloaded', TRANSIENT, { status: 503, body: OPENAI.overloaded }, openaiChat),
  sdkScenario('openai', 'no-body-502', TRANSIENT, { status: 502, body: '' }, openaiChat),
  sdkScenario('openai', 'connection-error', REFUSED, undefined, openaiChat),
  sdkScenario('openai', 'timeout', TIMEOUT, { hang: true }, (baseURL) =>
    openaiChat(baseURL, { timeout: CLIENT_TIMEOUT_MS }),
  ),
  sdkScenario('openai', 'user-abort', ABORTED, { hang: true }, (baseURL) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    return openaiChat(baseURL, { signal: controller.signal });
  }),
  sdkScenario(
    'openai',
    'mid-stream-error',
    TRANSIENT,
    { stream: OPENAI.streamServerError },
    async (baseURL) => {
      const stream = await new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0 }).chat.completions.create({
        model: 'gpt-4o-mini',
        messages: MESSAGES,
        stream: true,
      });
      for await (const _chunk of stream) {
        // Consumed as an app renders tokens.
      }
    },
  ),
];

const anthropicMessage = (baseURL: string, options: { timeout?: number } = {}) =>
  new Anthropic({
    apiKey: KEY,
    baseURL,
    maxRetries: 0,
    ...(options.timeout ? { timeout: options.timeout } : {}),
  }).messages.create({
    model: 'claude-sonnet-5',
    max_tokens: 64,
    messages: MESSAGES,
  });

/** @anthropic-ai/sdk `messages.create`, streamed and not. */
export const anthropicScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    '@anthropic-ai/sdk',
    'authentication-error',
    KEY_REJECTED,
    { status: 401, body: ANTHROPIC.authentication },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'rate-limit',
    TRANSIENT,
    { status: 429, body: ANTHROPIC.rateLimit, headers: { 'retry-after': '12' } },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'overloaded-529',
    TRANSIENT,
    { status: 529, body: ANTHROPIC.overloaded },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'api-error-500',
    TRANSIENT,
    { status: 500, body: ANTHROPIC.apiError },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'billing-error',
    QUOTA,
    { status: 402, body: ANTHROPIC.billing },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'permission-error',
    guarded('permission_denied'),
    { status: 403, body: ANTHROPIC.permission },
    anthropicMessage,
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'prompt-too-long',
    passes,
    { status: 400, body: ANTHROPIC.promptTooLong },
    anthropicMessage,
  ),
  sdkScenario('@anthropic-ai/sdk', 'connection-error', REFUSED, undefined, anthropicMessage),
  sdkScenario('@anthropic-ai/sdk', 'timeout', TIMEOUT, { hang: true }, (baseURL) =>
    anthropicMessage(baseURL, { timeout: CLIENT_TIMEOUT_MS }),
  ),
  sdkScenario(
    '@anthropic-ai/sdk',
    'mid-stream-overloaded',
    TRANSIENT,
    { stream: ANTHROPIC.streamOverloaded },
    async (baseURL) => {
      const stream = await new Anthropic({ apiKey: KEY, baseURL, maxRetries: 0 }).messages.create({
        model: 'claude-sonnet-5',
        max_tokens: 64,
        messages: MESSAGES,
        stream: true,
      });
      for await (const _event of stream) {
        // Consumed as an app renders tokens.
      }
    },
  ),
];

const groqChat = (baseURL: string) =>
  new Groq({ apiKey: KEY, baseURL, maxRetries: 0 }).chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    messages: MESSAGES,
  });

/** groq-sdk (the same generator as openai, its own bodies). */
export const groqScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    'groq-sdk',
    'invalid-api-key',
    KEY_REJECTED,
    {
      status: 401,
      body: { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } },
    },
    groqChat,
  ),
  sdkScenario(
    'groq-sdk',
    'rate-limit',
    TRANSIENT,
    {
      status: 429,
      body: {
        error: {
          message:
            'Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_corpus` service tier `on_demand` on tokens per minute (TPM): Limit 6000, Used 5800, Requested 900. Please try again in 7s.',
          type: 'tokens',
          code: 'rate_limit_exceeded',
        },
      },
      headers: { 'retry-after': '7' },
    },
    groqChat,
  ),
  sdkScenario(
    'groq-sdk',
    'over-capacity',
    TRANSIENT,
    { status: 503, body: { error: { message: 'Service Unavailable', type: 'internal_server_error' } } },
    groqChat,
  ),
  sdkScenario('groq-sdk', 'connection-error', REFUSED, undefined, groqChat),
];

/** `Promise.any` over two deployments, as a fallback chain does: an AggregateError of both failures. */
function fallbackScenario(
  name: string,
  expected: LibraryDecision,
  first: Answer,
  second: Answer,
): LibraryScenario {
  return {
    library: 'openai',
    name,
    expected,
    run: (loopback: Loopback) => {
      const primary = loopback.answer(`/openai/${name}-primary/`, first).replace(/\/$/, '');
      const fallback = loopback.answer(`/openai/${name}-fallback/`, second).replace(/\/$/, '');
      return thrownBy(() => Promise.any([openaiChat(primary), openaiChat(fallback)]));
    },
  };
}

/** AggregateErrors of a fallback chain: transient when every attempt was, a guard when one was a quota. */
export const aggregateScenarios: readonly LibraryScenario[] = [
  fallbackScenario(
    'aggregate-of-transient',
    TRANSIENT,
    { status: 503, body: OPENAI.overloaded },
    { status: 429, body: OPENAI.rateLimit },
  ),
  fallbackScenario(
    'aggregate-with-quota',
    QUOTA,
    { status: 503, body: OPENAI.overloaded },
    { status: 429, body: OPENAI.insufficientQuota },
  ),
];
