import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './session-expired.js';

/** The statuses that mean "try again later": timeouts, rate limits, gateways and overload. */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 502, 503, 504, 520, 529];

const REASONS: Readonly<Record<number, string>> = {
  408: 'request timeout',
  429: 'too many requests',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
  520: '<unknown status code>',
  529: 'site is overloaded',
};

/**
 * Transient upstream failures (408/429/502/503/504/520/529): from a structured status, or from the
 * wire text apps log (`API error (429`, `HTTP error: 502 Bad Gateway`). Text anchors carry a `(`, a
 * reason phrase or a trailing delimiter so a digit run (`port 5023`, `You requested 429 tokens`) never
 * counts. Kind `transient_upstream`.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...transientUpstreamRules({ action: 'drop' })] });
 */
export function transientUpstreamRules(options: PresetOptions = {}): Rule[] {
  const action = options.action ?? 'breadcrumb';
  const textAnchors = TRANSIENT_STATUSES.flatMap((status) => [
    `api error (${status}`,
    `api error ${status} `,
    `http error: ${status} `,
    `http error: ${status}:`,
    `http error: ${status}\n`,
    `(${status} ${REASONS[status]}`,
    `http ${status} ${REASONS[status]}`,
  ]);
  return [
    {
      id: 'transient-status',
      kind: 'transient_upstream',
      action,
      description: 'status tag / error.status of 408, 429, 502, 503, 504, 520 or 529',
      status: TRANSIENT_STATUSES,
      examples: {
        match: [
          { text: 'POST /v1/chat/completions failed', status: 429 },
          { text: 'RateLimitError: 429 Rate limit reached for requests', status: 429 },
          { text: 'upstream gateway blip', status: 502 },
          {
            text: 'InternalServerError: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
            status: 529,
          },
        ],
        noMatch: [
          { text: 'OpenAI API error (500): internal server error', status: 500 },
          { text: 'forbidden', status: 403 },
        ],
      },
    },
    {
      id: 'transient-status-text',
      kind: 'transient_upstream',
      action,
      description:
        'the same statuses as emit sites print them, e.g. "OpenAI API error (429 Too Many Requests)"',
      ignoreCase: true,
      any: textAnchors,
      examples: {
        match: [
          'OpenHuman API error (504 Gateway Timeout): error code: 504',
          'OpenAI API error (429 Too Many Requests): rate limit',
          'custom_openai API error (502 Bad Gateway): upstream gateway blip',
          'Embedding API error 502 Bad Gateway: error code: 502',
          'WebSocket connect: HTTP error: 503 Service Unavailable',
          'WebSocket connect: HTTP error: 502: upstream returned bad gateway',
          'WebSocket connect: HTTP error: 504\nupstream gateway',
          'GET /teams/me/usage failed (503 Service Unavailable)',
          'OpenHuman API error (520 <unknown status code>): cf',
        ],
        noMatch: [
          'see runbook for 504 handling at https://example.com/504',
          'HTTP error: 5023',
          'provider returned api error 5042 (custom internal sentinel)',
          'OpenAI API error (500): internal server error',
          'process 502 exited unexpectedly',
          'You requested 429 tokens',
          'WebSocket connect: HTTP error: 401 Unauthorized',
        ],
      },
    },
  ];
}
