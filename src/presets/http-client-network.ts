import type { Rule } from '../rules/types.js';
import { browserNetworkRules } from './browser-network.js';
import { hostUrlPattern } from './host-globs.js';

/**
 * The timeouts and transport failures of HTTP clients, for an app that runs on a user's device, where
 * they are the user's network (on a server, a generic client's timeout may be the app's own service). Every rule names the client by its own message form or exception type: Node's words
 * (`connect ECONNREFUSED`, `getaddrinfo ENOTFOUND`, `read ECONNRESET`) alone are what pg, mysql2, ioredis
 * or nodemailer print too, and those are the app's own infrastructure failing.
 *
 * No identity, so no rule: axios in Node (its `AxiosError` copies the cause's name, `Error`, and
 * message: only the live error's `isAxiosError` tells it apart) and superagent (it rethrows Node's error
 * as is). Their refused or failed connections pass.
 */
export function deviceNetworkRules(): Rule[] {
  return [
    ...browserNetworkRules(),
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
      ],
      examples: {
        match: [
          'AxiosError: timeout of 5000ms exceeded',
          "TimeoutError: Timeout awaiting 'request' for 5000ms",
          'TimeoutError: Request timed out: GET https://api.example.com/v1/items',
          'Error: Timeout of 5000ms exceeded',
          'TimeoutError: The operation was aborted due to timeout',
        ],
        noMatch: [
          'Error: Query read timeout',
          'AbortError: This operation was aborted',
          'ConnectTimeoutError: Connect Timeout Error (attempted address: db.internal:5432, timeout: 10000ms)',
        ],
      },
    },
    {
      id: 'connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      description:
        'got RequestError, node-fetch FetchError ("failed, reason: …"), Vercel AI SDK "Cannot connect to API": connect ECONNREFUSED',
      any: [
        'RequestError: connect ECONNREFUSED ', // got
        ' failed, reason: connect ECONNREFUSED ', // node-fetch `request to <url> failed, reason: …`
        'AI_APICallError: Cannot connect to API: connect ECONNREFUSED ', // Vercel AI SDK
      ],
      examples: {
        match: [
          'RequestError: connect ECONNREFUSED 127.0.0.1:8080',
          'FetchError: request to http://127.0.0.1:8080/v1 failed, reason: connect ECONNREFUSED 127.0.0.1:8080',
          'AI_APICallError: Cannot connect to API: connect ECONNREFUSED 127.0.0.1:8080',
        ],
        noMatch: [
          'Error: connect ECONNREFUSED 127.0.0.1:5432', // pg
          'Error: connect ECONNREFUSED 127.0.0.1:6379', // ioredis
          'Error: connect ECONNREFUSED 127.0.0.1:3306', // mysql2
          'Error: connect ECONNREFUSED 127.0.0.1:587', // nodemailer (code ESOCKET)
          'Error: connect ETIMEDOUT 10.0.0.5:443',
        ],
      },
    },
    {
      id: 'fetch-connection-refused',
      kind: 'connection_refused',
      action: 'breadcrumb',
      description:
        'fetch/undici `TypeError: fetch failed` with `connect ECONNREFUSED` as its cause (ky NetworkError, openai/anthropic "Connection error." wrap it)',
      all: ['TypeError: fetch failed', 'connect ECONNREFUSED '],
      examples: {
        match: ['TypeError: fetch failed\nError: connect ECONNREFUSED 127.0.0.1:8080'],
        noMatch: ['Error: connect ECONNREFUSED 127.0.0.1:5432', 'TypeError: fetch failed'],
      },
    },
    {
      id: 'connection-reset',
      kind: 'connection_reset',
      action: 'breadcrumb',
      description:
        "the peer closed the socket: Node's HTTP client `socket hang up` (axios, got, superagent, node-fetch), undici `SocketError: other side closed`",
      any: [
        'Error: socket hang up', // Node's `http.ClientRequest` (axios, superagent; got `RequestError: socket hang up`)
        ' failed, reason: socket hang up', // node-fetch
        'SocketError: other side closed', // undici
      ],
      examples: {
        match: [
          'Error: socket hang up',
          'RequestError: socket hang up',
          'FetchError: request to http://127.0.0.1:8080/v1 failed, reason: socket hang up',
          'SocketError: other side closed',
        ],
        noMatch: [
          'Error: read ECONNRESET', // pg, ioredis, mysql2: a socket of the app's own infrastructure
          'Error: Connection timeout', // nodemailer (code ETIMEDOUT)
          'Error: connect ECONNREFUSED 127.0.0.1:443',
        ],
      },
    },
    {
      id: 'fetch-connection-reset',
      kind: 'connection_reset',
      action: 'breadcrumb',
      description: 'fetch/undici `TypeError: fetch failed` with `read ECONNRESET` as its cause',
      all: ['TypeError: fetch failed', 'read ECONNRESET'],
      examples: {
        match: ['TypeError: fetch failed\nError: read ECONNRESET'],
        noMatch: ['Error: read ECONNRESET'],
      },
    },
    {
      id: 'dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      description:
        'got RequestError, node-fetch FetchError: `getaddrinfo ENOTFOUND host` / `EAI_AGAIN` (an unknown host or no resolver)',
      any: [
        'RequestError: getaddrinfo E', // got
        ' failed, reason: getaddrinfo E', // node-fetch
        'AI_APICallError: Cannot connect to API: getaddrinfo E', // Vercel AI SDK
      ],
      examples: {
        match: [
          'RequestError: getaddrinfo ENOTFOUND api.example.com',
          'FetchError: request to https://api.example.com/v1 failed, reason: getaddrinfo EAI_AGAIN api.example.com',
        ],
        noMatch: [
          'Error: getaddrinfo ENOTFOUND db.internal', // pg, ioredis, mysql2, nodemailer
          'Error: ENOTFOUND: no such file or directory',
        ],
      },
    },
    {
      id: 'fetch-dns-failure',
      kind: 'dns_failure',
      action: 'breadcrumb',
      description:
        'fetch/undici `TypeError: fetch failed` with `getaddrinfo ENOTFOUND`/`EAI_AGAIN` as its cause',
      all: ['TypeError: fetch failed', 'getaddrinfo E'],
      examples: {
        match: ['TypeError: fetch failed\nError: getaddrinfo ENOTFOUND api.example.com'],
        noMatch: ['Error: getaddrinfo ENOTFOUND smtp.example.com'],
      },
    },
    {
      id: 'connect-timeout',
      kind: 'client_timeout',
      action: 'breadcrumb',
      description:
        'a connection that never opened: undici ConnectTimeoutError, got/node-fetch `connect ETIMEDOUT`',
      any: [
        'ConnectTimeoutError: Connect Timeout Error', // undici
        'RequestError: connect ETIMEDOUT ', // got
        ' failed, reason: connect ETIMEDOUT ', // node-fetch
      ],
      examples: {
        match: [
          'ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443, timeout: 10000ms)',
          'RequestError: connect ETIMEDOUT 10.0.0.5:443',
        ],
        noMatch: [
          'Error: connect ETIMEDOUT 10.0.0.5:5432', // pg
          'Error: Connection timeout', // nodemailer (code ETIMEDOUT)
        ],
      },
    },
  ];
}

