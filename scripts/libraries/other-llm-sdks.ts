import { createOpenAI } from '@ai-sdk/openai';
import { Mistral } from '@mistralai/mistralai';
import { generateText } from 'ai';
import { CohereClientV2 } from 'cohere-ai';
import { COHERE, MISTRAL, OPENAI } from './llm-bodies.js';
import { KEY, KEY_REJECTED, MESSAGES, QUOTA, REFUSED, sdkScenario, TRANSIENT } from './llm-scenario.js';
import { type LibraryScenario, passes } from './scenario.js';

const cohereChat = (baseURL: string) =>
  new CohereClientV2({ token: KEY, environment: baseURL }).chat(
    { model: 'command-r-plus', messages: MESSAGES },
    { maxRetries: 0 },
  );

/** cohere-ai v2 `chat`. */
export const cohereScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    'cohere-ai',
    'invalid-api-token',
    KEY_REJECTED,
    { status: 401, body: COHERE.invalidToken },
    cohereChat,
  ),
  sdkScenario(
    'cohere-ai',
    'trial-rate-limit',
    TRANSIENT,
    { status: 429, body: COHERE.rateLimit },
    cohereChat,
  ),
  sdkScenario(
    'cohere-ai',
    'too-many-tokens',
    passes,
    { status: 400, body: COHERE.tooManyTokens },
    cohereChat,
  ),
  sdkScenario('cohere-ai', 'server-error', TRANSIENT, { status: 500, body: COHERE.serverError }, cohereChat),
  sdkScenario('cohere-ai', 'unavailable', TRANSIENT, { status: 503, body: COHERE.unavailable }, cohereChat),
];

const mistralChat = (baseURL: string) =>
  new Mistral({ apiKey: KEY, serverURL: baseURL, retryConfig: { strategy: 'none' } }).chat.complete({
    model: 'mistral-small-latest',
    messages: MESSAGES,
  });

/** @mistralai/mistralai `chat.complete`. */
export const mistralScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    '@mistralai/mistralai',
    'unauthorized',
    KEY_REJECTED,
    { status: 401, body: MISTRAL.unauthorized },
    mistralChat,
  ),
  sdkScenario(
    '@mistralai/mistralai',
    'rate-limit',
    TRANSIENT,
    { status: 429, body: MISTRAL.rateLimit },
    mistralChat,
  ),
  sdkScenario(
    '@mistralai/mistralai',
    'capacity-exceeded',
    TRANSIENT,
    { status: 429, body: MISTRAL.capacity },
    mistralChat,
  ),
  sdkScenario(
    '@mistralai/mistralai',
    'server-error',
    TRANSIENT,
    { status: 500, body: MISTRAL.serverError },
    mistralChat,
  ),
  sdkScenario('@mistralai/mistralai', 'connection-error', REFUSED, undefined, mistralChat),
];

const aiGenerate = (baseURL: string, maxRetries = 0) =>
  generateText({
    model: createOpenAI({ apiKey: KEY, baseURL }).chat('gpt-4o-mini'),
    prompt: 'Say hi.',
    maxRetries,
  });

/** `retry-after-ms` keeps the AI SDK's backoff short enough to record three attempts. */
const fastRetry = { 'retry-after-ms': '1' };

/** The Vercel AI SDK `generateText` over @ai-sdk/openai: APICallError, and RetryError after three attempts. */
export const aiScenarios: readonly LibraryScenario[] = [
  sdkScenario(
    'ai',
    'api-call-error-rate-limit',
    TRANSIENT,
    { status: 429, body: OPENAI.rateLimit },
    aiGenerate,
  ),
  sdkScenario(
    'ai',
    'api-call-error-invalid-key',
    KEY_REJECTED,
    { status: 401, body: OPENAI.invalidKey },
    aiGenerate,
  ),
  sdkScenario(
    'ai',
    'api-call-error-context-length',
    passes,
    { status: 400, body: OPENAI.contextLength },
    aiGenerate,
  ),
  sdkScenario(
    'ai',
    'api-call-error-insufficient-quota',
    QUOTA,
    { status: 429, body: OPENAI.insufficientQuota },
    aiGenerate,
  ),
  sdkScenario(
    'ai',
    'retry-error-overloaded',
    TRANSIENT,
    { status: 503, body: OPENAI.overloaded, headers: fastRetry },
    (baseURL) => aiGenerate(baseURL, 2),
  ),
  sdkScenario(
    'ai',
    'retry-error-insufficient-quota',
    QUOTA,
    { status: 429, body: OPENAI.insufficientQuota, headers: fastRetry },
    (baseURL) => aiGenerate(baseURL, 2),
  ),
  sdkScenario('ai', 'cannot-connect', REFUSED, undefined, aiGenerate),
];
