import { type SignalRule, signalRule } from './signals.js';

/**
 * Phrases that describe what happened without naming a cause. They only decide when the error has no
 * HTTP status: `HTTP 429 Too Many Requests (upstream: bad gateway)` is a 429 whatever its body says.
 * In order: a rate limit wins over a gateway phrase next to it (the precedence ironclaw tests), a
 * gateway phrase over a timeout (`504 Gateway Timeout` is a `server_error` in coder's table).
 */
export const SYMPTOM_RULES: readonly SignalRule[] = [
  signalRule({
    id: 'rate-limit-phrase',
    kind: 'rate_limited',
    any: [
      'rate limit',
      'rate-limit',
      'rate_limit',
      'ratelimit',
      'too many requests',
      'throttl',
      'resource_exhausted',
      'resource exhausted',
      'quota exceeded for',
      'service tier capacity exceeded',
      'token_quota_reached',
      'too many tokens, please wait',
    ],
  }),
  signalRule({
    id: 'overloaded-phrase',
    kind: 'overloaded',
    any: ['overloaded', 'out of capacity', 'over capacity'],
  }),
  signalRule({
    id: 'gateway-phrase',
    kind: 'server_error',
    any: [
      'bad gateway',
      'service unavailable',
      'gateway timeout',
      'gateway time-out',
      'internal server error',
      'no healthy upstream',
      'web server is returning an unknown error',
      'web server is down',
      'origin is unreachable',
      'the server had an error',
      'an internal error has occurred',
      'unexpected server error',
      'invalid response from an upstream server',
      'circuit breaker is open',
    ],
  }),
  signalRule({
    id: 'timeout-phrase',
    kind: 'timeout',
    any: [
      'timed out',
      'timeout error',
      'deadline exceeded',
      'deadline expired',
      'a timeout occurred',
      'upstream request timeout',
      'aborted due to timeout',
    ],
  }),
  signalRule({
    id: 'axios-timeout',
    kind: 'timeout',
    pattern: /\btimeout of \d{1,9} ?ms exceeded\b/i,
  }),
  signalRule({
    id: 'dns-failure',
    kind: 'host_not_found',
    any: ['enotfound', 'name or service not known', 'nodename nor servname provided'],
  }),
  signalRule({
    id: 'tls-failure',
    kind: 'tls',
    any: [
      'certificate has expired',
      'self signed certificate',
      'self-signed certificate',
      'unable to verify the first certificate',
      "does not match certificate's altnames",
    ],
  }),
  signalRule({
    id: 'network-phrase',
    kind: 'network',
    any: [
      'fetch failed',
      'failed to fetch',
      'networkerror when attempting to fetch resource',
      'network request failed',
      'network error',
      'network connection lost',
      'internet connection appears to be offline',
      'error sending request for url',
      'cannot connect to api',
      'socket hang up',
      'other side closed',
      'econnreset',
      'econnrefused',
      'eai_again',
      'epipe',
      'upstream connect error',
      'connection reset',
      'connection refused',
      'peer closed connection',
      'incomplete chunked read',
      'failed to establish a new connection',
    ],
  }),
  signalRule({
    id: 'cancelled-phrase',
    kind: 'cancelled',
    any: ['aborterror', 'this operation was aborted', 'the operation was aborted.', 'request was aborted'],
  }),
];
