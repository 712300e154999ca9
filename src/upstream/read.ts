/**
 * Property access that never throws. Errors reach `categorizeUpstreamError` from anywhere: a getter
 * that throws, a revoked Proxy or a hostile `toString` must cost a missing field, not the caller.
 */

/** Longest text scanned per field: enough for a traceback plus a JSON body, bounded for huge strings. */
export const MAX_TEXT_LENGTH = 16 * 1024;
/** Longest string parsed as a JSON body. */
export const MAX_JSON_LENGTH = 256 * 1024;

/** A non-null object (arrays and functions excluded: errors and bodies are never either). */
export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isArray(value);
}

/** `Array.isArray`, which throws on a revoked Proxy. */
export function isArray(value: unknown): value is readonly unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    // Only a revoked Proxy throws here, and it has nothing left to read.
    return false;
  }
}

/** `value[key]`, or `undefined` when reading it throws. */
export function read(value: object, key: string | symbol): unknown {
  try {
    return (value as Record<string | symbol, unknown>)[key];
  } catch {
    // A throwing getter or a revoked Proxy: treat the field as absent.
    return undefined;
  }
}

/** A non-empty string field. */
export function readString(value: object, key: string): string | undefined {
  const field = read(value, key);
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

/** An object field (not an array). */
export function readRecord(value: object, key: string): object | undefined {
  const field = read(value, key);
  return isRecord(field) ? field : undefined;
}

/** The first `limit` items of an array field. */
export function readItems(value: object, key: string, limit: number): unknown[] {
  return itemsOf(read(value, key), limit);
}

/** The first `limit` items of `value` when it is an array, read one guarded index at a time. */
export function itemsOf(value: unknown, limit: number): unknown[] {
  if (!isArray(value)) return [];
  const length = read(value, 'length');
  const count = typeof length === 'number' ? Math.min(length, limit) : 0;
  const items: unknown[] = [];
  for (let index = 0; index < count; index++) items.push(read(value, String(index)));
  return items;
}

/** `text` cut to the scanned length. */
export function capText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

/**
 * The JSON value in `text`, when it is one or ends with one (`400 {"type":"error",…}`, the Anthropic
 * SDK's message shape). Parses once, and only strings short enough to parse cheaply.
 */
export function parseJsonBody(text: string): unknown {
  if (text.length > MAX_JSON_LENGTH) return undefined;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  const start = trimmed.indexOf('{');
  if (start < 0) return undefined;
  try {
    return JSON.parse(trimmed.slice(start));
  } catch {
    // Not JSON after all (a Python repr, an HTML page with braces): the text rules still read it.
    return undefined;
  }
}
