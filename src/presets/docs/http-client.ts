import type { BuiltInRuleDocs } from './types.js';
import { RETRYABLE } from './upstream-facts.js';

/** The description and examples of each rule of `httpClientRules`, by rule id: only `checkRules` reads them. */
export const HTTP_CLIENT_DOCS: BuiltInRuleDocs = {
  'http-client-forbidden': {
    description: 'a 403 from axios/got/ky/undici (status in the message) or superagent (`status` 403)',
    examples: {
      match: [
        'AxiosError: Request failed with status code 403',
        'HTTPError: Request failed with status code 403 (Forbidden): GET https://api.example.com/v1/items',
        'ResponseStatusCodeError: Response status code 403: Forbidden',
      ],
      noMatch: ['AxiosError: Request failed with status code 404'],
    },
  },
  'superagent-forbidden': {
    description: 'superagent: the whole message is "Forbidden", with `status` 403 on the error',
    examples: {
      match: [{ text: 'Error: Forbidden', status: 403 }],
      noMatch: ['Error: Forbidden', { text: 'Error: Forbidden in cache', status: 403 }],
    },
  },
  'superagent-forbidden-thrown': {
    description:
      'superagent, named by its frames (a recorded event, without the live `status`): the whole message is "Forbidden"',
    examples: {
      match: [{ text: 'Error: Forbidden', thrownBy: 'superagent' }],
      noMatch: [
        'Error: Forbidden',
        { text: 'Error: Forbidden', thrownBy: 'express' },
        { text: 'Error: Forbidden in cache', thrownBy: 'superagent' },
      ],
    },
  },
  'http-client-unauthorized': {
    description: 'a 401 from axios/got/ky/undici: "Request failed with status code 401"',
    examples: {
      match: [
        'AxiosError: Request failed with status code 401',
        'HTTPError: Request failed with status code 401 Unauthorized: GET https://api.example.com/v1/me',
        'ResponseStatusCodeError: Response status code 401: Unauthorized',
      ],
      noMatch: ['AxiosError: Request failed with status code 403', 'Error: 401 Incorrect API key provided'],
    },
  },
  'superagent-unauthorized': {
    description: 'superagent: the whole message is "Unauthorized", with `status` 401 on the error',
    examples: {
      match: [{ text: 'Error: Unauthorized', status: 401 }],
      noMatch: ['Error: Unauthorized', { text: 'Error: Unauthorized in cache', status: 401 }],
    },
  },
  'superagent-unauthorized-thrown': {
    description:
      'superagent, named by its frames (a recorded event, without the live `status`): the whole message is "Unauthorized"',
    examples: {
      match: [{ text: 'Error: Unauthorized', thrownBy: 'superagent' }],
      noMatch: [
        'Error: Unauthorized',
        { text: 'Error: Unauthorized', thrownBy: 'express' },
        { text: 'Error: Unauthorized in cache', thrownBy: 'superagent' },
      ],
    },
  },
  'http-client-not-found': {
    description: 'a 404 from axios/got/ky/undici: "Request failed with status code 404"',
    examples: {
      match: [
        'AxiosError: Request failed with status code 404',
        'HTTPError: Request failed with status code 404 (Not Found): GET https://api.example.com/v1/items/7',
      ],
      noMatch: ['AxiosError: Request failed with status code 400'],
    },
  },
  'superagent-not-found': {
    description: 'superagent: the whole message is "Not Found", with `status` 404 on the error',
    examples: {
      match: [{ text: 'Error: Not Found', status: 404 }],
      noMatch: ['Error: Not Found', { text: 'Error: Not Found in cache', status: 404 }],
    },
  },
  'superagent-not-found-thrown': {
    description:
      'superagent, named by its frames (a recorded event, without the live `status`): the whole message is "Not Found"',
    examples: {
      match: [{ text: 'Error: Not Found', thrownBy: 'superagent' }],
      noMatch: [
        'Error: Not Found',
        { text: 'Error: Not Found', thrownBy: 'express' },
        { text: 'Error: Not Found in cache', thrownBy: 'superagent' },
      ],
    },
  },
  'http-client-rate-limited': {
    description:
      "axios/got/ky/undici: a retryable 429 or 408, the server asking to be called later (a 5xx passes: it may be the app's own backend)",
    examples: {
      match: [
        { text: 'AxiosError: Request failed with status code 429', upstream: RETRYABLE('rate_limited') },
        {
          text: 'ResponseStatusCodeError: Response status code 429: Too Many Requests',
          upstream: RETRYABLE('rate_limited'),
        },
      ],
      noMatch: [
        { text: 'AxiosError: Request failed with status code 503', upstream: RETRYABLE('server_error') },
        {
          text: 'HTTPError: Request failed with status code 502 (Bad Gateway): GET https://api.example.com/v1',
          upstream: RETRYABLE('server_error'),
        },
      ],
    },
  },
  'superagent-rate-limited': {
    description:
      'superagent: the whole message is the reason phrase of a 429 or 408, with `status` on the error',
    examples: {
      match: [{ text: 'Error: Too Many Requests', status: 429 }],
      noMatch: [
        'Error: Too Many Requests',
        { text: 'Error: Service Unavailable', status: 503 },
        { text: 'Error: Too Many Requests for this account', status: 429 },
      ],
    },
  },
  'superagent-rate-limited-thrown': {
    description:
      'superagent, named by its frames (a recorded event, without the live `status`): the whole message is "Too Many Requests" or "Request Timeout"',
    examples: {
      match: [
        { text: 'Error: Too Many Requests', thrownBy: 'superagent' },
        { text: 'Error: Request Timeout', thrownBy: 'superagent' },
      ],
      noMatch: [
        'Error: Too Many Requests',
        { text: 'Error: Too Many Requests', thrownBy: 'koa' },
        { text: 'Error: Service Unavailable', thrownBy: 'superagent' },
      ],
    },
  },
  'http-client-aborted': {
    description:
      "the app's own AbortController: axios CanceledError, DOM AbortError (fetch, undici, got, ky, node-fetch)",
    examples: {
      match: [
        'CanceledError: canceled',
        'AbortError: This operation was aborted',
        'AbortError: The operation was aborted.',
      ],
      noMatch: ['TimeoutError: The operation was aborted due to timeout', 'Error: aborted'],
    },
  },
};
