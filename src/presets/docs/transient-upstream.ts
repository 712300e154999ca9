import type { BuiltInRuleDocs } from './types.js';
import { OVERLOADED, QUOTA_429, RATE_LIMITED, SERVER_ERROR } from './upstream-facts.js';

/** The description and examples of each rule of `transientUpstreamRules`, by rule id: only `checkRules` reads them. */
export const TRANSIENT_UPSTREAM_DOCS: BuiltInRuleDocs = {
  'transient-status': {
    description:
      'status tag / error.status of 408, 429, 502, 503, 504, 520 or 529 on an error categorizeUpstreamError calls retryable',
    examples: {
      match: [
        { text: 'POST /v1/chat/completions failed', status: 429, upstream: RATE_LIMITED },
        { text: 'Rate limit reached for requests', status: 429, upstream: RATE_LIMITED },
        { text: 'upstream gateway blip', status: 502, upstream: SERVER_ERROR },
        { text: 'POST /v1/messages failed: overloaded_error', status: 529, upstream: OVERLOADED },
      ],
      noMatch: [
        { text: 'OpenAI API error (500): internal server error', status: 500, upstream: SERVER_ERROR },
        {
          text: 'AxiosError: Request failed with status code 503',
          status: 503,
          upstream: SERVER_ERROR,
        },
        { text: 'Error: Service Unavailable', status: 503, upstream: SERVER_ERROR },
        { text: 'forbidden', status: 403, upstream: { type: 'unauthorized', retryable: false } },
        {
          text: 'Error: 429 You exceeded your current quota, please check your plan and billing details.',
          status: 429,
          upstream: QUOTA_429,
        },
      ],
    },
  },
  'transient-status-text': {
    description:
      'the same statuses as emit sites print them, e.g. "OpenAI API error (429 Too Many Requests)", when retryable',
    examples: {
      match: [
        { text: 'OpenHuman API error (504 Gateway Timeout): error code: 504', upstream: SERVER_ERROR },
        { text: 'OpenAI API error (429 Too Many Requests): rate limit', upstream: RATE_LIMITED },
        {
          text: 'custom_openai API error (502 Bad Gateway): upstream gateway blip',
          upstream: SERVER_ERROR,
        },
        { text: 'Embedding API error 502 Bad Gateway: error code: 502', upstream: SERVER_ERROR },
        { text: 'WebSocket connect: HTTP error: 503 Service Unavailable', upstream: SERVER_ERROR },
        {
          text: 'WebSocket connect: HTTP error: 502: upstream returned bad gateway',
          upstream: SERVER_ERROR,
        },
        { text: 'WebSocket connect: HTTP error: 504\nupstream gateway', upstream: SERVER_ERROR },
        { text: 'GET /teams/me/usage failed (503 Service Unavailable)', upstream: SERVER_ERROR },
        { text: 'OpenHuman API error (520 <unknown status code>): cf', upstream: SERVER_ERROR },
      ],
      noMatch: [
        {
          text: 'HTTPError: Request failed with status code 503 (Service Unavailable): GET https://api.example.com/v1',
          upstream: SERVER_ERROR,
        },
        'see runbook for 504 handling at https://example.com/504',
        'HTTP error: 5023',
        'provider returned api error 5042 (custom internal sentinel)',
        { text: 'OpenAI API error (500): internal server error', upstream: SERVER_ERROR },
        'process 502 exited unexpectedly',
        'You requested 429 tokens',
        'WebSocket connect: HTTP error: 401 Unauthorized',
        {
          text: 'OpenAI API error (429 Too Many Requests): {"error":{"code":"insufficient_quota"}}',
          upstream: QUOTA_429,
        },
      ],
    },
  },
};
