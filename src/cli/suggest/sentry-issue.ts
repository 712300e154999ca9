import { isJsonObject, type JsonObject } from '../recorded-event.js';
import type { Sample } from './sample.js';

/** Keys of an event that an issue of Sentry's API never has. */
const EVENT_ONLY_KEYS = ['exception', 'entries', 'event_id', 'eventID', 'logentry', 'breadcrumbs'] as const;

/**
 * Whether a JSON value is an issue as Sentry's API serializes it (`GET /api/0/projects/{org}/{project}/issues/`):
 * an `id`, a `title`, a `count` (a string in Sentry's serializer) and one of `status`, `culprit`,
 * `metadata`, `shortId`, and none of an event's own keys.
 */
export function isSentryIssue(value: unknown): value is JsonObject {
  if (!isJsonObject(value)) return false;
  return (
    (typeof value.id === 'string' || typeof value.id === 'number') &&
    typeof value.title === 'string' &&
    (typeof value.count === 'string' || typeof value.count === 'number') &&
    ('status' in value || 'culprit' in value || 'metadata' in value || 'shortId' in value) &&
    !EVENT_ONLY_KEYS.some((key) => key in value)
  );
}

/**
 * Whether Sentry's triage says the issue is expected: archived (`status: 'ignored'`, whatever
 * `archived_*` substatus, or `substatus` alone on an older serializer).
 */
export function isArchived(issue: JsonObject): boolean {
  return (
    issue.status === 'ignored' ||
    (typeof issue.substatus === 'string' && issue.substatus.startsWith('archived'))
  );
}

/**
 * The sample of an issue: its `metadata.type` and `metadata.value` read as the exception they were taken
 * from, else its `title` as a message (`hasMetadata: false`, for the caller to report); weighted by
 * `count` (at least 1).
 */
export function sampleOfIssue(issue: JsonObject): { sample: Sample; hasMetadata: boolean } {
  const metadata = isJsonObject(issue.metadata) ? issue.metadata : undefined;
  const type = nonEmpty(metadata?.type);
  const value = typeof metadata?.value === 'string' ? metadata.value : undefined;
  const title = String(issue.title);
  const hasMetadata = type !== undefined || value !== undefined;
  const headline = type !== undefined && value !== undefined ? `${type}: ${value}` : (type ?? value ?? title);
  const level = typeof issue.level === 'string' ? issue.level : 'error';
  const event: JsonObject = hasMetadata
    ? {
        level,
        exception: { values: [{ ...(type ? { type } : {}), ...(value !== undefined ? { value } : {}) }] },
      }
    : { level, message: title };
  const count = Number(issue.count);
  return {
    hasMetadata,
    sample: {
      fields: [headline],
      headline,
      exceptionTypes: type === undefined ? [] : [type],
      statuses: [],
      weight: Number.isFinite(count) && count >= 1 ? Math.floor(count) : 1,
      expected: isArchived(issue),
      issue: String(issue.id),
      event,
    },
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
