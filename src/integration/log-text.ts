import type { Classifier } from '../classifier/build.js';
import { classificationTags, KIND_KEY } from '../decisions/tags.js';

/** Attributes that carry an HTTP status on a log record (the tag names events use, plus `statusCode`). */
const STATUS_ATTRIBUTES = [
  'status',
  'status_code',
  'statusCode',
  'http.status_code',
  'http.response.status_code',
];

/**
 * A log record read the way a breadcrumb is: its rendered message (a `Sentry.logger.fmt` template with
 * its values in place, or the console call's formatted arguments) and the first status-like attribute.
 */
export function logAsBreadcrumb(message: unknown, attributes: Record<string, unknown>): object {
  const text =
    typeof message === 'string' ? message : message instanceof String ? String(message) : undefined;
  let status: unknown;
  for (const name of STATUS_ATTRIBUTES) {
    status = attributeValue(attributes[name]);
    if (status !== undefined) break;
  }
  return { message: text, data: { status_code: status } };
}

/** An attribute is a plain value or, from `@sentry/core` 10 on, possibly `{ value, type }` / `{ value, unit }`. */
function attributeValue(attribute: unknown): unknown {
  if (typeof attribute === 'object' && attribute !== null && 'value' in attribute)
    return (attribute as { value: unknown }).value;
  return attribute;
}

/** Levels a demoted log is lowered from to `info`; `trace`, `debug` and `info` stay as they are. */
const ABOVE_INFO = new Set<unknown>(['warn', 'error', 'fatal']);

/**
 * What to do with a log record, as captured (`beforeSendLog`) or as serialized in an envelope: nothing
 * (`undefined`: no rule, a `report` rule, or already decided by another process's integration), drop it, or
 * add `attributes` (all string values) and, if `lowered`, lower its level to `info`.
 */
export type LogVerdict =
  | { readonly drop: true }
  | { readonly drop: false; readonly attributes: Record<string, string>; readonly lowered: boolean }
  | undefined;

/** Decides a log record from its message, attributes and level. */
export function decideLog(
  message: unknown,
  attributes: Record<string, unknown>,
  level: unknown,
  classifier: Classifier,
  mode: 'enforce' | 'dry-run',
): LogVerdict {
  // Already decided by another process's integration (an Electron renderer's, a second copy).
  if (attributes[KIND_KEY] !== undefined) return undefined;
  const classification = classifier.classifyBreadcrumb(logAsBreadcrumb(message, attributes));
  if (!classification) return undefined;
  if (mode === 'dry-run' || classification.shadow)
    return { drop: false, attributes: classificationTags(classification), lowered: false };
  if (classification.action === 'report') return undefined;
  if (classification.action === 'drop') return { drop: true };
  return {
    drop: false,
    attributes: { [KIND_KEY]: classification.kind },
    lowered: ABOVE_INFO.has(level),
  };
}
