import type { Rule, RuleExample } from '../rules/types.js';
import type { UpstreamErrorReason, UpstreamErrorType } from '../upstream/types.js';
import type { UserFacingCategory } from './messages.js';

/** Tag carrying `categorizeUpstreamError(error).type` in the facts the rules below see. */
export const UPSTREAM_TYPE_TAG = 'upstream.type';
/** Tag carrying `categorizeUpstreamError(error).reason`, or `none`. */
export const UPSTREAM_REASON_TAG = 'upstream.reason';

/** A rule whose kind is the user-facing category it decides. */
type CategoryRule = Rule & { readonly kind: UserFacingCategory };

/** Rules only classify here (the first match's kind is read): `action` is fixed and never acted on. */
function categoryRule(rule: Omit<CategoryRule, 'action'>): CategoryRule {
  return { action: 'breadcrumb', ...rule };
}

/** An example as the rules see it: the error's text and what the upstream taxonomy made of it. */
function seen(text: string, type: UpstreamErrorType, reason?: UpstreamErrorReason): RuleExample {
  return { text, tags: { [UPSTREAM_TYPE_TAG]: type, [UPSTREAM_REASON_TAG]: reason ?? 'none' } };
}

/**
 * How an error becomes a user-facing category, as rules of this package's engine (checked by
 * `checkRules`). The upstream taxonomy decides first, through two tags: it reads status, body and
 * transport, so ironclaw's string markers for 429/413/401/5xx live there, with their review fixes (an
 * HTTP 400 is not "unavailable", a bare `upstream` or `unauthorized` is nothing). Phrases follow for what
 * is not an upstream error at all: an agent's step limit, a provider session.
 */
export const USER_FACING_RULES: readonly CategoryRule[] = [
  categoryRule({
    id: 'upstream-quota-exhausted',
    kind: 'quota_exhausted',
    description:
      'credits, quota or spend cap used up (OpenAI insufficient_quota, Anthropic billing, HTTP 402)',
    tags: { [UPSTREAM_REASON_TAG]: 'quota_exhausted' },
    examples: {
      match: [
        seen(
          '429 You exceeded your current quota, please check your plan and billing details.',
          'rate_limited',
          'quota_exhausted',
        ),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-context-too-large',
    kind: 'context_too_large',
    description: 'context window or request size exceeded (ironclaw issues #2276 and #2408)',
    tags: { [UPSTREAM_REASON_TAG]: ['context_overflow', 'request_too_large'] },
    examples: {
      match: [
        seen(
          'Provider nearai_chat request failed: HTTP 413 Payload Too Large',
          'bad_request',
          'request_too_large',
        ),
        seen(
          'Context length exceeded: 200000 tokens used, 128000 allowed',
          'bad_request',
          'context_overflow',
        ),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-content-blocked',
    kind: 'content_blocked',
    description: 'a safety system or moderation refused the request',
    tags: { [UPSTREAM_REASON_TAG]: 'content_policy' },
    examples: {
      match: [
        seen('Your request was rejected as a result of our safety system.', 'bad_request', 'content_policy'),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-rate-limited',
    kind: 'rate_limited',
    description: 'HTTP 429 and rate-limit bodies; a 429 wins over a body that mentions a bad gateway',
    tags: { [UPSTREAM_TYPE_TAG]: 'rate_limited' },
    examples: {
      match: [
        seen('HTTP 429 Too Many Requests (upstream: bad gateway)', 'rate_limited'),
        seen('Provider foo request failed: HTTP 429 Too Many Requests', 'rate_limited'),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-auth-failure',
    kind: 'auth_failure',
    description: "HTTP 401/403, rejected keys (including Gemini's HTTP 400 API_KEY_INVALID)",
    tags: { [UPSTREAM_TYPE_TAG]: 'unauthorized' },
    examples: {
      match: [
        seen('HTTP 401 Unauthorized', 'unauthorized'),
        seen('{"error":{"code":"invalid_api_key"}}', 'unauthorized', 'invalid_api_key'),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-unavailable',
    kind: 'llm_unavailable',
    description: 'overload, 5xx, timeouts and network failures: worth trying again later',
    tags: { [UPSTREAM_TYPE_TAG]: ['overloaded', 'server_error', 'timeout'] },
    examples: {
      match: [
        seen('HTTP 502 Bad Gateway', 'server_error'),
        seen('HTTP 504 Gateway Timeout', 'server_error'),
        seen('upstream connect error or disconnect/reset before headers', 'server_error', 'network'),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-rejected',
    kind: 'unknown',
    description:
      'a 4xx the user cannot wait out: "LLM call failed: … HTTP 400" is not "unavailable" (ironclaw\'s review regression)',
    tags: { [UPSTREAM_TYPE_TAG]: 'bad_request' },
    examples: {
      match: [
        seen(
          'RuntimeError: LLM call failed: Provider openai_codex request failed: HTTP 400 Bad Request',
          'bad_request',
        ),
      ],
    },
  }),
  categoryRule({
    id: 'upstream-not-a-provider-failure',
    kind: 'unknown',
    description: 'the caller cancelled, or TLS is misconfigured: nothing the user should wait for',
    tags: { [UPSTREAM_REASON_TAG]: ['cancelled', 'tls'] },
    examples: { match: [seen('LLM call failed: Request was aborted.', 'unknown', 'cancelled')] },
  }),
  categoryRule({
    id: 'agent-step-limit',
    kind: 'iteration_limit',
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
        seen('Reached maximum iterations', 'unknown'),
        seen('execution failed: max iterations reached', 'unknown'),
        seen('MaxTurnsExceeded: Max turns (10) exceeded', 'unknown'),
        seen(
          'GraphRecursionError: Recursion limit of 25 reached without hitting a stop condition.',
          'unknown',
        ),
      ],
      noMatch: [seen('iterations: 3', 'unknown')],
    },
  }),
  categoryRule({
    id: 'provider-session',
    kind: 'auth_failure',
    description:
      'ironclaw provider sessions: "Session expired for provider …", "Authentication failed for provider …"; never the bare word "unauthorized", which tools use for their own resources',
    ignoreCase: true,
    any: ['session expired', 'session renewal failed', 'authentication failed'],
    examples: {
      match: [
        seen('Session expired for provider nearai', 'unknown'),
        seen("Authentication failed for provider 'nearai'.", 'unknown'),
      ],
      noMatch: [seen('Tool failed: unauthorized to access /etc/shadow', 'unknown')],
    },
  }),
  categoryRule({
    id: 'llm-call-failed',
    kind: 'llm_unavailable',
    description:
      'ironclaw "LLM call failed" and "provider temporarily unavailable" with no status (with a 4xx, `upstream-rejected` decides first)',
    ignoreCase: true,
    any: ['llm call failed', 'provider temporarily unavailable'],
    examples: {
      match: [
        seen('RuntimeError: LLM call failed: provider returned an empty response', 'unknown'),
        seen('Provider temporarily unavailable', 'unknown'),
      ],
    },
  }),
];
