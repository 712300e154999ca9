/** What `categorizeUpstreamError` says of the upstream errors the packs' examples show. */

/** A plain rate limit. */
export const RATE_LIMITED = { type: 'rate_limited', retryable: true } as const;
/** An overloaded provider (Anthropic 529, Gemini 503 `UNAVAILABLE`). */
export const OVERLOADED = { type: 'overloaded', retryable: true } as const;
/** A gateway or server error. */
export const SERVER_ERROR = { type: 'server_error', retryable: true } as const;
/** A 429 that is an exhausted quota or a billing failure: not retryable. */
export const QUOTA_429 = { type: 'rate_limited', reason: 'quota_exhausted', retryable: false } as const;
/** A provider key rejected. */
export const INVALID_KEY = { type: 'unauthorized', reason: 'invalid_api_key', retryable: false } as const;
/** A retryable upstream error of `type`. */
export const RETRYABLE = (type: 'rate_limited' | 'server_error' | 'timeout') =>
  ({ type, retryable: true }) as const;
