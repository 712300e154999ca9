import type { Rule } from '../rules/types.js';
import { browserNetworkRules } from './browser-network.js';

/**
 * The timeouts and transport failures of HTTP clients, for an app that runs on a user's device, where
 * they are the user's network (on a server, a generic client's timeout may be the app's own service). Every rule names the client by its own message form or exception type: Node's words
 * (`connect ECONNREFUSED`, `getaddrinfo ENOTFOUND`, `read ECONNRESET`) alone are what pg, mysql2, ioredis
 * or nodemailer print too, and those are the app's own infrastructure failing.
 *
 * axios in Node copies the cause's name (`Error`) and message into its `AxiosError`: its own frames
 * (`thrownBy`) name it. superagent rethrows Node's error as is, with Node's frames alone: no identity, so
 * its refused or failed connections pass.
 */
export function deviceNetworkRules(): Rule[] {
  return [
    ...browserNetworkRules(),
    {
      id: 'http-client-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      any: [
        'AxiosError: timeout of ', // axios `timeout` (code ECONNABORTED)
        'AxiosError: timeout exceeded', // axios with transitional.clarifyTimeoutError (code ETIMEDOUT)
        "TimeoutError: Timeout awaiting '", // got
        'TimeoutError: Request timed out: ', // ky
        'Error: Timeout of ', // superagent `.timeout(ms)`
        'TimeoutError: The operation was aborted due to timeout', // AbortSignal.timeout with fetch/undici
        'HeadersTimeoutError: Headers Timeout Error', // undici
        'BodyTimeoutError: Body Timeout Error', // undici
      ],
    },
    {
      id: 'connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      any: [
        'RequestError: connect ECONNREFUSED ', // got
        ' failed, reason: connect ECONNREFUSED ', // node-fetch `request to <url> failed, reason: …`
        'AI_APICallError: Cannot connect to API: connect ECONNREFUSED ', // Vercel AI SDK
      ],
    },
    {
      id: 'axios-connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      thrownBy: 'axios',
      any: ['Error: connect ECONNREFUSED '],
    },
    {
      id: 'fetch-connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      all: ['TypeError: fetch failed', 'connect ECONNREFUSED '],
    },
    {
      id: 'connection-reset',
      kind: 'connection_reset',
      action: 'breadcrumb',
      any: [
        'Error: socket hang up', // Node's `http.ClientRequest` (axios, superagent; got `RequestError: socket hang up`)
        ' failed, reason: socket hang up', // node-fetch
        'SocketError: other side closed', // undici
      ],
    },
    {
      id: 'fetch-connection-reset',
      kind: 'connection_reset',
      action: 'breadcrumb',
      all: ['TypeError: fetch failed', 'read ECONNRESET'],
    },
    {
      id: 'dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      any: [
        'RequestError: getaddrinfo E', // got
        ' failed, reason: getaddrinfo E', // node-fetch
        'AI_APICallError: Cannot connect to API: getaddrinfo E', // Vercel AI SDK
      ],
    },
    {
      id: 'axios-dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      thrownBy: 'axios',
      any: ['Error: getaddrinfo ENOTFOUND ', 'Error: getaddrinfo EAI_AGAIN '],
    },
    {
      id: 'fetch-dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      all: ['TypeError: fetch failed', 'getaddrinfo E'],
    },
    {
      id: 'connect-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      any: [
        'ConnectTimeoutError: Connect Timeout Error', // undici
        'RequestError: connect ETIMEDOUT ', // got
        ' failed, reason: connect ETIMEDOUT ', // node-fetch
      ],
    },
  ];
}

/**
 * A retryable status (5xx, 429, 408) from a generic client whose request went to one of `hosts`: a third
 * party's outage, demoted. The host is the upstream error's (`upstream.host`): read from the live error
 * (axios `config.url`, got `options.url`, ky's `request.url`) or else from a URL in the message (got and
 * ky print `GET <url>`, so a recorded event decides as the live one).
 */
export function thirdPartyStatusRule(hosts: readonly string[], statusMessages: readonly string[]): Rule {
  const example = (hosts[0] ?? 'api.example.com').replace(/^\*\./, 'api.');
  return {
    id: 'http-client-third-party-transient',
    kind: 'transient_upstream',
    action: 'breadcrumb',
    description: `a retryable status from a generic client, the URL in its message on a third-party host (${hosts.join(', ')})`,
    any: [...statusMessages],
    upstream: { retryable: true, host: [...hosts] },
    examples: {
      match: [
        {
          text: `HTTPError: Request failed with status code 503 (Service Unavailable): GET https://${example}/v1/items`,
          upstream: { type: 'server_error', retryable: true, host: example },
        },
        {
          text: 'AxiosError: Request failed with status code 502',
          upstream: { type: 'server_error', retryable: true, host: example },
        },
      ],
      noMatch: [
        {
          text: 'HTTPError: Request failed with status code 503 (Service Unavailable): GET https://backend.internal.invalid/v1/items',
          upstream: { type: 'server_error', retryable: true, host: 'backend.internal.invalid' },
        },
        {
          text: 'AxiosError: Request failed with status code 503',
          upstream: { type: 'server_error', retryable: true },
        },
        {
          text: `HTTPError: Request failed with status code 400 (Bad Request): GET https://${example}/v1/items`,
          upstream: { type: 'bad_request', retryable: false, host: example },
        },
      ],
    },
  };
}
