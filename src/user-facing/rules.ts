import type { TextMatcherEntry } from '../rules/text-matcher.js';
import type { UpstreamErrorInfo, UpstreamErrorReason, UpstreamErrorType } from '../upstream/types.js';
import type { UserFacingCategory } from './messages.js';

/** An example error text and what the upstream taxonomy makes of it. */
export interface UpstreamExample {
  readonly text: string;
  readonly type: UpstreamErrorType;
  readonly reason?: UpstreamErrorReason;
}

/**
 * A category decided by the upstream taxonomy's verdict: the error's `type` is one of `types`, or its
 * `reason` one of `reasons`.
 */
export interface UpstreamCategory {
  readonly id: string;
  readonly category: UserFacingCategory;
  readonly description: string;
  readonly types?: readonly UpstreamErrorType[];
  readonly reasons?: readonly UpstreamErrorReason[];
  /** Texts `categorizeUpstreamError` gives this verdict, and `userFacingError` this category. */
  readonly examples: readonly UpstreamExample[];
}

/** Whether an error's upstream verdict falls under an entry of `UPSTREAM_CATEGORIES`. */
export function upstreamCategoryHolds(entry: UpstreamCategory, info: UpstreamErrorInfo): boolean {
  if (entry.types?.includes(info.type)) return true;
  return info.reason !== undefined && entry.reasons?.includes(info.reason) === true;
}

function seen(text: string, type: UpstreamErrorType, reason?: UpstreamErrorReason): UpstreamExample {
  return reason === undefined ? { text, type } : { text, type, reason };
}

/**
 * How an error becomes a user-facing category, first from the upstream taxonomy's verdict (in order, the
 * first that holds decides): it reads status, body and transport, so ironclaw's string markers for
 * 429/413/401/5xx live there, with their review fixes (an HTTP 400 is not "unavailable", a bare
 * `upstream` or `unauthorized` is nothing). `USER_FACING_PHRASES` follow for what is not an upstream
 * error at all.
 */
export const UPSTREAM_CATEGORIES: readonly UpstreamCategory[] = [
  {
    id: 'upstream-quota-exhausted',
    category: 'quota_exhausted',
    description:
      'credits, quota or spend cap used up (OpenAI insufficient_quota, Anthropic billing, HTTP 402)',
    reasons: ['quota_exhausted'],
    examples: [
      seen(
        '429 You exceeded your current quota, please check your plan and billing details.',
        'rate_limited',
        'quota_exhausted',
      ),
    ],
  },
  {
    id: 'upstream-context-too-large',
    category: 'context_too_large',
    description: 'context window or request size exceeded (ironclaw issues #2276 and #2408)',
    reasons: ['context_overflow', 'request_too_large'],
    examples: [
      seen(
        'Provider nearai_chat request failed: HTTP 413 Payload Too Large',
        'bad_request',
        'request_too_large',
      ),
      seen('Context length exceeded: 200000 tokens used, 128000 allowed', 'bad_request', 'context_overflow'),
    ],
  },
  {
    id: 'upstream-content-blocked',
    category: 'content_blocked',
    description: 'a safety system or moderation refused the request',
    reasons: ['content_policy'],
    examples: [
      seen('Your request was rejected as a result of our safety system.', 'bad_request', 'content_policy'),
    ],
  },
  {
    id: 'upstream-rate-limited',
    category: 'rate_limited',
    description: 'HTTP 429 and rate-limit bodies; a 429 wins over a body that mentions a bad gateway',
    types: ['rate_limited'],
    examples: [
      seen('HTTP 429 Too Many Requests (upstream: bad gateway)', 'rate_limited'),
      seen('Provider foo request failed: HTTP 429 Too Many Requests', 'rate_limited'),
    ],
  },
  {
    id: 'upstream-auth-failure',
    category: 'auth_failure',
    description: "HTTP 401/403, rejected keys (including Gemini's HTTP 400 API_KEY_INVALID)",
    types: ['unauthorized'],
    examples: [
      seen('HTTP 401 Unauthorized', 'unauthorized'),
      seen('{"error":{"code":"invalid_api_key"}}', 'unauthorized', 'invalid_api_key'),
    ],
  },
  {
    id: 'upstream-unavailable',
    category: 'llm_unavailable',
    description: 'overload, 5xx, timeouts and network failures: worth trying again later',
    types: ['overloaded', 'server_error', 'timeout'],
    examples: [
      seen('HTTP 502 Bad Gateway', 'server_error'),
      seen('HTTP 504 Gateway Timeout', 'server_error'),
      seen('upstream connect error or disconnect/reset before headers', 'server_error', 'network'),
    ],
  },
  {
    id: 'upstream-rejected',
    category: 'unknown',
    description:
      'a 4xx the user cannot wait out: "LLM call failed: … HTTP 400" is not "unavailable" (ironclaw\'s review regression)',
    types: ['bad_request'],
    examples: [
      seen(
        'RuntimeError: LLM call failed: Provider openai_codex request failed: HTTP 400 Bad Request',
        'bad_request',
      ),
    ],
  },
  {
    id: 'upstream-not-a-provider-failure',
    category: 'unknown',
    description: 'the caller cancelled, or TLS is misconfigured: nothing the user should wait for',
    reasons: ['cancelled', 'tls'],
    examples: [seen('LLM call failed: Request was aborted.', 'unknown', 'cancelled')],
  },
];

/**
 * Phrases for failures that are not upstream errors (an agent's step limit, a provider session), read
 * when no entry of `UPSTREAM_CATEGORIES` holds.
 */
export const USER_FACING_PHRASES: readonly TextMatcherEntry<UserFacingCategory>[] = [
  {
    id: 'agent-step-limit',
    label: 'iteration_limit',
    description:
      'agent loops: ironclaw "max iterations", LangChain "Agent stopped due to max iterations.", OpenAI Agents SDK MaxTurnsExceeded, LangGraph GraphRecursionError',
    ignoreCase: true,
    any: [
      'max iterations',
      'maximum iterations',
      'max_iterations',
      'maxturnsexceeded',
      'max turns (',
      'recursion limit of',
    ],
    examples: {
      match: [
        'Reached maximum iterations',
        'execution failed: max iterations reached',
        'MaxTurnsExceeded: Max turns (10) exceeded',
        'GraphRecursionError: Recursion limit of 25 reached without hitting a stop condition.',
      ],
      noMatch: ['iterations: 3'],
    },
  },
  {
    id: 'provider-session',
    label: 'auth_failure',
    description:
      'ironclaw provider sessions: "Session expired for provider …", "Authentication failed for provider …"; never the bare word "unauthorized", which tools use for their own resources',
    ignoreCase: true,
    any: ['session expired', 'session renewal failed', 'authentication failed'],
    examples: {
      match: ['Session expired for provider nearai', "Authentication failed for provider 'nearai'."],
      noMatch: ['Tool failed: unauthorized to access /etc/shadow'],
    },
  },
  {
    id: 'llm-call-failed',
    label: 'llm_unavailable',
    description:
      'ironclaw "LLM call failed" and "provider temporarily unavailable" with no status (with a 4xx, `upstream-rejected` decides first)',
    ignoreCase: true,
    any: ['llm call failed', 'provider temporarily unavailable'],
    examples: {
      match: [
        'RuntimeError: LLM call failed: provider returned an empty response',
        'Provider temporarily unavailable',
      ],
    },
  },
];
