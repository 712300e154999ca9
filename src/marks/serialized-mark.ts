import { isObject } from '../event/is-object.js';
import type { ExpectedMark } from './expected-error.js';

/** The `mechanism.data` keys that carry a typed expected error's mark in a serialized event. */
export const MARK_KIND_KEY = 'expected_error.kind';
export const MARK_ACTION_KEY = 'expected_error.action';

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
    mechanism: {
      ...mechanism,
      data: { ...data, [MARK_KIND_KEY]: mark.kind, [MARK_ACTION_KEY]: mark.action },
    },
  };
  return true;
}
