import { patternSafety } from '../rules/linear-pattern.js';
import { withPatternSupport } from '../rules/pattern.js';
import type { Rule } from '../rules/types.js';
import { llmSdkGuards } from './llm-sdk-guards.js';
import {
  checkRunsOn,
  type DemotingAction,
  detectRunsOn,
  type KindChoices,
  kindPackRules,
  type RunsOn,
} from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

const PACK = 'llmSdkRules';

/** The kinds `llmSdkRules` demotes. */
export const LLM_SDK_KINDS = [
  'transient_upstream',
  'client_timeout',
  'request_aborted',
  'connection_failed',
] as const;

/** One of `LLM_SDK_KINDS`. */
export type LlmSdkKind = (typeof LLM_SDK_KINDS)[number];

/** Options of `llmSdkRules`. */
export interface LlmSdkOptions {
  /** What the demoting rules do with a match (`request_aborted` drops unless chosen otherwise). @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** Per kind: another action, or `false` to leave that kind out. */
  readonly kinds?: KindChoices<LlmSdkKind>;
  /**
   * Where the app runs: on a `device` an SDK's failed connection (`connection_failed`) is the user's
   * network (demoted); on a `server` it is the app's own egress, proxy or DNS (it passes).
   * @default 'device' where `document`, `process.versions.electron` or Tauri's globals exist, else 'server'
   */
  readonly runsOn?: RunsOn;
}

const RETRYABLE_TYPES = ['rate_limited', 'overloaded', 'server_error'] as const;
const TRANSIENT = { retryable: true, type: [...RETRYABLE_TYPES] } as const;
const RATE_LIMITED = { type: 'rate_limited', retryable: true } as const;
const OVERLOADED = { type: 'overloaded', retryable: true } as const;
const SERVER_ERROR = { type: 'server_error', retryable: true } as const;
const QUOTA_429 = { type: 'rate_limited', reason: 'quota_exhausted', retryable: false } as const;

/**
 * LLM SDKs — openai, @anthropic-ai/sdk, @google/genai, @google/generative-ai, cohere-ai, groq-sdk,
 * @mistralai/mistralai and the Vercel AI SDK (`AI_APICallError`, `AI_RetryError` of retries): an error
 * that `categorizeUpstreamError` calls retryable (rate limit, overload, 5xx, a server error mid-stream)
 * is `transient_upstream`; SDK timeouts are `client_timeout`, the app's own abort `request_aborted`
 * (dropped), and a connection failure whose cause the SDK hid `connection_failed` (with the cause in
 * the chain, `httpClientRules` names it: refused, reset, DNS).
 *
 * Guards (`report`), each a failure a human must act on: an exhausted quota or billing failure
 * (`insufficient_quota` — also behind a 429 or inside a RetryError —, `billing_error`), a
 * content-policy refusal (OpenAI `content_policy_violation`, Gemini `blocked due to SAFETY`) and a
 * permission failure (region, organization, key scope). A rejected key is `byoKeyGuardRules`'s job.
 * Left alone: context overflow, unknown model, invalid parameters — bugs in the request.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...llmSdkRules({ action: 'drop' })] });
 */
export function llmSdkRules(options: LlmSdkOptions = {}): Rule[] {
  checkRunsOn(PACK, options?.runsOn);
  const device = (options?.runsOn ?? detectRunsOn()) === 'device';
  const demoting = demotions().filter((rule) => device || rule.kind !== 'connection_failed');
  return withTaxonomy(
    kindPackRules(
      PACK,
      LLM_SDK_KINDS,
      options,
      [...llmSdkGuards(), ...demoting],
      { request_aborted: 'drop' },
      ['runsOn'],
    ),
  );
}

function demotions(): Rule[] {
  // The connection rule comes first: a failed fetch is also a retryable "server_error" to the taxonomy.
  return [
    {
      id: 'llm-sdk-connection-failed',
      kind: 'connection_failed',
      action: 'breadcrumb',
      description:
        '@google/generative-ai "Error fetching from …: fetch failed" and Mistral ConnectionError: the cause is not kept',
      any: ['[GoogleGenerativeAI Error]: Error fetching from ', 'ConnectionError: Unable to make request'],
      upstream: { reason: 'network' },
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
    {
      id: 'llm-sdk-transient',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'a retryable rate limit, overload or 5xx as the SDKs throw it: AI SDK APICallError/RetryError, Gemini ApiError, Cohere, Mistral SDKError, OpenAI mid-stream',
      any: [
        'AI_APICallError: ', // Vercel AI SDK
        'AI_RetryError: ', // Vercel AI SDK, the attempts of a retry loop
        'ApiError: {"error":{"code":', // @google/genai
        '[GoogleGenerativeAI Error]: Error fetching from ', // @google/generative-ai
        'TooManyRequestsError: TooManyRequestsError\nStatus code:', // cohere-ai
        'InternalServerError: InternalServerError\nStatus code:', // cohere-ai
        'ServiceUnavailableError: ServiceUnavailableError\nStatus code:', // cohere-ai
        'SDKError: API error occurred: Status ', // @mistralai/mistralai
        'APIError: {"type":"error","error":', // @anthropic-ai/sdk, an `event: error` mid-stream
        'The server had an error while processing your request', // openai, a `data: {"error":…}` mid-stream
      ],
      // A failed connection is not the provider's answer: `connection_failed`, on a device only.
      none: ['Cannot connect to API: ', ': fetch failed'],
      upstream: TRANSIENT,
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
    {
      id: 'llm-sdk-transient-status',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'openai, groq-sdk and @anthropic-ai/sdk APIError messages, "<status> <message>" (408, 409, 429, 5xx), when retryable',
      pattern: withPatternSupport(/^[A-Za-z]{0,40}Error: (?:408|409|429|5\d\d) /, patternSafety),
      upstream: TRANSIENT,
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
    {
      id: 'llm-sdk-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      description:
        'openai/groq/anthropic APIConnectionTimeoutError "Request timed out." (the SDK `timeout` option)',
      any: ['Error: Request timed out.'],
      upstream: { type: 'timeout' },
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
    {
      id: 'llm-sdk-aborted',
      kind: 'request_aborted',
      action: 'drop',
      description:
        'openai/groq/anthropic APIUserAbortError "Request was aborted." (the app aborted the call)',
      any: ['Error: Request was aborted.'],
      examples: {
        match: ['Error: Request was aborted.', 'APIUserAbortError: Request was aborted.'],
        noMatch: ['Error: Request timed out.'],
      },
    },
  ];
}
