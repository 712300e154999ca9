import type { TextMatcherDocs } from '../../rules/text-matcher.js';

/** Where the wording of each entry of `SYMPTOM_RULES` comes from, and its examples, by entry id: only the tests read them. */
export const SYMPTOM_RULE_DOCS: TextMatcherDocs = {
  'rate-limit-phrase': {
    description:
      'rate limits and throttling: OpenAI "Rate limit reached", "Too Many Requests", AWS "ThrottlingException" / "Request was throttled" / Bedrock "Too many tokens, please wait", Gemini "Quota exceeded for" and RESOURCE_EXHAUSTED, Mistral "service tier capacity exceeded"',
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
  },
  'overloaded-phrase': {
    description:
      'Anthropic "Overloaded" (also under type api_error in coder\'s stream fixture), Gemini "The model is overloaded.", "temporarily out of capacity"',
    examples: {
      match: [
        '{"type": "error", "error": {"type": "api_error", "message": "Overloaded"}}',
        'The model is overloaded. Please try again later.',
        '429 Unable to submit request because the service is temporarily out of capacity.',
      ],
    },
  },
  'gateway-phrase': {
    description:
      'gateways and servers: reason phrases, Cloudflare 52x titles, Envoy "no healthy upstream", OpenAI "The server had an error", Gemini, Cohere, coder\'s circuit breaker',
    examples: {
      match: [
        'upstream returned Bad Gateway',
        'The server had an error while processing your request. Sorry about that!',
        'no healthy upstream',
        'circuit breaker is open',
      ],
      noMatch: ['The upstream file was not found'],
    },
  },
  'timeout-phrase': {
    description:
      'timeouts: OpenAI SDK "Request timed out.", undici "Headers Timeout Error", AbortSignal.timeout, Envoy "upstream request timeout", LiteLLM\'s timeout markers',
    examples: {
      match: [
        'Request timed out.',
        'Headers Timeout Error',
        'The operation was aborted due to timeout',
        '504 Deadline Exceeded',
      ],
    },
  },
  'axios-timeout': {
    description: 'axios: "timeout of 5000ms exceeded" (code ECONNABORTED)',
    examples: { match: ['AxiosError: timeout of 5000ms exceeded'], noMatch: ['timeout of the day'] },
  },
  'dns-failure': {
    description: 'DNS name that does not resolve, as Node and glibc print it',
    examples: { match: ['getaddrinfo ENOTFOUND api.openai.example'] },
  },
  'tls-failure': {
    description: 'TLS certificate failures as Node prints them',
    examples: { match: ['request to https://api.example failed, reason: certificate has expired'] },
  },
  'network-phrase': {
    description:
      'no response: fetch TypeErrors (is-network-error), the AI SDK\'s "Cannot connect to API", Node socket errors, Envoy "upstream connect error", urllib3/Ollama, Deno',
    examples: {
      match: [
        'TypeError: fetch failed',
        'Cannot connect to API: connect ECONNREFUSED 127.0.0.1:443',
        'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
      ],
      noMatch: ["connection 'postgres://bob:hunter2@db:5432/x' refused"],
    },
  },
  'cancelled-phrase': {
    description: 'the caller aborted: DOMException AbortError, OpenAI/Anthropic "Request was aborted."',
    examples: {
      match: ['AbortError: This operation was aborted', 'Request was aborted.'],
      noMatch: ['The operation was aborted due to timeout'],
    },
  },
};
