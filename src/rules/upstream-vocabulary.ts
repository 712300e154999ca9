/**
 * The words a rule's `upstream` condition may use. The engine only compares them; what they mean (and
 * how an error is read into them) is `categorizeUpstreamError`'s business, whose types derive from
 * these lists so the two cannot drift apart.
 */

/** Upstream error types, in the values of coder's `aibridge_interception_error_type` enum. */
export const UPSTREAM_ERROR_TYPES = [
  'bad_request',
  'unauthorized',
  'rate_limited',
  'overloaded',
  'server_error',
  'timeout',
  'unknown',
] as const;

/**
 * Causes behind an upstream error. Causes a retry cannot fix (everything but `network`) make the error
 * non-retryable.
 */
export const UPSTREAM_ERROR_REASONS = [
  // The prompt exceeds the model's context window (OpenAI `context_length_exceeded`, Anthropic `prompt is too long`).
  'context_overflow',
  // The request body exceeds a byte or tokens-per-minute limit (HTTP 413, `request_too_large`).
  'request_too_large',
  // Credits, quota or spend cap used up (`insufficient_quota`, `billing_error`, HTTP 402).
  'quota_exhausted',
  // A safety system or moderation refused the prompt or the output.
  'content_policy',
  // The model or deployment does not exist, or the key cannot see it.
  'model_not_found',
  // The API key or token was rejected (including Gemini's HTTP 400 `API_KEY_INVALID`).
  'invalid_api_key',
  // The credentials are valid but not allowed: region, organization, IP or resource.
  'permission_denied',
  // No HTTP response: connection refused or reset, DNS failure, socket closed.
  'network',
  // The TLS handshake failed (expired or self-signed certificate, host name mismatch).
  'tls',
  // The caller aborted the request: not an upstream failure.
  'cancelled',
] as const;

/** One of `UPSTREAM_ERROR_TYPES`. */
export type UpstreamType = (typeof UPSTREAM_ERROR_TYPES)[number];
/** One of `UPSTREAM_ERROR_REASONS`. */
export type UpstreamReason = (typeof UPSTREAM_ERROR_REASONS)[number];

/** What the engine knows of an event's upstream error, for the rule condition `upstream`. */
export interface UpstreamFacts {
  readonly type: UpstreamType;
  readonly reason?: UpstreamReason | undefined;
  readonly retryable: boolean;
  /** The host the failed request went to, lowercase, when the error names it (`api.openai.com`). */
  readonly host?: string | undefined;
}
