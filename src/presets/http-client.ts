import { patternSafety } from '../rules/linear-pattern.js';
import { withPatternSupport } from '../rules/pattern.js';
import type { Rule } from '../rules/types.js';
import { checkHostGlobs } from './host-globs.js';
import { deviceNetworkRules, thirdPartyStatusRule } from './http-client-network.js';
import {
  checkRunsOn,
  type DemotingAction,
  detectRunsOn,
  type KindChoices,
  kindPackRules,
  type RunsOn,
} from './pack-options.js';
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
  'connection_failed',
] as const;

/** One of `HTTP_CLIENT_KINDS`. */
export type HttpClientKind = (typeof HTTP_CLIENT_KINDS)[number];

/** Options of `httpClientRules`. */
export interface HttpClientOptions {
  /** What the demoting rules do with a match (`request_aborted` drops unless chosen otherwise). @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** Per kind: another action, or `false` to leave that kind out (its events then pass). */
  readonly kinds?: KindChoices<HttpClientKind>;
  /**
   * Where the app runs: on a `device` a refused, reset or timed-out connection and a failed DNS lookup
   * are the user's network (demoted); on a `server` they are the app's own infrastructure (they pass).
   * @default 'device' where `document`, `process.versions.electron` or Tauri's globals exist, else 'server'
   */
  readonly runsOn?: RunsOn;
  /**
   * Host globs (`api.stripe.com`, `*.openai.com`) of third parties: a retryable status (5xx, 429, 408)
   * from a generic client whose request went to one of them is demoted — the host read from the live
   * error (axios `config.url`, got `options.url`, ky `request.url`) or a URL in its message. Other 5xx pass.
   */
  readonly thirdPartyHosts?: readonly string[];
}

/** The messages of the HTTP clients that throw on a status, with the status in them. */
const STATUS_MESSAGES = [
  'Request failed with status code ', // axios `AxiosError`, got and ky `HTTPError`
  'Response status code ', // undici `ResponseStatusCodeError` (`request` with `throwOnError`)
] as const;

const withStatus = (status: number): string[] => STATUS_MESSAGES.map((message) => `${message}${status}`);

/**
 * What HTTP clients throw when the server answers with an expected status or does not answer at all —
 * axios, got, ky, superagent, node-fetch, undici and the global `fetch` — each rule naming the client by
 * its message form or exception type (superagent, whose message is the bare reason phrase, by the
 * whole message and its `status` field, or by its frames, `thrownBy`, where the event alone is read). Kinds: `http_unauthorized` (401), `http_not_found` (404),
 * `transient_upstream` (a retryable 429 or 408; a 5xx only from `thirdPartyHosts`), `request_aborted`
 * (the app's own abort: dropped), and on a device (`runsOn`) the client's timeout `client_timeout` and
 * the transport failures `connection_refused`, `connection_reset`, `dns_failure`, kinds of their own so
 * an app can keep one.
 *
 * Guard (`report`): a 403 from these clients (`http_forbidden`) always reaches Sentry. Left alone: a
 * 5xx (it may be the app's own backend), 400, 409, 422 and other 4xx (a request the app built wrong),
 * TLS certificate failures, statuses the library does not throw on (`fetch`, node-fetch resolve every
 * status), and on a server every timeout and transport failure (the app's database, cache or service is
 * down or slow).
 *
 * @example
 * expectedErrorsIntegration({
 *   rules: httpClientRules({ runsOn: 'device', thirdPartyHosts: ['*.openai.com'], kinds: { dns_failure: false } }),
 * });
 */
export function httpClientRules(options: HttpClientOptions = {}): Rule[] {
  checkRunsOn(PACK, options?.runsOn);
  checkHostGlobs(PACK, 'thirdPartyHosts', options?.thirdPartyHosts);
  const runsOn = options?.runsOn ?? detectRunsOn();
  const hosts = options?.thirdPartyHosts ?? [];
  const all = [
    ...rules(),
    ...(hosts.length > 0 ? [thirdPartyStatusRule(hosts, STATUS_MESSAGES)] : []),
    ...(runsOn === 'device' ? deviceNetworkRules() : []),
  ];
  return withTaxonomy(
    kindPackRules(PACK, HTTP_CLIENT_KINDS, options, all, { request_aborted: 'drop' }, [
      'runsOn',
      'thirdPartyHosts',
    ]),
  );
}

function rules(): Rule[] {
  return [
    {
      id: 'http-client-forbidden',
      kind: 'http_forbidden',
      action: 'report',
      any: withStatus(403),
    },
    {
      id: 'superagent-forbidden',
      kind: 'http_forbidden',
      action: 'report',
      status: 403,
      pattern: withPatternSupport(/^Error: Forbidden$/, patternSafety),
    },
    {
      id: 'superagent-forbidden-thrown',
      kind: 'http_forbidden',
      action: 'report',
      thrownBy: 'superagent',
      pattern: withPatternSupport(/^Error: Forbidden$/, patternSafety),
    },
    {
      id: 'http-client-unauthorized',
      kind: 'http_unauthorized',
      action: 'breadcrumb',
      any: withStatus(401),
    },
    {
      id: 'superagent-unauthorized',
      kind: 'http_unauthorized',
      action: 'breadcrumb',
      status: 401,
      pattern: withPatternSupport(/^Error: Unauthorized$/, patternSafety),
    },
    {
      id: 'superagent-unauthorized-thrown',
      kind: 'http_unauthorized',
      action: 'breadcrumb',
      thrownBy: 'superagent',
      pattern: withPatternSupport(/^Error: Unauthorized$/, patternSafety),
    },
    {
      id: 'http-client-not-found',
      kind: 'http_not_found',
      action: 'breadcrumb',
      any: withStatus(404),
    },
    {
      id: 'superagent-not-found',
      kind: 'http_not_found',
      action: 'breadcrumb',
      status: 404,
      pattern: withPatternSupport(/^Error: Not Found$/, patternSafety),
    },
    {
      id: 'superagent-not-found-thrown',
      kind: 'http_not_found',
      action: 'breadcrumb',
      thrownBy: 'superagent',
      pattern: withPatternSupport(/^Error: Not Found$/, patternSafety),
    },
    {
      id: 'http-client-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: [...withStatus(429), ...withStatus(408)],
      upstream: { retryable: true },
    },
    {
      id: 'superagent-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      status: [429, 408],
      pattern: withPatternSupport(/^Error: (?:Too Many Requests|Request Timeout)$/, patternSafety),
    },
    {
      id: 'superagent-rate-limited-thrown',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      thrownBy: 'superagent',
      pattern: withPatternSupport(/^Error: (?:Too Many Requests|Request Timeout)$/, patternSafety),
    },
    {
      id: 'http-client-aborted',
      kind: 'request_aborted',
      action: 'drop',
      any: [
        'CanceledError: canceled', // axios
        'AbortError: This operation was aborted', // DOMException from fetch/undici/got/ky
        'AbortError: The operation was aborted', // node-fetch, Node's own AbortError
        'AbortError: Request aborted', // undici `request`
      ],
    },
  ];
}
