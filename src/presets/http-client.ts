import type { Rule } from '../rules/types.js';
import { type DemotingAction, type KindChoices, kindPackRules } from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

const PACK = 'httpClientRules';

/** The kinds `httpClientRules` demotes, each of which an app may treat apart. */
export const HTTP_CLIENT_KINDS = [
  'http_unauthorized',
  'http_not_found',
  'transient_upstream',
  'client_timeout',
  'request_aborted',
  'connection_refused',
  'connection_reset',
  'dns_failure',
] as const;

/** One of `HTTP_CLIENT_KINDS`. */
export type HttpClientKind = (typeof HTTP_CLIENT_KINDS)[number];

/** Options of `httpClientRules`. */
export interface HttpClientOptions {
  /** What the demoting rules do with a match (`request_aborted` drops unless chosen otherwise). @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** Per kind: another action, or `false` to leave that kind out (its events then pass). */
  readonly kinds?: KindChoices<HttpClientKind>;
}

/** The messages of the HTTP clients that throw on a status, with the status in them. */
const STATUS_MESSAGES = [
  'Request failed with status code ', // axios `AxiosError`, got and ky `HTTPError`
  'Response status code ', // undici `ResponseStatusCodeError` (`request` with `throwOnError`)
] as const;

const withStatus = (status: number): string[] => STATUS_MESSAGES.map((message) => `${message}${status}`);
const RETRYABLE = (type: 'rate_limited' | 'server_error' | 'timeout') => ({ type, retryable: true }) as const;

/**
 * What HTTP clients throw when the server answers with an expected status or does not answer at all —
 * axios, got, ky, superagent, node-fetch, undici and the global `fetch` — from the messages they
 * print (so a recorded event replays the same) and, for superagent, whose message is the bare reason
 * phrase, from its `status` field. Kinds: `http_unauthorized` (401), `http_not_found` (404),
 * `transient_upstream` (a retryable status: 408, 429, 5xx), `client_timeout`, `request_aborted` (the
 * app's own abort: dropped), and the transport failures `connection_refused`, `connection_reset`,
 * `dns_failure` as kinds of their own so an app can keep one (`kinds: { dns_failure: false }`).
 *
 * Guard (`report`): a 403 from these clients (`http_forbidden`) always reaches Sentry. Left alone: 400,
 * 409, 422 and other 4xx (a request the app built wrong), TLS certificate failures, and statuses the
 * library does not throw on (`fetch`, node-fetch resolve every status: the app's own error decides).
 *
 * @example
 * expectedErrorsIntegration({ rules: httpClientRules({ kinds: { http_not_found: 'drop', dns_failure: false } }) });
 */
export function httpClientRules(options: HttpClientOptions = {}): Rule[] {
  return withTaxonomy(kindPackRules(PACK, HTTP_CLIENT_KINDS, options, rules(), { request_aborted: 'drop' }));
}

