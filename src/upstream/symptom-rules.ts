import { type SignalRule, signalRule } from './signals.js';

/**
 * Phrases that describe what happened without naming a cause. They only decide when the error has no
 * HTTP status: `HTTP 429 Too Many Requests (upstream: bad gateway)` is a 429 whatever its body says.
 * In order: a rate limit wins over a gateway phrase next to it (the precedence ironclaw tests), a
 * gateway phrase over a timeout (`504 Gateway Timeout` is a `server_error` in coder's table).
 */
export const SYMPTOM_RULES: readonly SignalRule[] = [
  signalRule({
    id: 'rate-limit-phrase',
    kind: 'rate_limited',
    description:
      'rate limits and throttling: OpenAI "Rate limit reached", "Too Many Requests", AWS "ThrottlingException" / "Request was throttled" / Bedrock "Too many tokens, please wait", Gemini "Quota exceeded for" and RESOURCE_EXHAUSTED, Mistral "service tier capacity exceeded"',
    any: [
      'rate limit',
      'rate-limit',
      'rate_limit',
      'ratelimit',
      'too many requests',
      'throttl',
      'resource_exhausted',
      'resource exhausted',
      'quota exceeded for',
      'service tier capacity exceeded',
      'token_quota_reached',
      'too many tokens, please wait',
    ],
    examples: {
      match: [
        'Rate limit exceeded. Please try again in 20 seconds.',
        'HTTP 429 Too Many Requests (upstream: bad gateway)',
        'ThrottlingException: Rate exceeded',
        "429 Quota exceeded for quota metric 'Generate Content API requests per minute'",
        'all configured keys are rate-limited (retry after 30s)',
      ],
      noMatch: ['You requested 429 tokens but the limit is 100'],
    },
  }),
  signalRule({
    id: 'overloaded-phrase',
    kind: 'overloaded',
    description:
      'Anthropic "Overloaded" (also under type api_error in coder\'s stream fixture), Gemini "The model is overloaded.", "temporarily out of capacity"',
    any: ['overloaded', 'out of capacity', 'over capacity'],
    examples: {
      match: [
        '{"type": "error", "error": {"type": "api_error", "message": "Overloaded"}}',
        'The model is overloaded. Please try again later.',
        '429 Unable to submit request because the service is temporarily out of capacity.',
      ],
    },
  }),
  signalRule({
    id: 'gateway-phrase',
    kind: 'server_error',
    description:
      'gateways and servers: reason phrases, Cloudflare 52x titles, Envoy "no healthy upstream", OpenAI "The server had an error", Gemini, Cohere, coder\'s circuit breaker',
    any: [
      'bad gateway',
      'service unavailable',
      'gateway timeout',
      'gateway time-out',
      'internal server error',
      'no healthy upstream',
      'web server is returning an unknown error',
      'web server is down',
      'origin is unreachable',
      'the server had an error',
      'an internal error has occurred',
      'unexpected server error',
      'invalid response from an upstream server',
      'circuit breaker is open',
    ],
    examples: {
      match: [
        'upstream returned Bad Gateway',
        'The server had an error while processing your request. Sorry about that!',
        'no healthy upstream',
        'circuit breaker is open',
      ],
      noMatch: ['The upstream file was not found'],
    },
  }),
  signalRule({
    id: 'timeout-phrase',
    kind: 'timeout',
    description:
      'timeouts: OpenAI SDK "Request timed out.", undici "Headers Timeout Error", AbortSignal.timeout, Envoy "upstream request timeout", LiteLLM\'s timeout markers',
    any: [
      'timed out',
      'timeout error',
      'deadline exceeded',
      'deadline expired',
      'a timeout occurred',
      'upstream request timeout',
      'aborted due to timeout',
    ],
    examples: {
      match: [
        'Request timed out.',
        'Headers Timeout Error',
        'The operation was aborted due to timeout',
        '504 Deadline Exceeded',
      ],
    },
  }),
  signalRule({
    id: 'axios-timeout',
    kind: 'timeout',
    description: 'axios: "timeout of 5000ms exceeded" (code ECONNABORTED)',
    pattern: /\btimeout of \d{1,9} ?ms exceeded\b/i,
    examples: { match: ['AxiosError: timeout of 5000ms exceeded'], noMatch: ['timeout of the day'] },
  }),
  signalRule({
    id: 'dns-failure',
    kind: 'host_not_found',
    description: 'DNS name that does not resolve, as Node and glibc print it',
    any: ['enotfound', 'name or service not known', 'nodename nor servname provided'],
    examples: { match: ['getaddrinfo ENOTFOUND api.openai.example'] },
  }),
  signalRule({
    id: 'tls-failure',
    kind: 'tls',
    description: 'TLS certificate failures as Node prints them',
    any: [
      'certificate has expired',
      'self signed certificate',
      'self-signed certificate',
      'unable to verify the first certificate',
      "does not match certificate's altnames",
    ],
    examples: { match: ['request to https://api.example failed, reason: certificate has expired'] },
  }),
  signalRule({
    id: 'network-phrase',
    kind: 'network',
    description:
      'no response: fetch TypeErrors (is-network-error), the AI SDK\'s "Cannot connect to API", Node socket errors, Envoy "upstream connect error", urllib3/Ollama, Deno',
    any: [
      'fetch failed',
      'failed to fetch',
      'networkerror when attempting to fetch resource',
      'network request failed',
      'network error',
      'network connection lost',
      'internet connection appears to be offline',
      'error sending request for url',
      'cannot connect to api',
      'socket hang up',
      'other side closed',
      'econnreset',
      'econnrefused',
      'eai_again',
      'epipe',
      'upstream connect error',
      'connection reset',
      'connection refused',
      'peer closed connection',
      'incomplete chunked read',
      'failed to establish a new connection',
    ],
    examples: {
      match: [
        'TypeError: fetch failed',
        'Cannot connect to API: connect ECONNREFUSED 127.0.0.1:443',
        'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
      ],
      noMatch: ["connection 'postgres://bob:hunter2@db:5432/x' refused"],
    },
  }),
  signalRule({
    id: 'cancelled-phrase',
    kind: 'cancelled',
    description: 'the caller aborted: DOMException AbortError, OpenAI/Anthropic "Request was aborted."',
    any: ['aborterror', 'this operation was aborted', 'the operation was aborted.', 'request was aborted'],
    examples: {
      match: ['AbortError: This operation was aborted', 'Request was aborted.'],
      noMatch: ['The operation was aborted due to timeout'],
    },
  }),
];
