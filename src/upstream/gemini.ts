import { isArray, isRecord, itemsOf, read } from '../event/guarded-read.js';
import { addCode, type Evidence } from './evidence.js';
import { readString } from './read.js';

/**
 * Google error bodies (Gemini API, Vertex AI): `{ error: { code, message, status, details[] } }`. The
 * canonical `status` (`RESOURCE_EXHAUSTED`, `UNAVAILABLE`…) is read as a code by the body reader; this
 * file reads `details`, where Google puts what the status cannot say:
 * - `ErrorInfo.reason`: `API_KEY_INVALID` makes an HTTP 400 an auth failure;
 * - `RetryInfo.retryDelay`: a protobuf Duration such as `"34.4s"`, the wait before retrying a 429;
 * - `QuotaFailure`: the `RESOURCE_EXHAUSTED` is a quota, spent unless a retry delay says it refills soon.
 * Anthropic's `error.details` object (`{ error_code }`) is read here too: same field, other provider.
 */

const MAX_DETAILS = 16;
const RETRY_INFO_TYPE = 'type.googleapis.com/google.rpc.RetryInfo';
const QUOTA_FAILURE_TYPE = 'type.googleapis.com/google.rpc.QuotaFailure';

/** Reads a body's `details` (Google array or Anthropic object). */
export function readErrorDetails(details: unknown, evidence: Evidence): void {
  if (isRecord(details)) {
    addCode(evidence, read(details, 'error_code'));
    return;
  }
  if (!isArray(details)) return;
  for (const detail of itemsOf(details, MAX_DETAILS)) {
    if (!isRecord(detail)) continue;
    addCode(evidence, read(detail, 'reason'));
    const type = readString(detail, '@type');
    if (type === QUOTA_FAILURE_TYPE) addCode(evidence, 'quota_failure');
    if (type === RETRY_INFO_TYPE && evidence.retryDelayMs === undefined) {
      evidence.retryDelayMs = durationMs(read(detail, 'retryDelay'));
    }
  }
}

/**
 * Milliseconds of a protobuf Duration in its JSON form (`"34.4s"`, `"3s"`) or object form
 * (`{ seconds: 34, nanos: 400000000 }`, as gRPC clients decode it).
 */
export function durationMs(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^\s{0,32}(\d{1,12}(?:\.\d{1,9})?)s\s{0,32}$/.exec(value);
    return match?.[1] === undefined ? undefined : Math.ceil(Number(match[1]) * 1000);
  }
  if (!isRecord(value)) return undefined;
  const seconds = read(value, 'seconds');
  const nanos = read(value, 'nanos');
  if (seconds === undefined && nanos === undefined) return undefined;
  const total = plainNumber(seconds) * 1000 + plainNumber(nanos) / 1e6;
  return Number.isFinite(total) && total >= 0 ? Math.ceil(total) : undefined;
}

/** A number from a number or numeric string; anything else (which `Number()` could call into) is 0. */
function plainNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\s{0,32}\d{1,15}\s{0,32}$/.test(value) ? Number(value) : 0;
}
