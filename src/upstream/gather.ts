import { readBody, readBodyFields } from './body.js';
import { addStatus, createEvidence, type Evidence, visit } from './evidence.js';
import { readStainlessError } from './openai-anthropic.js';
import { isRecord, read, readItems, readRecord } from './read.js';
import { readTransport } from './transport.js';
import { lastErrorOf, readVercelError } from './vercel-ai.js';

/** How many wrappers deep an error is followed (`isTransientError` in AWS's smithy stops at 10). */
const MAX_CAUSE_DEPTH = 8;
/** How many errors of an `AggregateError` (Happy Eyeballs connection attempts) are read. */
const MAX_AGGREGATED = 4;

/**
 * Reads an error and what it wraps, outermost first: `cause` chains (`TypeError: fetch failed` → the
 * system error, an app's wrapper → the SDK error), a `RetryError`'s `lastError`, an `AggregateError`'s
 * `errors`. Bounded in depth and in objects read, and safe on cycles.
 */
export function gatherEvidence(error: unknown): Evidence {
  const evidence = createEvidence();
  let current: unknown[] = [error];
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current.length > 0; depth++) {
    const next: unknown[] = [];
    for (const value of current) {
      if (typeof value === 'string') {
        readBody(value, evidence);
        continue;
      }
      if (!isRecord(value) || !visit(evidence, value)) continue;
      readLayer(value, evidence);
      next.push(...successors(value));
    }
    current = next;
  }
  return evidence;
}

/** Reads one error object with every provider reader; each ignores what is not its shape. */
function readLayer(layer: object, evidence: Evidence): void {
  addStatus(evidence, read(layer, 'status'));
  addStatus(evidence, read(layer, 'statusCode'));
  addStatus(evidence, read(layer, 'status_code'));
  // axios and other clients that keep the response: `response.status`, `.headers`, `.data`.
  const response = readRecord(layer, 'response');
  if (response) {
    addStatus(evidence, read(response, 'status'));
    const headers = readRecord(response, 'headers');
    if (headers) evidence.headers.push(headers);
    readBody(read(response, 'data'), evidence, 1);
  }
  readStainlessError(layer, evidence);
  readVercelError(layer, evidence, 0);
  readTransport(layer, evidence);
  readBodyFields(layer, evidence, 0);
  // SDKs that keep the parsed body as `body` (Cohere's CohereError, several fetch wrappers).
  readBody(read(layer, 'body'), evidence, 1);
}

/** The errors `layer` wraps. A `RetryError`'s earlier attempts only repeat its last one. */
function successors(layer: object): unknown[] {
  const lastError = lastErrorOf(layer);
  if (lastError !== undefined) return [lastError];
  const wrapped: unknown[] = [];
  const cause = read(layer, 'cause');
  if (cause !== undefined) wrapped.push(cause);
  wrapped.push(...readItems(layer, 'errors', MAX_AGGREGATED));
  return wrapped;
}
