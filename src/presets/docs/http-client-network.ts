import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `httpClientRules`' device network rules (`http-client-network.ts`), by rule id: only `checkRules` reads them. */
export const HTTP_CLIENT_NETWORK_DOCS: BuiltInRuleDocs = {
  'http-client-timeout': {
    description:
      "the client's own timeout: axios ECONNABORTED, got/ky TimeoutError, superagent, AbortSignal.timeout, undici",
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
  'connection-refused': {
    description:
      'got RequestError, node-fetch FetchError ("failed, reason: …"), Vercel AI SDK "Cannot connect to API": connect ECONNREFUSED',
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
  'axios-connection-refused': {
    description:
      "axios in Node, named by its frames: its `AxiosError` copies Node's `Error: connect ECONNREFUSED …` as is",
    examples: {
      match: [{ text: 'Error: connect ECONNREFUSED 127.0.0.1:8080', thrownBy: 'axios' }],
      noMatch: [
        'Error: connect ECONNREFUSED 127.0.0.1:8080',
        { text: 'Error: connect ECONNREFUSED 127.0.0.1:5432', thrownBy: 'pg' },
        { text: 'Error: connect ECONNREFUSED 127.0.0.1:6379', thrownBy: 'ioredis' },
        { text: 'Error: connect ECONNREFUSED 127.0.0.1:8080', thrownBy: 'superagent' },
      ],
    },
  },
  'fetch-connection-refused': {
    description:
      'fetch/undici `TypeError: fetch failed` with `connect ECONNREFUSED` as its cause (ky NetworkError, openai/anthropic "Connection error." wrap it)',
    examples: {
      match: ['TypeError: fetch failed\nError: connect ECONNREFUSED 127.0.0.1:8080'],
      noMatch: ['Error: connect ECONNREFUSED 127.0.0.1:5432', 'TypeError: fetch failed'],
    },
  },
  'connection-reset': {
    description:
      "the peer closed the socket: Node's HTTP client `socket hang up` (axios, got, superagent, node-fetch), undici `SocketError: other side closed`",
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
  'fetch-connection-reset': {
    description: 'fetch/undici `TypeError: fetch failed` with `read ECONNRESET` as its cause',
    examples: {
      match: ['TypeError: fetch failed\nError: read ECONNRESET'],
      noMatch: ['Error: read ECONNRESET'],
    },
  },
  'dns-failure': {
    description:
      'got RequestError, node-fetch FetchError: `getaddrinfo ENOTFOUND host` / `EAI_AGAIN` (an unknown host or no resolver)',
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
  'axios-dns-failure': {
    description:
      "axios in Node, named by its frames: its `AxiosError` copies Node's `Error: getaddrinfo ENOTFOUND …` (or `EAI_AGAIN`) as is",
    examples: {
      match: [
        { text: 'Error: getaddrinfo ENOTFOUND api.example.com', thrownBy: 'axios' },
        { text: 'Error: getaddrinfo EAI_AGAIN api.example.com', thrownBy: 'axios' },
      ],
      noMatch: [
        'Error: getaddrinfo ENOTFOUND api.example.com',
        { text: 'Error: getaddrinfo ENOTFOUND db.internal', thrownBy: 'mysql2' },
        { text: 'Error: getaddrinfo ENOTFOUND smtp.internal', thrownBy: 'nodemailer' },
      ],
    },
  },
  'fetch-dns-failure': {
    description:
      'fetch/undici `TypeError: fetch failed` with `getaddrinfo ENOTFOUND`/`EAI_AGAIN` as its cause',
    examples: {
      match: ['TypeError: fetch failed\nError: getaddrinfo ENOTFOUND api.example.com'],
      noMatch: ['Error: getaddrinfo ENOTFOUND smtp.example.com'],
    },
  },
  'connect-timeout': {
    description:
      'a connection that never opened: undici ConnectTimeoutError, got/node-fetch `connect ETIMEDOUT`',
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
};
