/**
 * What went wrong upstream, in the values of coder's `aibridge_interception_error_type` enum so rows
 * recorded by either can be compared.
 */
export type UpstreamErrorType =
  | 'bad_request'
  | 'unauthorized'
  | 'rate_limited'
  | 'overloaded'
  | 'server_error'
  | 'timeout'
  | 'unknown';

/**
 * The cause behind an upstream error when the body, the transport or the status names one. Causes that
 * a retry cannot fix (everything but `network`) make the error non-retryable.
 */
export type UpstreamErrorReason =
  /** The prompt exceeds the model's context window (OpenAI `context_length_exceeded`, Anthropic `prompt is too long`). */
  | 'context_overflow'
  /** The request body exceeds a byte or tokens-per-minute limit (HTTP 413, `request_too_large`). */
  | 'request_too_large'
  /** Credits, quota or spend cap used up (`insufficient_quota`, `billing_error`, HTTP 402). */
  | 'quota_exhausted'
  /** A safety system or moderation refused the prompt or the output. */
  | 'content_policy'
  /** The model or deployment does not exist, or the key cannot see it. */
  | 'model_not_found'
  /** The API key or token was rejected (including Gemini's HTTP 400 `API_KEY_INVALID`). */
  | 'invalid_api_key'
  /** The credentials are valid but not allowed: region, organization, IP or resource. */
  | 'permission_denied'
  /** No HTTP response: connection refused or reset, DNS failure, socket closed. */
  | 'network'
  /** The TLS handshake failed (expired or self-signed certificate, host name mismatch). */
  | 'tls'
  /** The caller aborted the request: not an upstream failure. */
  | 'cancelled';

/** What `categorizeUpstreamError` found out about an error. */
export interface UpstreamErrorInfo {
  /** The upstream error type, compatible with coder's status table when only a status is known. */
  readonly type: UpstreamErrorType;
  /** Whether sending the same request again can succeed. */
  readonly retryable: boolean;
  /** HTTP status (400-599) from the error object, its body, or text such as `HTTP 502`. */
  readonly status?: number;
  /** The cause, when the body, the transport or the status names one. */
  readonly reason?: UpstreamErrorReason;
  /** How long the provider asked to wait (`retry-after-ms`, `retry-after`, Gemini `RetryInfo`, "try again in 20s"). */
  readonly retryAfterMs?: number;
  /**
   * The error's raw message, cut to at most 1024 UTF-8 bytes on a character boundary (the bound of
   * coder's `error_message` column). Not redacted: pass it through `redactSecrets` before showing it.
   */
  readonly message: string;
}
