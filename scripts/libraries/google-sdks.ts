import { GoogleGenAI } from '@google/genai';
import { GoogleGenerativeAI } from '@google/generative-ai';
import { GEMINI } from './llm-bodies.js';
import { CONTENT_POLICY, KEY, KEY_REJECTED, QUOTA, REFUSED, sdkScenario, TRANSIENT } from './llm-scenario.js';
import { demotedOnDevice, type LibraryScenario, passes } from './scenario.js';

const genai = (baseURL: string) =>
  new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: baseURL } }).models.generateContent({
    model: 'gemini-2.5-flash',
    contents: 'Say hi.',
  });

/** @google/genai `models.generateContent`. */
export const genaiScenarios: readonly LibraryScenario[] = [
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

/** @google/generative-ai `generateContent`, including a response blocked for safety. */
export const generativeAiScenarios: readonly LibraryScenario[] = [
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
    demotedOnDevice('connection_failed'),
    undefined,
    generativeAi,
  ),
];
