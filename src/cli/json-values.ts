import { eventsOfParsedEnvelope, isParsedEnvelope } from './read-envelope.js';
import {
  isJsonObject,
  type JsonObject,
  looksLikeEvent,
  looksLikeRule,
  toSdkEvent,
} from './recorded-event.js';

/**
 * The events a JSON value holds: itself, the elements of an array, or the event items of an envelope.
 * An unknown envelope item type throws `CliInputError` (`where` names the file and line).
 */
export function eventsOfValue(
  value: unknown,
  where: string,
): Array<{ event: JsonObject } | { problem: string }> {
  if (isParsedEnvelope(value)) return eventsOfParsedEnvelope(value, where);
  if (isJsonObject(value)) return [{ event: toSdkEvent(value) }];
  if (Array.isArray(value)) {
    return value.map((element, position) =>
      isJsonObject(element)
        ? { event: toSdkEvent(element) }
        : { problem: `array element #${position} is not an event object (${kindOf(element)})` },
    );
  }
  return [{ problem: `not an event object (${kindOf(value)})` }];
}

/** Why a whole JSON value is clearly not events, or `undefined` when it may hold some. */
export function notEventsReason(value: unknown): string | undefined {
  if (isParsedEnvelope(value) || looksLikeEvent(value)) return undefined;
  if (isJsonObject(value)) {
    return Array.isArray(value.expectations)
      ? 'an expectations file'
      : 'no event fields such as event_id or exception';
  }
  if (!Array.isArray(value)) return `a JSON ${kindOf(value)}`;
  if (value.length === 0 || value.some(looksLikeEvent)) return undefined;
  if (value.every(looksLikeRule)) return 'a rules file';
  if (value.every((element) => isJsonObject(element) && typeof element.outcome === 'string')) {
    return 'an expectations file';
  }
  return value.some(isJsonObject)
    ? 'no event fields such as event_id or exception'
    : 'an array of non-objects';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
