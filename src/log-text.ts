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
