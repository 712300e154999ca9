import { summarize } from '../redact.js';
import type { Classification } from '../rules/types.js';
import { isJsonObject, type JsonObject } from './recorded-event.js';

/**
 * A one-line, secret-redacted summary of a recorded event for the CLI's output: its outermost exception
 * (`Type: value`), else its message. A rule that withholds summaries (kinds whose text can carry
 * personal data) is respected here as in the demotion breadcrumb.
 */
export function eventSummary(event: JsonObject, classification: Classification | undefined): string {
  if (classification?.summary === 'withheld') return '(summary withheld by the rule)';
  const text = headline(event);
  return text === undefined ? '(no message)' : summarize(text);
}

function headline(event: JsonObject): string | undefined {
  const values = isJsonObject(event.exception) ? event.exception.values : undefined;
  if (Array.isArray(values)) {
    // The SDK lists the cause chain first and the captured error last.
    for (let index = values.length - 1; index >= 0; index--) {
      const exception: unknown = values[index];
      if (!isJsonObject(exception)) continue;
      const type = nonEmptyString(exception.type);
      const value = nonEmptyString(exception.value);
      if (type !== undefined && value !== undefined) return `${type}: ${value.slice(0, 2_048)}`;
      if (type !== undefined || value !== undefined) return type ?? value;
    }
  }
  const { message, logentry } = event;
  if (typeof message === 'string' && message.length > 0) return message;
  if (isJsonObject(message)) return nonEmptyString(message.formatted) ?? nonEmptyString(message.message);
  if (isJsonObject(logentry)) return nonEmptyString(logentry.formatted) ?? nonEmptyString(logentry.message);
  return undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
