import { createOpenAI } from '@ai-sdk/openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { Mistral } from '@mistralai/mistralai';
import { generateText } from 'ai';
import { CohereClientV2 } from 'cohere-ai';
import Groq from 'groq-sdk';
import OpenAI from 'openai';
import { ANTHROPIC, COHERE, GEMINI, MISTRAL, OPENAI } from './llm-bodies.js';
import { type Answer, CLOSED_PORT, type Loopback } from './loopback.js';
import {
  CLIENT_TIMEOUT_MS,
  demotes,
  drops,
  guarded,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

const KEY_REJECTED = guarded('provider_key_rejected');
const QUOTA = guarded('quota_exhausted');
const CONTENT_POLICY = guarded('content_policy');
const TRANSIENT = demotes('transient_upstream');
const TIMEOUT = demotes('client_timeout');
const REFUSED = demotes('connection_refused');
const ABORTED = drops('request_aborted');
const KEY = 'sk-corpus-0000000000000000000000000000';
const MESSAGES = [{ role: 'user' as const, content: 'Say hi.' }];

/** One scenario: register the answer under a base path, call the SDK against it. */
function sdkScenario(
  library: string,
  name: string,
  expected: LibraryDecision,
  answer: Answer | undefined,
  call: (baseURL: string) => unknown,
  replay?: LibraryScenario['replay'],
): LibraryScenario {
  const slug = library.replace(/^@/, '').replace(/[^a-z0-9]+/g, '-');
  return {
    library,
    name,
    expected,
    ...(replay === undefined ? {} : { replay }),
    run: (loopback: Loopback) => {
      const base =
        answer === undefined
          ? `http://127.0.0.1:${CLOSED_PORT}/${slug}/${name}`
          : loopback.answer(`/${slug}/${name}/`, answer).replace(/\/$/, '');
      return thrownBy(() => call(base));
    },
  };
}

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

const openaiScenarios: LibraryScenario[] = [
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

const anthropicScenarios: LibraryScenario[] = [
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

const genai = (baseURL: string) =>
  new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: baseURL } }).models.generateContent({
    model: 'gemini-2.5-flash',
    contents: 'Say hi.',
  });

const genaiScenarios: LibraryScenario[] = [
  sdkScenario(
    '@google/genai',
    'api-key-invalid',
    KEY_REJECTED,
    { status: 400, body: GEMINI.invalidKey },
    genai,
  ),
  sdkScenario(
    '@google/genai',
    'per-minute-quota',
    TRANSIENT,
    { status: 429, body: GEMINI.perMinuteQuota },
    genai,
  ),
  sdkScenario('@google/genai', 'billing-quota', QUOTA, { status: 429, body: GEMINI.billingQuota }, genai),
  sdkScenario('@google/genai', 'unavailable', TRANSIENT, { status: 503, body: GEMINI.unavailable }, genai),
  sdkScenario('@google/genai', 'internal', TRANSIENT, { status: 500, body: GEMINI.internal }, genai),
  sdkScenario(
    '@google/genai',
    'token-count-exceeded',
    passes,
    { status: 400, body: GEMINI.invalidArgument },
    genai,
  ),
  sdkScenario('@google/genai', 'connection-error', REFUSED, undefined, genai),
];

const generativeAi = async (baseURL: string) => {
  const model = new GoogleGenerativeAI(KEY).getGenerativeModel(
    { model: 'gemini-1.5-flash' },
    { baseUrl: baseURL },
  );
  const result = await model.generateContent('Say hi.');
  return result.response.text();
};

const generativeAiScenarios: LibraryScenario[] = [
  sdkScenario(
    '@google/generative-ai',
    'api-key-invalid',
    KEY_REJECTED,
    { status: 400, body: GEMINI.invalidKey },
    generativeAi,
  ),
  // This SDK folds the body into its message, RetryInfo included; categorizeUpstreamError reads the
  // quota sentence there but no retry delay, so the quota guard keeps it: it reaches Sentry.
  sdkScenario(
    '@google/generative-ai',
    'per-minute-quota',
    QUOTA,
    { status: 429, body: GEMINI.perMinuteQuota },
    generativeAi,
  ),
  sdkScenario(
    '@google/generative-ai',
    'billing-quota',
    QUOTA,
    { status: 429, body: GEMINI.billingQuota },
    generativeAi,
  ),
  sdkScenario(
    '@google/generative-ai',
    'unavailable',
    TRANSIENT,
    { status: 503, body: GEMINI.unavailable },
    generativeAi,
  ),
  sdkScenario(
    '@google/generative-ai',
    'internal',
    TRANSIENT,
    { status: 500, body: GEMINI.internal },
    generativeAi,
  ),
  sdkScenario(
    '@google/generative-ai',
    'safety-blocked',
    CONTENT_POLICY,
    { status: 200, body: GEMINI.blocked },
    generativeAi,
  ),
  // The SDK keeps only "fetch failed" of the undici error, not its cause.
  sdkScenario(
    '@google/generative-ai',
    'connection-error',
    demotes('connection_failed'),
    undefined,
    generativeAi,
  ),
];

const cohereChat = (baseURL: string) =>
  new CohereClientV2({ token: KEY, environment: baseURL }).chat(
    { model: 'command-r-plus', messages: MESSAGES },
    { maxRetries: 0 },
  );

const cohereScenarios: LibraryScenario[] = [
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

const groqChat = (baseURL: string) =>
  new Groq({ apiKey: KEY, baseURL, maxRetries: 0 }).chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    messages: MESSAGES,
  });

const groqScenarios: LibraryScenario[] = [
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

const mistralChat = (baseURL: string) =>
  new Mistral({ apiKey: KEY, serverURL: baseURL, retryConfig: { strategy: 'none' } }).chat.complete({
    model: 'mistral-small-latest',
    messages: MESSAGES,
  });

const mistralScenarios: LibraryScenario[] = [
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

const aiScenarios: LibraryScenario[] = [
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

/** LLM SDKs: transient vs quota vs key rejected vs content policy. */
export const llmScenarios: readonly LibraryScenario[] = [
  ...openaiScenarios,
  ...anthropicScenarios,
  ...genaiScenarios,
  ...generativeAiScenarios,
  ...cohereScenarios,
  ...groqScenarios,
  ...mistralScenarios,
  ...aiScenarios,
];
