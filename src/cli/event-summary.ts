import { eventHeadline } from '../event/facts.js';
import { summarize } from '../redact/index.js';
import type { Classification } from '../rules/types.js';
import type { JsonObject } from './recorded-event.js';

/**
 * A one-line, secret-redacted summary of a recorded event for the CLI's output: its outermost exception
 * (`Type: value`), else its message. A rule that withholds summaries (kinds whose text can carry
 * personal data) is respected here as in the demotion breadcrumb.
 */
export function eventSummary(event: JsonObject, classification: Classification | undefined): string {
  if (classification?.summary === 'withheld') return '(summary withheld by the rule)';
  const text = eventHeadline(event);
  return text === undefined ? '(no message)' : summarize(text);
}
