import { isArray, read } from '../event/guarded-read.js';

/**
 * How long a provider asked to wait, from headers first (OpenAI's and Anthropic's SDKs read
 * `retry-after-ms`, then `retry-after` in seconds or as an HTTP date), then from the message text
 * (`Please try again in 20s`, `try again in 84ms`, coder's key pool `retry after 1m30s`).
 */

const MAX_HEADER_KEYS = 64;
/** Go-style durations (`84ms`, `1m30s`) or a number and a unit word (`20 seconds`). */
const TEXT_DELAY =
  /\b(?:try again|retry) (?:in|after) (?:((?:\d{1,9}(?:\.\d{1,6})?(?:ms|h|m|s)){1,4})\b|(\d{1,9}(?:\.\d{1,6})?) ?(milliseconds?|seconds?|secs?|minutes?|mins?|hours?)\b)/i;
const DURATION_PART = /(\d{1,9}(?:\.\d{1,6})?)(ms|h|m|s)/g;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The delay the first header source that has one asks for, in milliseconds. */
export function retryAfterFromHeaders(
  sources: readonly object[],
  now: number = Date.now(),
): number | undefined {
  for (const headers of sources) {
    const milliseconds = decimal(headerValue(headers, 'retry-after-ms'));
    if (milliseconds !== undefined) return Math.ceil(milliseconds);
    const value = headerValue(headers, 'retry-after');
    if (value === undefined) continue;
    const seconds = decimal(value);
    if (seconds !== undefined) return Math.ceil(seconds * 1000);
    // An HTTP date names its weekday and month; a bare `-1` must not parse as a year.
    const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return undefined;
}

/** The `x-should-retry` verdict the OpenAI and Anthropic APIs can send, when one is present. */
export function shouldRetryFromHeaders(sources: readonly object[]): boolean | undefined {
  for (const headers of sources) {
    const value = headerValue(headers, 'x-should-retry');
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  return undefined;
}

/** The delay a message asks for (`Please try again in 20 seconds`). */
export function retryAfterFromText(text: string): number | undefined {
  const match = TEXT_DELAY.exec(text);
  if (!match) return undefined;
  const [, duration, amount, unitWord] = match;
  if (duration !== undefined) {
    let total = 0;
    for (const part of duration.matchAll(DURATION_PART)) {
      total += Number(part[1]) * (UNIT_MS[part[2] ?? ''] ?? 0);
    }
    return Math.ceil(total);
  }
  const unit = unitWord?.toLowerCase() ?? '';
  const scale = unit.startsWith('milli')
    ? 1
    : unit.startsWith('s')
      ? 1000
      : unit.startsWith('m')
        ? 60_000
        : 3_600_000;
  return Math.ceil(Number(amount) * scale);
}

/**
 * One header from a `Headers` instance (OpenAI, Anthropic), a `Map`, or a plain record (the AI SDK's
 * `responseHeaders`, Node's `IncomingHttpHeaders`, axios), matched case-insensitively.
 */
function headerValue(headers: object, name: string): string | undefined {
  const get = read(headers, 'get');
  if (typeof get === 'function') return stringValue(callGet(get, headers, name));
  const direct = stringValue(read(headers, name));
  if (direct !== undefined) return direct;
  let keys: string[];
  try {
    keys = Object.keys(headers).slice(0, MAX_HEADER_KEYS);
  } catch {
    // A Proxy with a throwing `ownKeys` trap has no readable headers.
    return undefined;
  }
  const key = keys.find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : stringValue(read(headers, key));
}

function callGet(get: unknown, headers: object, name: string): unknown {
  try {
    return typeof get === 'function' ? Reflect.apply(get, headers, [name]) : undefined;
  } catch {
    // A `get` that throws is not a header getter worth trusting: no value.
    return undefined;
  }
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isArray(value)) {
    const first = read(value, '0');
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/** A non-negative decimal of sane size (`"2"`, `"1500.5"`); anything else, `""` included, is none. */
function decimal(value: string | undefined): number | undefined {
  return value !== undefined && /^\s{0,32}\d{1,12}(?:\.\d{1,6})?\s{0,32}$/.test(value)
    ? Number(value)
    : undefined;
}
