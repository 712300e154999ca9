import type { BuiltInRuleDocs } from './types.js';
import { INVALID_KEY } from './upstream-facts.js';

/** The description and examples of each rule of `byoKeyGuardRules`, by rule id: only `checkRules` reads them. */
export const BYO_KEY_GUARDS_DOCS: BuiltInRuleDocs = {
  'mistral-unauthorized': {
    description:
      '@mistralai/mistralai SDKError for a 401: "API error occurred: Status 401" (body {"message":"Unauthorized"})',
    examples: {
      match: [
        'SDKError: API error occurred: Status 401. Body: {"message":"Unauthorized","request_id":"2f5a4f7c"}',
      ],
      noMatch: ['SDKError: API error occurred: Status 429'],
    },
  },
  'openai-invalid-api-key': {
    description:
      'OpenAI 401 body {"error":{"code":"invalid_api_key","message":"Incorrect API key provided…"}}',
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
  'anthropic-authentication-error': {
    description:
      'Anthropic 401 body {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
    examples: {
      match: [
        'Anthropic API error (401 Unauthorized): authentication_error',
        'Error: 401 {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":null}',
        'Anthropic streaming API error (401): authentication_error',
      ],
      noMatch: ['Anthropic API error (529): overloaded_error', 'authentication succeeded'],
    },
  },
  'gemini-api-key-invalid': {
    description: 'Gemini answers a bad key with HTTP 400 and details[].reason "API_KEY_INVALID"',
    examples: {
      match: [
        '[GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com: [400 Bad Request] API key not valid. Please pass a valid API key. [{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]',
      ],
      noMatch: ['{"error":{"code":400,"message":"Invalid value at \'model\'","status":"INVALID_ARGUMENT"}}'],
    },
  },
  'cohere-voyage-key-rejected': {
    description:
      'Cohere 401 bodies {"message":"invalid api token"} / {"message":"no api key supplied"}, and Voyage 401s',
    examples: {
      match: [
        'Cohere embed API error (401 Unauthorized): {"message":"invalid api token"}',
        'Cohere embed API error (401 Unauthorized): {"id":"3176e92f-d18e-4019-bd43-314821504a61","message":"no api key supplied"}',
        'Voyage embed API error (401 Unauthorized): {"detail":"Provided API key is invalid."}',
      ],
      noMatch: ['Cohere embed API error (429 Too Many Requests): rate limit exceeded.'],
    },
  },
  'upstream-invalid-api-key': {
    description:
      'any error categorizeUpstreamError reads as a rejected key (401/403 bodies of OpenAI, Anthropic, Gemini API_KEY_INVALID, Cohere, Groq, the AI SDK, an HTTP client’s response body)',
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
};
