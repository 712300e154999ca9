import type { UpstreamReason, UpstreamType } from '../rules/upstream-vocabulary.js';

/**
 * What went wrong upstream, in the values of coder's `aibridge_interception_error_type` enum so rows
 * recorded by either can be compared.
 */
export type UpstreamErrorType = UpstreamType;

/**
 * The cause behind an upstream error when the body, the transport or the status names one. Causes that
 * a retry cannot fix (everything but `network`) make the error non-retryable.
 */
export type UpstreamErrorReason = UpstreamReason;

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
