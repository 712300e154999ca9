import { isRecord, read } from '../event/guarded-read.js';
import { readBody } from './body.js';
import { addTransport, type Evidence } from './evidence.js';

/**
 * Vercel AI SDK errors, recognised by the `Symbol.for` markers the SDK itself checks (so any installed
 * copy matches):
 * - `APICallError` (`@ai-sdk/provider`): `statusCode`, `responseHeaders` (a plain record),
 *   `responseBody` (the raw string), `data` (the parsed body) and `isRetryable` (the SDK's verdict:
 *   408, 409, 429 and 5xx by default, `true` for "Cannot connect to API");
 * - `RetryError` (`ai`): the attempts, `lastError` and a `reason`; `abort` means the caller cancelled.
 */

const API_CALL_ERROR = Symbol.for('vercel.ai.error.AI_APICallError');
const RETRY_ERROR = Symbol.for('vercel.ai.error.AI_RetryError');

/**
 * Reads an `APICallError` or a `RetryError`. `responseHeaders` and `responseBody` are read on any object
 * (an `APICallError` logged as JSON has lost its marker); `data` and `isRetryable` are generic names,
 * trusted only behind the marker.
 */
export function readVercelError(layer: object, evidence: Evidence, depth: number): void {
  if (read(layer, RETRY_ERROR) === true && read(layer, 'reason') === 'abort') {
    addTransport(evidence, 'cancelled');
  }
  const headers = read(layer, 'responseHeaders');
  if (isRecord(headers)) evidence.headers.push(headers);
  const responseBody = read(layer, 'responseBody');
  if (typeof responseBody === 'string') readBody(responseBody, evidence, depth + 1);
  if (read(layer, API_CALL_ERROR) !== true) return;
  readBody(read(layer, 'data'), evidence, depth + 1);
  const isRetryable = read(layer, 'isRetryable');
  if (typeof isRetryable === 'boolean' && evidence.sdkRetryable === undefined) {
    evidence.sdkRetryable = isRetryable;
  }
}
