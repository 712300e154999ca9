/** A JSON object, as read from a file. */
export type JsonObject = Record<string, unknown>;

/**
 * Keys of which at least one appears in any Sentry event: as the SDK sends it, as Sentry stores it (the
 * event's "JSON" link) and as its REST API returns it (`eventID`, `entries`, `title`).
 */
const EVENT_KEYS = [
  'event_id',
  'eventID',
  'exception',
  'message',
  'logentry',
  'entries',
  'level',
  'platform',
  'timestamp',
  'title',
  'sdk',
  'breadcrumbs',
] as const;

/** Whether a JSON value reads as a Sentry event (and not, say, a package.json or an expectations file). */
export function looksLikeEvent(value: unknown): value is JsonObject {
  return isJsonObject(value) && EVENT_KEYS.some((key) => key in value);
}

/** Whether a JSON value reads as a rule of this package (a rules file sitting next to the events). */
export function looksLikeRule(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    typeof value.kind === 'string' &&
    (value.action === 'drop' || value.action === 'breadcrumb' || value.action === 'report') &&
    !looksLikeEvent(value)
  );
}

/**
 * The event in the shape the SDK hands to `processEvent`, whatever shape it was recorded in. Only the
 * fields the classifier reads are translated; the rest is kept as is. Returns the event itself when
 * nothing needs translating (the SDK's own shape), else a shallow copy.
 *
 * - Sentry's stored event (its "JSON" link): `tags` as `[key, value]` pairs, and `type: 'error'` or
 *   `'default'` where the SDK sends no `type` (the integration classifies only events without one).
 * - Sentry's REST API event: `eventID`, `tags` as `{ key, value }` objects, and `entries` of type
 *   `exception`, `message`, `breadcrumbs` and `request`.
 */
export function toSdkEvent(recorded: JsonObject): JsonObject {
  if (isSdkShape(recorded)) return recorded;
  const event: JsonObject = { ...recorded };
  if (event.type === 'error' || event.type === 'default') delete event.type;
  if (typeof event.event_id !== 'string' && typeof event.eventID === 'string') event.event_id = event.eventID;
  if (Array.isArray(event.tags)) event.tags = tagsFromList(event.tags);
  if (Array.isArray(event.entries)) {
    for (const entry of event.entries) {
      if (!isJsonObject(entry) || !isJsonObject(entry.data)) continue;
      const { data } = entry;
      if (entry.type === 'exception' && event.exception === undefined) event.exception = data;
      else if (entry.type === 'message' && event.logentry === undefined) event.logentry = data;
      else if (entry.type === 'breadcrumbs' && event.breadcrumbs === undefined)
        event.breadcrumbs = data.values;
      else if (entry.type === 'request' && event.request === undefined) event.request = data;
    }
  }
  return event;
}

/** Whether `toSdkEvent` would change nothing (the shape an SDK sends, and most JSON Lines dumps hold). */
function isSdkShape(event: JsonObject): boolean {
  return (
    event.type !== 'error' &&
    event.type !== 'default' &&
    (typeof event.event_id === 'string' || typeof event.eventID !== 'string') &&
    !Array.isArray(event.tags) &&
    !Array.isArray(event.entries)
  );
}

/** Seconds since the epoch from a recorded `timestamp` (a number, or an ISO date as Sentry stores it). */
export function timestampOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? Number.NaN : parsed / 1_000;
  }
  return Number.NaN;
}

/** The event id of an event, when it has one. */
export function eventIdOf(event: JsonObject): string | undefined {
  return typeof event.event_id === 'string' && event.event_id.length > 0 ? event.event_id : undefined;
}

function tagsFromList(list: readonly unknown[]): JsonObject {
  const tags: JsonObject = {};
  for (const tag of list) {
    if (Array.isArray(tag) && typeof tag[0] === 'string') tags[tag[0]] = tag[1];
    else if (isJsonObject(tag) && typeof tag.key === 'string') tags[tag.key] = tag.value;
  }
  return tags;
}

/** A non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
