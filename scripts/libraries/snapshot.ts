import type { ErrorSnapshot, SnapshotValue } from '../../test/helpers/library-corpus.js';

/** How deep nested objects are kept: deep enough for `error.response.data.error.code`. */
const MAX_DEPTH = 6;
/** Fields that change on every run (got's `timings`, axios's `duration`, a response's `Date`), and sockets. */
const VOLATILE_KEYS: ReadonlySet<string> = new Set([
  'timings',
  'duration',
  'date',
  'stack',
  'socket',
  'agent',
]);
/** What a class instance that is not an error (a `Response`, an `IncomingMessage`) is reduced to. */
const INSTANCE_FIELDS = ['status', 'statusCode', 'statusText', 'statusMessage', 'ok', 'url', 'headers'];

/**
 * The live error as JSON: name, message, class name, own enumerable properties, `cause` and an
 * `AggregateError`'s `errors`. Class instances that are not errors keep only their status-like fields
 * (a `Response`'s `status` is a getter, read here) unless they define `toJSON`; functions, sockets and
 * timings are left out, and a `Headers` object becomes its entries.
 */
export function snapshotOf(value: unknown): SnapshotValue {
  return snapshot(value, 0, new WeakSet());
}

function snapshot(value: unknown, depth: number, seen: WeakSet<object>): SnapshotValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (seen.has(value) || depth > MAX_DEPTH) return '[…]';
  seen.add(value);
  try {
    if (value instanceof Error) return errorSnapshot(value, depth, seen);
    if (Array.isArray(value)) return value.slice(0, 20).map((item) => snapshot(item, depth + 1, seen));
    if (isHeaders(value)) return headerEntries(value);
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype === null || prototype === Object.prototype) return plain(value, depth, seen);
    // A class that says how it serializes (axios's `AxiosHeaders`, a `URL`) is kept that way.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return snapshot(toJSON.call(value), depth + 1, seen);
    return instance(value, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function errorSnapshot(error: Error, depth: number, seen: WeakSet<object>): ErrorSnapshot {
  const properties: Record<string, SnapshotValue> = {};
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key === 'message' || VOLATILE_KEYS.has(key)) continue;
    if (key === 'errors' && error instanceof AggregateError) continue;
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === 'function' || value === undefined) continue;
    properties[key] = snapshot(value, depth + 1, seen);
  }
  const cause = 'cause' in error ? error.cause : undefined;
  return {
    className: error.constructor.name,
    name: error.name,
    message: error.message,
    properties,
    ...(cause === undefined ? {} : { cause: snapshot(cause, depth + 1, seen) }),
    ...(error instanceof AggregateError
      ? { errors: (error.errors as unknown[]).map((item) => snapshot(item, depth + 1, seen)) }
      : {}),
  };
}

function plain(value: object, depth: number, seen: WeakSet<object>): SnapshotValue {
  const result: Record<string, SnapshotValue> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'function' || item === undefined || VOLATILE_KEYS.has(key.toLowerCase())) continue;
    result[key] = snapshot(item, depth + 1, seen);
  }
  return result;
}

function instance(value: object, depth: number, seen: WeakSet<object>): SnapshotValue {
  const result: Record<string, SnapshotValue> = {};
  const record = value as Record<string, unknown>;
  for (const key of INSTANCE_FIELDS) {
    const item = record[key];
    if (item === undefined || typeof item === 'function') continue;
    result[key] = snapshot(item, depth + 1, seen);
  }
  return result;
}

function isHeaders(
  value: object,
): value is { forEach(callback: (value: string, key: string) => void): void } {
  return (
    typeof (value as { get?: unknown }).get === 'function' &&
    typeof (value as { forEach?: unknown }).forEach === 'function' &&
    typeof (value as { has?: unknown }).has === 'function'
  );
}

function headerEntries(headers: {
  forEach(callback: (value: string, key: string) => void): void;
}): Record<string, string> {
  const entries: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (!VOLATILE_KEYS.has(key.toLowerCase())) entries[key] = value;
  });
  return entries;
}
