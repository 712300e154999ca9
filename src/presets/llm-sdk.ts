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
      any: ['[GoogleGenerativeAI Error]: Error fetching from ', 'ConnectionError: Unable to make request'],
      upstream: { reason: 'network' },
    },
    {
      id: 'llm-sdk-transient',
      kind: 'transient_upstream',
      action: 'breadcrumb',
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
    },
    {
      id: 'llm-sdk-transient-status',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      pattern: withPatternSupport(/^[A-Za-z]{0,40}Error: (?:408|409|429|5\d\d) /, patternSafety),
      upstream: TRANSIENT,
    },
    {
      id: 'llm-sdk-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      any: ['Error: Request timed out.'],
      upstream: { type: 'timeout' },
    },
    {
      id: 'llm-sdk-aborted',
      kind: 'request_aborted',
      action: 'drop',
      any: ['Error: Request was aborted.'],
    },
  ];
}