/**
 * A retryable status (5xx, 429, 408) from a generic client whose message names a URL on one of `hosts`
 * (got and ky print `GET <url>`): a third party's outage, demoted. Only the text is read — axios and
 * undici keep the URL on the live error (`config.url`), which no rule condition reads.
 */
export function thirdPartyStatusRule(hosts: readonly string[], statusMessages: readonly string[]): Rule {
  const example = (hosts[0] ?? 'api.example.com').replace(/^\*\./, 'api.');
  return {
    id: 'http-client-third-party-transient',
    kind: 'transient_upstream',
    action: 'breadcrumb',
    description: `a retryable status from a generic client, the URL in its message on a third-party host (${hosts.join(', ')})`,
    any: [...statusMessages],
    pattern: hostUrlPattern(hosts),
    upstream: { retryable: true },
    examples: {
      match: [
        {
          text: `HTTPError: Request failed with status code 503 (Service Unavailable): GET https://${example}/v1/items`,
          upstream: { type: 'server_error', retryable: true },
        },
      ],
      noMatch: [
        {
          text: 'HTTPError: Request failed with status code 503 (Service Unavailable): GET https://backend.internal.invalid/v1/items',
          upstream: { type: 'server_error', retryable: true },
        },
        {
          text: `HTTPError: Request failed with status code 400 (Bad Request): GET https://${example}/v1/items`,
          upstream: { type: 'bad_request', retryable: false },
        },
      ],
    },
  };
}
