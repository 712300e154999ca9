import type { BuiltInRuleDocs } from './types.js';
import { OVERLOADED, QUOTA_429, RATE_LIMITED, SERVER_ERROR } from './upstream-facts.js';

/** The description and examples of each rule of `llmSdkRules`, by rule id: only `checkRules` reads them. */
export const LLM_SDK_DOCS: BuiltInRuleDocs = {
  'llm-sdk-connection-failed': {
    description:
      '@google/generative-ai "Error fetching from …: fetch failed" and Mistral ConnectionError: the cause is not kept',
    examples: {
      match: [
        {
          text: 'Error: [GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent: fetch failed',
          upstream: { type: 'server_error', reason: 'network', retryable: true },
        },
      ],
      noMatch: [
        {
          text: 'Error: [GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com: [400 Bad Request] API key not valid.',
          upstream: { type: 'unauthorized', reason: 'invalid_api_key', retryable: false },
        },
      ],
    },
  },
  'llm-sdk-transient': {
    description:
      'a retryable rate limit, overload or 5xx as the SDKs throw it: AI SDK APICallError/RetryError, Gemini ApiError, Cohere, Mistral SDKError, OpenAI mid-stream',
    examples: {
      match: [
        {
          text: 'AI_RetryError: Failed after 3 attempts. Last error: The engine is currently overloaded, please try again later',
          upstream: OVERLOADED,
        },
        {
          text: 'ApiError: {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}',
          upstream: OVERLOADED,
        },
        {
          text: 'SDKError: API error occurred: Status 429\nBody: {"object":"error","message":"Requests rate limit exceeded","type":"rate_limited"}',
          upstream: RATE_LIMITED,
        },
        {
          text: 'APIError: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
          upstream: OVERLOADED,
        },
        {
          text: 'Error: The server had an error while processing your request. Sorry about that!',
          upstream: SERVER_ERROR,
        },
      ],
      noMatch: [
        {
          text: 'Error: [GoogleGenerativeAI Error]: Error fetching from https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent: fetch failed',
          upstream: { type: 'server_error', reason: 'network', retryable: true },
        },
        {
          text: 'AI_APICallError: Cannot connect to API: connect ECONNREFUSED 127.0.0.1:8080',
          upstream: { type: 'server_error', reason: 'network', retryable: true },
        },
        { text: 'AI_APICallError: You exceeded your current quota', upstream: QUOTA_429 },
        {
          text: 'ApiError: {"error":{"code":400,"message":"The input token count (1196265) exceeds the maximum number of tokens allowed (1048575)."}}',
          upstream: { type: 'bad_request', reason: 'context_overflow', retryable: false },
        },
        { text: 'InternalServerError: Internal Server Error', upstream: SERVER_ERROR },
      ],
    },
  },
  'llm-sdk-transient-status': {
    description:
      'openai, groq-sdk and @anthropic-ai/sdk APIError messages, "<status> <message>" (408, 409, 429, 5xx), when retryable',
    examples: {
      match: [
        {
          text: 'Error: 429 Rate limit reached for gpt-4o-mini in organization org-x on tokens per min (TPM)',
          upstream: RATE_LIMITED,
        },
        { text: 'Error: 502 status code (no body)', upstream: SERVER_ERROR },
        {
          text: 'OverloadedError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
          upstream: OVERLOADED,
        },
      ],
      noMatch: [
        {
          text: 'Error: 429 You exceeded your current quota, please check your plan and billing details.',
          upstream: QUOTA_429,
        },
        { text: 'Error: You requested 429 tokens', upstream: { type: 'unknown', retryable: false } },
      ],
    },
  },
  'llm-sdk-timeout': {
    description:
      'openai/groq/anthropic APIConnectionTimeoutError "Request timed out." (the SDK `timeout` option)',
    examples: {
      match: [
        {
          text: 'APIConnectionTimeoutError: Request timed out.',
          upstream: { type: 'timeout', retryable: true },
        },
        { text: 'Error: Request timed out.', upstream: { type: 'timeout', retryable: true } },
      ],
      noMatch: [
        {
          text: 'Error: Request was aborted.',
          upstream: { type: 'unknown', reason: 'cancelled', retryable: false },
        },
      ],
    },
  },
  'llm-sdk-aborted': {
    description: 'openai/groq/anthropic APIUserAbortError "Request was aborted." (the app aborted the call)',
    examples: {
      match: ['Error: Request was aborted.', 'APIUserAbortError: Request was aborted.'],
      noMatch: ['Error: Request timed out.'],
    },
  },
};
