import type { Rule } from '../rules/types.js';
import { applyActions, checkPackOptions, checkStatuses, type DemotingAction } from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

/** The statuses that mean "try again later": timeouts, rate limits, gateways and overload. */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 502, 503, 504, 520, 529];

const PACK = 'transientUpstreamRules';

/** Options of `transientUpstreamRules`. */
export interface TransientUpstreamOptions {
  /** What the pack's rules do with a match. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** The statuses the pack considers (each still has to be retryable). @default TRANSIENT_STATUSES */
  readonly statuses?: readonly number[];
}

const REASONS: Readonly<Record<number, string>> = {
  408: 'request timeout',
  429: 'too many requests',
  500: 'internal server error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
  520: '<unknown status code>',
  529: 'site is overloaded',
};

/**
 * The messages of generic HTTP clients' status errors: axios `AxiosError`, got and ky `HTTPError`,
 * undici `ResponseStatusCodeError`, superagent's bare reason phrases of the retryable statuses, and the
 * GraphQL clients graphql-request and Apollo Client.
 */
const GENERIC_CLIENT_MESSAGES: readonly string[] = [
  'Request failed with status code ',
  'Response status code ',
  'Error: Request Timeout',
  'Error: Too Many Requests',
  'Error: Bad Gateway',
  'Error: Service Unavailable',
  'Error: Gateway Timeout',
  '"request":{"query":', // graphql-request ClientError (its message ends with the JSON of the request)
  'Response not successful: Received status code ', // Apollo Client ServerError
];

/** What `categorizeUpstreamError` says of a plain rate limit, an overload and a gateway error. */
const RATE_LIMITED = { type: 'rate_limited', retryable: true } as const;
const OVERLOADED = { type: 'overloaded', retryable: true } as const;
const SERVER_ERROR = { type: 'server_error', retryable: true } as const;
const QUOTA_429 = { type: 'rate_limited', reason: 'quota_exhausted', retryable: false } as const;

/**
 * Transient upstream failures (408/429/502/503/504/520/529): from a structured status, or from the
 * wire text apps log (`API error (429`, `HTTP error: 502 Bad Gateway`). Both rules also require the
 * error to be retryable as `categorizeUpstreamError` reads it, so a 429 that is really an exhausted
 * quota or billing failure (`insufficient_quota`) is never demoted: the pack and the taxonomy cannot
 * disagree. Text anchors carry a `(`, a reason phrase or a trailing delimiter so a digit run (`port
 * 5023`, `You requested 429 tokens`) never counts. Kind `transient_upstream`. A generic HTTP client's
 * status error (axios, got, ky, undici, superagent) is left to `httpClientRules`: its 5xx may be the
 * app's own backend.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...transientUpstreamRules({ action: 'drop' })] });
 */
export function transientUpstreamRules(options: TransientUpstreamOptions = {}): Rule[] {
  checkPackOptions(PACK, options, ['action', 'statuses']);
  checkStatuses(PACK, 'statuses', options.statuses);
  const statuses = [...(options.statuses ?? TRANSIENT_STATUSES)];
  const textAnchors = statuses.flatMap((status) => [
    `api error (${status}`,
    `api error ${status} `,
    `http error: ${status} `,
    `http error: ${status}:`,
    `http error: ${status}\n`,
    ...(REASONS[status] === undefined
      ? []
      : [`(${status} ${REASONS[status]}`, `http ${status} ${REASONS[status]}`]),
  ]);
  return withTaxonomy(
    applyActions(
      [
        {
          id: 'transient-status',
          kind: 'transient_upstream',
          action: 'breadcrumb',
          description:
            'status tag / error.status of 408, 429, 502, 503, 504, 520 or 529 on an error categorizeUpstreamError calls retryable',
          status: statuses,
          none: GENERIC_CLIENT_MESSAGES,
          upstream: { retryable: true },
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
        {
          id: 'transient-status-text',
          kind: 'transient_upstream',
          action: 'breadcrumb',
          description:
            'the same statuses as emit sites print them, e.g. "OpenAI API error (429 Too Many Requests)", when retryable',
          ignoreCase: true,
          any: textAnchors,
          none: GENERIC_CLIENT_MESSAGES,
          upstream: { retryable: true },
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
      ],
      options.action ?? 'breadcrumb',
    ),
  );
}