function rules(): Rule[] {
  return [
    {
      id: 'http-client-forbidden',
      kind: 'http_forbidden',
      action: 'report',
      description: 'a 403 from axios/got/ky/undici (status in the message) or superagent (`status` 403)',
      any: withStatus(403),
      examples: {
        match: [
          'AxiosError: Request failed with status code 403',
          'HTTPError: Request failed with status code 403 (Forbidden): GET https://api.example.com/v1/items',
          'ResponseStatusCodeError: Response status code 403: Forbidden',
        ],
        noMatch: ['AxiosError: Request failed with status code 404'],
      },
    },
    {
      id: 'superagent-forbidden',
      kind: 'http_forbidden',
      action: 'report',
      description: 'superagent: message "Forbidden", `status` 403',
      status: 403,
      any: ['Error: Forbidden'],
      examples: { match: [{ text: 'Error: Forbidden', status: 403 }], noMatch: ['Error: Forbidden'] },
    },
    {
      id: 'http-client-unauthorized',
      kind: 'http_unauthorized',
      action: 'breadcrumb',
      description: 'a 401 from axios/got/ky/undici: "Request failed with status code 401"',
      any: withStatus(401),
      examples: {
        match: [
          'AxiosError: Request failed with status code 401',
          'HTTPError: Request failed with status code 401 Unauthorized: GET https://api.example.com/v1/me',
          'ResponseStatusCodeError: Response status code 401: Unauthorized',
        ],
        noMatch: ['AxiosError: Request failed with status code 403', 'Error: 401 Incorrect API key provided'],
      },
    },
    {
      id: 'superagent-unauthorized',
      kind: 'http_unauthorized',
      action: 'breadcrumb',
      description: 'superagent: message "Unauthorized", `status` 401',
      status: 401,
      any: ['Error: Unauthorized'],
      examples: { match: [{ text: 'Error: Unauthorized', status: 401 }], noMatch: ['Error: Unauthorized'] },
    },
    {
      id: 'http-client-not-found',
      kind: 'http_not_found',
      action: 'breadcrumb',
      description: 'a 404 from axios/got/ky/undici: "Request failed with status code 404"',
      any: withStatus(404),
      examples: {
        match: [
          'AxiosError: Request failed with status code 404',
          'HTTPError: Request failed with status code 404 (Not Found): GET https://api.example.com/v1/items/7',
        ],
        noMatch: ['AxiosError: Request failed with status code 400'],
      },
    },
    {
      id: 'superagent-not-found',
      kind: 'http_not_found',
      action: 'breadcrumb',
      description: 'superagent: message "Not Found", `status` 404',
      status: 404,
      any: ['Error: Not Found'],
      examples: { match: [{ text: 'Error: Not Found', status: 404 }], noMatch: ['Error: Not Found'] },
    },
    {
      id: 'http-client-transient',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'axios/got/ky/undici status errors that categorizeUpstreamError calls retryable (408, 429, 5xx)',
      any: [...STATUS_MESSAGES],
      upstream: { retryable: true },
      examples: {
        match: [
          { text: 'AxiosError: Request failed with status code 429', upstream: RETRYABLE('rate_limited') },
          {
            text: 'HTTPError: Request failed with status code 503 (Service Unavailable): GET https://api.example.com/v1',
            upstream: RETRYABLE('server_error'),
          },
          {
            text: 'ResponseStatusCodeError: Response status code 429: Too Many Requests',
            upstream: RETRYABLE('rate_limited'),
          },
        ],
        noMatch: [
          {
            text: 'AxiosError: Request failed with status code 400',
            upstream: { type: 'bad_request', retryable: false },
          },
        ],
      },
    },
    {
      id: 'superagent-transient',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description: 'superagent: the reason phrase of a retryable status as the whole message',
      any: [
        'Error: Request Timeout',
        'Error: Too Many Requests',
        'Error: Internal Server Error',
        'Error: Bad Gateway',
        'Error: Service Unavailable',
        'Error: Gateway Timeout',
      ],
      upstream: { retryable: true },
      examples: {
        match: [
          { text: 'Error: Too Many Requests', status: 429, upstream: RETRYABLE('rate_limited') },
          { text: 'Error: Bad Gateway', upstream: RETRYABLE('server_error') },
        ],
        noMatch: [
          { text: 'Error: Bad Request', status: 400, upstream: { type: 'bad_request', retryable: false } },
        ],
      },
    },
    {
      id: 'http-client-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      description:
        "the client's own timeout: axios ECONNABORTED, got/ky TimeoutError, superagent, AbortSignal.timeout, undici",
      any: [
        'AxiosError: timeout of ', // axios `timeout` (code ECONNABORTED)
        'AxiosError: timeout exceeded', // axios with transitional.clarifyTimeoutError (code ETIMEDOUT)
        "TimeoutError: Timeout awaiting '", // got
        'TimeoutError: Request timed out: ', // ky
        'Error: Timeout of ', // superagent `.timeout(ms)`
        'TimeoutError: The operation was aborted due to timeout', // AbortSignal.timeout with fetch/undici
        'HeadersTimeoutError: Headers Timeout Error', // undici
        'BodyTimeoutError: Body Timeout Error', // undici
        'ConnectTimeoutError: Connect Timeout Error', // undici
      ],
      examples: {
        match: [
          'AxiosError: timeout of 5000ms exceeded',
          "TimeoutError: Timeout awaiting 'request' for 5000ms",
          'TimeoutError: Request timed out: GET https://api.example.com/v1/items',
          'Error: Timeout of 5000ms exceeded',
          'TimeoutError: The operation was aborted due to timeout',
          'ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443, timeout: 10000ms)',
        ],
        noMatch: ['Error: Query read timeout', 'AbortError: This operation was aborted'],
      },
    },
    {
      id: 'http-client-aborted',
      kind: 'request_aborted',
      action: 'drop',
      description:
        "the app's own AbortController: axios CanceledError, DOM AbortError (fetch, undici, got, ky, node-fetch)",
      any: [
        'CanceledError: canceled', // axios
        'AbortError: This operation was aborted', // DOMException from fetch/undici/got/ky
        'AbortError: The operation was aborted', // node-fetch, Node's own AbortError
        'AbortError: Request aborted', // undici `request`
      ],
      examples: {
        match: [
          'CanceledError: canceled',
          'AbortError: This operation was aborted',
          'AbortError: The operation was aborted.',
        ],
        noMatch: ['TimeoutError: The operation was aborted due to timeout', 'Error: aborted'],
      },
    },
    {
      id: 'connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      description:
        'Node `connect ECONNREFUSED host:port`, in the chain of every client (fetch failed, Connection error.)',
      any: ['connect ECONNREFUSED'],
      examples: {
        match: [
          'Error: connect ECONNREFUSED 127.0.0.1:5432',
          'FetchError: request to http://127.0.0.1:8080/v1 failed, reason: connect ECONNREFUSED 127.0.0.1:8080',
        ],
        noMatch: ['Error: connect ETIMEDOUT 10.0.0.5:443'],
      },
    },
    {
      id: 'connection-reset',
      kind: 'connection_reset',
      action: 'breadcrumb',
      description:
        'the peer closed the socket: Node `socket hang up` / `ECONNRESET`, undici `SocketError: other side closed`',
      any: ['socket hang up', 'SocketError: other side closed', 'ECONNRESET'],
      examples: {
        match: ['Error: socket hang up', 'SocketError: other side closed', 'Error: read ECONNRESET'],
        noMatch: ['Error: connect ECONNREFUSED 127.0.0.1:443'],
      },
    },
    {
      id: 'dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      description: 'Node `getaddrinfo ENOTFOUND host` / `EAI_AGAIN` (a resolver failure or an unknown host)',
      any: ['getaddrinfo ENOTFOUND', 'getaddrinfo EAI_AGAIN'],
      examples: {
        match: [
          'Error: getaddrinfo ENOTFOUND api.example.com',
          'Error: getaddrinfo EAI_AGAIN api.example.com',
        ],
        noMatch: ['Error: ENOTFOUND: no such file or directory'],
      },
    },
  ];
}
