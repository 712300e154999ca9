import { isObject } from '../event/is-object.js';
import type { ExpectedMark } from './expected-error.js';
import { MARK_ACTION_KEY, MARK_KIND_KEY } from './serialized-mark.js';

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
    const kind = data[MARK_KIND_KEY];
    const action = data[MARK_ACTION_KEY];
    if (typeof kind === 'string' && kind.length > 0 && (action === 'drop' || action === 'breadcrumb'))
      return { kind, action };
  }
  return undefined;
}
