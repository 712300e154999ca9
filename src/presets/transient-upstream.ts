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
          status: statuses,
          none: GENERIC_CLIENT_MESSAGES,
          upstream: { retryable: true },
        },
        {
          id: 'transient-status-text',
          kind: 'transient_upstream',
          action: 'breadcrumb',
          ignoreCase: true,
          any: textAnchors,
          none: GENERIC_CLIENT_MESSAGES,
          upstream: { retryable: true },
        },
      ],
      options.action ?? 'breadcrumb',
    ),
  );
}
