/**
 * Property access that never throws. Errors arrive from anywhere: a getter that throws, a revoked Proxy
 * or a hostile `toString` must cost a missing field, never the caller.
 */

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

/** The first `limit` items of `value` when it is an array, read one guarded index at a time. */
export function itemsOf(value: unknown, limit: number): unknown[] {
  if (!isArray(value)) return [];
  const length = read(value, 'length');
  const count = typeof length === 'number' ? Math.min(length, limit) : 0;
  const items: unknown[] = [];
  for (let index = 0; index < count; index++) items.push(read(value, String(index)));
  return items;
}
