import type { ExpectedMark } from './expected-error.js';

/** The `mechanism.data` keys that carry a typed expected error's mark in a serialized event. */
const KIND_KEY = 'expected_error.kind';
const ACTION_KEY = 'expected_error.action';

/**
 * Writes a typed expected error's mark into the serialized event, on the captured (outermost, last)
 * exception's `mechanism.data`, so that a process that receives the event without its hint (Electron's
 * main process, for a renderer's) decides it as the throwing process would have. Only the SDK and this
 * package write `mechanism.data`: scope data, tags, messages and breadcrumbs cannot reach it, so the mark
 * is never spoofed by accident.
 */
export function writeSerializedMark(
  event: { exception?: { values?: unknown[] } },
  mark: ExpectedMark,
): boolean {
  const values = event.exception?.values;
  if (!Array.isArray(values) || values.length === 0) return false;
  const index = values.length - 1;
  const exception = values[index];
  if (!isObject(exception)) return false;
  const mechanism = isObject(exception.mechanism) ? exception.mechanism : { type: 'generic', handled: true };
  const data = isObject(mechanism.data) ? mechanism.data : {};
  values[index] = {
    ...exception,
    mechanism: { ...mechanism, data: { ...data, [KIND_KEY]: mark.kind, [ACTION_KEY]: mark.action } },
  };
  return true;
}

/** The mark a serialized event carries on any of its exceptions' `mechanism.data`, if it is well formed. */
export function serializedMarkOf(event: unknown): ExpectedMark | undefined {
  if (!isObject(event) || !isObject(event.exception)) return undefined;
  const values = event.exception.values;
  if (!Array.isArray(values)) return undefined;
  for (let index = values.length - 1; index >= 0; index--) {
    const exception: unknown = values[index];
    if (!isObject(exception) || !isObject(exception.mechanism)) continue;
    const data = exception.mechanism.data;
    if (!isObject(data)) continue;
    const kind = data[KIND_KEY];
    const action = data[ACTION_KEY];
    if (typeof kind === 'string' && kind.length > 0 && (action === 'drop' || action === 'breadcrumb'))
      return { kind, action };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
