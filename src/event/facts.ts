import type { Facts } from '../rules/facts.js';
import { chainStatuses } from './error-chain.js';
import { parseStatus } from './http-status.js';
import { isObject } from './is-object.js';

export type { Facts } from '../rules/facts.js';
export { exampleFacts } from '../rules/facts.js';

const STATUS_TAGS = ['status', 'status_code', 'http.status_code', 'http.response.status_code'] as const;
/** How much of an exception value a headline keeps (summaries are cut much shorter anyway). */
const HEADLINE_VALUE_LENGTH = 2_048;

/**
 * Text, statuses, exception types and tags of a Sentry event. Works on the serialized event alone (a
 * recorded event has no hint); `hint.originalException` adds statuses when the event is live.
 */
export function eventFacts(event: unknown, hint?: unknown): Facts {
  if (!isObject(event)) return { fields: [], statuses: [], exceptionTypes: [], tags: undefined };
  const fields: string[][] = [];
  const exceptionTypes: string[] = [];

  const message = event.message;
  if (typeof message === 'string') addField(fields, message);
  else if (isObject(message)) addDistinct(fields, message.formatted, message.message);
  const logentry = event.logentry;
  if (isObject(logentry)) {
    addDistinct(fields, logentry.formatted, logentry.message);
    // `Sentry.parameterize` sends the template and its params apart: read them as the rendered message.
    if (
      typeof logentry.message === 'string' &&
      Array.isArray(logentry.params) &&
      logentry.params.length > 0
    ) {
      fields.push(renderTemplate(logentry.message, logentry.params));
    }
  }

  const exception = event.exception;
  const values = isObject(exception) ? exception.values : undefined;
  if (Array.isArray(values)) {
    for (const value of values) {
      if (!isObject(value)) continue;
      const type = typeof value.type === 'string' && value.type.length > 0 ? value.type : undefined;
      const text = textOf(value.value);
      if (type !== undefined) exceptionTypes.push(type);
      if (type !== undefined && text !== undefined) fields.push([type, ': ', text]);
      else if (type !== undefined) fields.push([type]);
      else if (text !== undefined) fields.push([text]);
    }
  }

  const statuses = recordedStatuses(event);
  // The live error, read as `categorizeUpstreamError` reads it (the same chain, the same fields).
  if (isObject(hint)) for (const status of chainStatuses(hint.originalException)) addStatus(statuses, status);

  const tags = isObject(event.tags) ? event.tags : undefined;
  return { fields, statuses, exceptionTypes, tags };
}

/**
 * The statuses a serialized event states, without its live error: status tags,
 * `contexts.response.status_code`, and the status of a thrown non-Error object.
 */
export function recordedStatuses(event: unknown): number[] {
  const statuses: number[] = [];
  if (!isObject(event)) return statuses;
  const tags = event.tags;
  if (isObject(tags)) for (const name of STATUS_TAGS) addStatus(statuses, tags[name]);
  const contexts = event.contexts;
  if (isObject(contexts) && isObject(contexts.response)) addStatus(statuses, contexts.response.status_code);
  // A thrown non-Error object (a Tauri `invoke` rejection, a fetch wrapper's `{ status, message }`) is
  // serialized by the SDK into `extra.__serialized__`: recorded events keep its status there.
  const extra = event.extra;
  if (isObject(extra)) for (const status of chainStatuses(extra.__serialized__)) addStatus(statuses, status);
  return statuses;
}

/**
 * The text that best names an event, for summaries: its outermost exception (`Type: value`; the SDK
 * lists the cause chain first and the captured error last), else its message, else its log entry with
 * the params in place.
 */
export function eventHeadline(event: unknown): string | undefined {
  if (!isObject(event)) return undefined;
  const values = isObject(event.exception) ? event.exception.values : undefined;
  if (Array.isArray(values)) {
    for (let index = values.length - 1; index >= 0; index--) {
      const exception: unknown = values[index];
      if (!isObject(exception)) continue;
      const type =
        typeof exception.type === 'string' && exception.type.length > 0 ? exception.type : undefined;
      const value = textOf(exception.value);
      if (type !== undefined && value !== undefined)
        return `${type}: ${value.slice(0, HEADLINE_VALUE_LENGTH)}`;
      if (type !== undefined || value !== undefined) return type ?? value;
    }
  }
  const { message, logentry } = event;
  if (typeof message === 'string' && message.length > 0) return message;
  if (isObject(message)) return textOf(message.formatted) ?? textOf(message.message);
  if (!isObject(logentry)) return undefined;
  const formatted = textOf(logentry.formatted);
  if (formatted !== undefined || typeof logentry.message !== 'string') return formatted;
  return Array.isArray(logentry.params)
    ? renderTemplate(logentry.message, logentry.params).join('')
    : logentry.message;
}

/** Text (`message`, `data.url`) and status (`data.status_code`) of a breadcrumb. */
export function breadcrumbFacts(breadcrumb: unknown): Facts {
  if (!isObject(breadcrumb)) return { fields: [], statuses: [], exceptionTypes: [], tags: undefined };
  const fields: string[][] = [];
  const statuses: number[] = [];
  const message = textOf(breadcrumb.message);
  if (message !== undefined) addField(fields, message);
  const data = breadcrumb.data;
  if (isObject(data)) {
    if (typeof data.url === 'string') addField(fields, data.url);
    addStatus(statuses, data.status_code);
  }
  return { fields, statuses, exceptionTypes: [], tags: undefined };
}

function addStatus(statuses: number[], value: unknown): void {
  const status = parseStatus(value);
  if (status !== undefined && !statuses.includes(status)) statuses.push(status);
}

/** The parts of a printf-style template with its params in place (`%s`, `%d`, `%i`, `%f`, `%o`, `%O`, `%j`). */
function renderTemplate(template: string, params: readonly unknown[]): string[] {
  const parts: string[] = [];
  let last = 0;
  let next = 0;
  for (const placeholder of template.matchAll(/%[sdifoOj]/g)) {
    if (next >= params.length) break;
    parts.push(template.slice(last, placeholder.index));
    const param = params[next++];
    parts.push(textOf(param) ?? (param === null || param === undefined ? String(param) : ''));
    last = placeholder.index + placeholder[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

function addField(fields: string[][], text: string): void {
  if (text.length > 0) fields.push([text]);
}

function addDistinct(fields: string[][], first: unknown, second: unknown): void {
  if (typeof first === 'string') addField(fields, first);
  if (typeof second === 'string' && second !== first) addField(fields, second);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** The live error the SDK captured (`hint.originalException`), if the hint has one. */
export function originalExceptionOf(hint: unknown): unknown {
  return isObject(hint) ? hint.originalException : undefined;
}
