import { parseStatus } from '../event/http-status.js';
import type { UpstreamErrorReason, UpstreamErrorType } from './types.js';

/**
 * The upstream error type of an HTTP status: coder's `ErrorTypeFromStatus` (aibridge/recorder), plus
 * Anthropic's 529 as `overloaded`. 504 stays `server_error` and 503 is not assumed to be an overload:
 * only a body that says so (`overloaded_error`, "overloaded") makes it one.
 */
export function typeFromStatus(status: number): UpstreamErrorType {
  switch (status) {
    case 400:
    case 404:
    case 413:
    case 422:
      return 'bad_request';
    case 401:
    case 403:
      return 'unauthorized';
    case 408:
      return 'timeout';
    case 429:
      return 'rate_limited';
    case 529:
      return 'overloaded';
    default:
      return status >= 500 && status <= 599 ? 'server_error' : 'unknown';
  }
}

/**
 * A cause the status alone names: 402 Payment Required (Anthropic `billing_error`, OpenRouter
 * "insufficient credits") and 413 Content Too Large (Anthropic `request_too_large`, sent by Cloudflare).
 */
export function reasonFromStatus(status: number): UpstreamErrorReason | undefined {
  if (status === 402) return 'quota_exhausted';
  if (status === 413) return 'request_too_large';
  return undefined;
}

/** Whether an error of this type is worth retrying when nothing more specific is known. */
export function retryableType(type: UpstreamErrorType): boolean {
  return type === 'rate_limited' || type === 'overloaded' || type === 'server_error' || type === 'timeout';
}

/** An HTTP error status (400-599) from a number or a string of exactly three digits. */
export function errorStatus(value: unknown): number | undefined {
  const status = parseStatus(value);
  return status !== undefined && status >= 400 ? status : undefined;
}
