import type { Rule } from '../rules/types.js';
import { withTaxonomy } from './with-taxonomy.js';

const INVALID_KEY = { type: 'unauthorized', reason: 'invalid_api_key', retryable: false } as const;

/**
 * Guards (`report`) for a user's own provider key being rejected: that is a misconfiguration the app must
 * hear about, so these always reach Sentry whatever other rule matches — list them with any pack whose
 * substrings could also appear in a provider 401. Kind `provider_key_rejected`. The last guard asks
 * `categorizeUpstreamError` (reason `invalid_api_key`), so a key rejected behind an HTTP client or an SDK
 * it reads is kept too; the others read the wire text, which a recorded event still has.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...transientUpstreamRules()] });
 */
export function byoKeyGuardRules(): Rule[] {
  return withTaxonomy([
    {
      id: 'mistral-unauthorized',
      kind: 'provider_key_rejected',
      action: 'report',
      description:
        '@mistralai/mistralai SDKError for a 401: "API error occurred: Status 401" (body {"message":"Unauthorized"})',
      any: ['API error occurred: Status 401'],
      examples: {
        match: [
          'SDKError: API error occurred: Status 401. Body: {"message":"Unauthorized","request_id":"2f5a4f7c"}',
        ],
        noMatch: ['SDKError: API error occurred: Status 429'],
      },
    },
    {
      id: 'openai-invalid-api-key',
      kind: 'provider_key_rejected',
      action: 'report',
      description:
        'OpenAI 401 body {"error":{"code":"invalid_api_key","message":"Incorrect API key provided…"}}',
      ignoreCase: true,
      any: ['invalid_api_key', 'Incorrect API key provided'],
      examples: {
        match: [
          'OpenAI API error (401 Unauthorized): invalid_api_key',
          'Error: 401 Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/.',
          'OpenAI streaming API error (401 Unauthorized): {"error":{"code":"invalid_api_key","message":"Incorrect API key provided"}}',
          'Embedding API error (401 Unauthorized): invalid_api_key',
        ],
        noMatch: [
          'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
          'OpenAI API error (401): unauthorized',
        ],
      },
    },
    {
      id: 'anthropic-authentication-error',
      kind: 'provider_key_rejected',
      action: 'report',
      description:
        'Anthropic 401 body {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
      ignoreCase: true,
      any: ['authentication_error', 'invalid x-api-key'],
      examples: {
        match: [
          'Anthropic API error (401 Unauthorized): authentication_error',
          'Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":null}',
          'Anthropic streaming API error (401): authentication_error',
        ],
        noMatch: ['Anthropic API error (529): overloaded_error', 'authentication succeeded'],
      },
    },
    {
      id: 'gemini-api-key-invalid',
      kind: 'provider_key_rejected',
      action: 'report',
      description: 'Gemini answers a bad key with HTTP 400 and details[].reason "API_KEY_INVALID"',
      ignoreCase: true,
      any: ['API_KEY_INVALID', 'API key not valid. Please pass a valid API key.'],
      examples: {
        match: [
          '[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com: [400 Bad Request] API key not valid. Please pass a valid API key. [{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]',
        ],
        noMatch: [
          '{"error":{"code":400,"message":"Invalid value at \'model\'","status":"INVALID_ARGUMENT"}}',
        ],
      },
    },
    {
      id: 'cohere-voyage-key-rejected',
      kind: 'provider_key_rejected',
      action: 'report',
      description:
        'Cohere 401 bodies {"message":"invalid api token"} / {"message":"no api key supplied"}, and Voyage 401s',
      ignoreCase: true,
      any: ['invalid api token', 'no api key supplied', 'no api key provided', 'provided api key is invalid'],
      examples: {
        match: [
          'Cohere embed API error (401 Unauthorized): {"message":"invalid api token"}',
          'Cohere embed API error (401 Unauthorized): {"id":"3176e92f-d18e-4019-bd43-314821504a61","message":"no api key supplied"}',
          'Voyage embed API error (401 Unauthorized): {"detail":"Provided API key is invalid."}',
        ],
        noMatch: ['Cohere embed API error (429 Too Many Requests): rate limit exceeded.'],
      },
    },
    {
      id: 'upstream-invalid-api-key',
      kind: 'provider_key_rejected',
      action: 'report',
      description:
        'any error categorizeUpstreamError reads as a rejected key (401/403 bodies of OpenAI, Anthropic, Gemini API_KEY_INVALID, Cohere, Groq, the AI SDK, an HTTP client’s response body)',
      upstream: { reason: 'invalid_api_key' },
      examples: {
        match: [
          {
            text: 'AxiosError: Request failed with status code 401',
            status: 401,
            upstream: INVALID_KEY,
          },
          {
            text: 'HTTPError: Request failed with status code 401 (Unauthorized): POST https://api.groq.com/openai/v1/chat/completions',
            status: 401,
            upstream: INVALID_KEY,
          },
        ],
        noMatch: [
          {
            text: 'AxiosError: Request failed with status code 401',
            status: 401,
            upstream: { type: 'unauthorized', retryable: false },
          },
        ],
      },
    },
  ]);
}
