import { isRecord, itemsOf, read } from '../event/guarded-read.js';
import { addCode, type Evidence, pushText, visit } from './evidence.js';
import { readErrorDetails } from './gemini.js';
import { htmlPageSummary, isHtmlPage } from './html-page.js';
import { capText, parseJsonBody, readRecord, readString } from './read.js';
import { errorStatus } from './status-table.js';

/** How many items of a Google API `errors` list are read (real bodies hold one). */
const MAX_ERROR_ITEMS = 4;

/** How deep an error body is followed (`{ error: { error: { … } } }` is as deep as real bodies go). */
const MAX_BODY_DEPTH = 4;

/**
 * Reads an error body, whichever provider wrote it:
 * - OpenAI and compatible: `{ error: { message, type, code: string | number, param } }`;
 * - Anthropic: `{ type: 'error', error: { type, message, details? }, request_id }`;
 * - Google: `{ error: { code, message, status, details[] } }` (see gemini.ts);
 * - OpenRouter: `{ error: { code: <HTTP status>, message, metadata? } }`, moderation details in metadata;
 * - Cohere `{ message }`, FastAPI-style servers `{ detail }`;
 * - stream error parts, which are the provider's object itself (`{ type: 'overloaded_error', message }`)
 *   and the Responses API's `{ type: 'response.failed', response: { error: { code, message } } }`.
 * A string body is scanned as text, parsed first when it is JSON.
 */
export function readBody(body: unknown, evidence: Evidence, depth = 0): void {
  if (typeof body === 'string') {
    addText(evidence, body, depth);
    return;
  }
  if (!isRecord(body) || depth > MAX_BODY_DEPTH || !visit(evidence, body)) return;
  readBodyFields(body, evidence, depth);
}

/** Reads the body fields of an object already visited (an error object is also read as a body). */
export function readBodyFields(body: object, evidence: Evidence, depth: number): void {
  const message = read(body, 'message');
  if (typeof message === 'string') addText(evidence, message, depth);
  addCode(evidence, read(body, 'type'));
  addCode(evidence, read(body, 'errorCode'));
  addCode(evidence, read(body, 'error_code'));

  const code = read(body, 'code');
  if (typeof code === 'string') addCode(evidence, code);
  const codeStatus = errorStatus(code);
  if (typeof code === 'number' && codeStatus !== undefined) evidence.bodyStatuses.push(codeStatus);

  // Google's canonical status is a name (`RESOURCE_EXHAUSTED`); a numeric `status` is an HTTP status,
  // read from error objects by the caller.
  const status = read(body, 'status');
  if (typeof status === 'string' && errorStatus(status) === undefined) addCode(evidence, status);

  readErrorDetails(read(body, 'details'), evidence);
  // Google APIs (googleapis/gaxios): `errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }]`.
  for (const item of itemsOf(read(body, 'errors'), MAX_ERROR_ITEMS)) {
    if (isRecord(item)) addCode(evidence, read(item, 'reason'));
  }
  // AWS: the exception's name (SDK v3 errors) or the JSON protocol's `__type`, e.g. `ServiceQuotaExceededException`.
  const name = read(body, 'name');
  if (typeof name === 'string' && name.endsWith('Exception')) addCode(evidence, name);
  addCode(evidence, read(body, '__type'));
  readMetadata(readRecord(body, 'metadata'), evidence, depth);

  const detail = read(body, 'detail');
  if (typeof detail === 'string' || isRecord(detail)) readBody(detail, evidence, depth + 1);
  const inner = read(body, 'error');
  if (typeof inner === 'string' || isRecord(inner)) readBody(inner, evidence, depth + 1);
  const response = readRecord(body, 'response');
  if (response) readBody(read(response, 'error'), evidence, depth + 1);
}

/**
 * Scans a text: an HTML page is reduced to the lines that name the failure; JSON (whole, or after a
 * prefix such as `400 `) is also read as a body.
 */
export function addText(evidence: Evidence, text: string, depth = 0): void {
  const scanned = capText(text);
  if (isHtmlPage(scanned)) {
    pushText(evidence, htmlPageSummary(scanned));
    return;
  }
  pushText(evidence, scanned);
  if (depth < MAX_BODY_DEPTH) {
    const parsed = parseJsonBody(text);
    if (parsed !== undefined) readBody(parsed, evidence, depth + 1);
  }
}

/**
 * OpenRouter's `error.metadata`: a moderation block carries `reasons` and `flagged_input`; a provider
 * error carries the provider's own body as `raw`.
 */
function readMetadata(metadata: object | undefined, evidence: Evidence, depth: number): void {
  if (!metadata) return;
  if (read(metadata, 'flagged_input') !== undefined || read(metadata, 'reasons') !== undefined) {
    evidence.moderated = true;
  }
  const raw = readString(metadata, 'raw');
  if (raw !== undefined) addText(evidence, raw, depth + 1);
}
