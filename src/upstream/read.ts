import { isRecord, read } from '../event/guarded-read.js';

/**
 * Field readers of the taxonomy, on top of the guarded reads every reader of error objects shares.
 */

/** Longest text scanned per field: enough for a traceback plus a JSON body, bounded for huge strings. */
export const MAX_TEXT_LENGTH = 16 * 1024;
/** Longest string parsed as a JSON body. */
export const MAX_JSON_LENGTH = 256 * 1024;

/** A non-empty string field. */
export function readString(value: object, key: string): string | undefined {
  const field = read(value, key);
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

/** An object field (not an array). */
export function readRecord(value: object, key: string): object | undefined {
  const field = read(value, key);
  return isRecord(field) ? field : undefined;
}

/** `text` cut to the scanned length. */
export function capText(text: string): string {
  return text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
}

/**
 * The JSON value in `text`, when it is one or ends with one (`400 {"type":"error",…}`, the Anthropic
 * SDK's message shape). Parses once, and only strings short enough to parse cheaply.
 */
export function parseJsonBody(text: string): unknown {
  if (text.length > MAX_JSON_LENGTH) return undefined;
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('}')) return undefined;
  const start = trimmed.indexOf('{');
  if (start < 0) return undefined;
  try {
    return JSON.parse(trimmed.slice(start));
  } catch {
    // Not JSON after all (a Python repr, an HTML page with braces): the text rules still read it.
    return undefined;
  }
}
