import { isRecord, itemsOf, read } from './guarded-read.js';
import { parseStatus } from './http-status.js';

/**
 * The one reader for error objects: which errors an error is made of, and which HTTP status each
 * states. The classifier's `status` condition and `categorizeUpstreamError` both read through it, so a
 * status is seen by both or by neither. Bounded, cycle-safe, and it never throws: a getter that
 * throws, a revoked Proxy or a frozen error costs a missing field, never the caller.
 */

/** How many wrappers deep a chain is followed (AWS smithy's `isTransientError` stops at 10). */
const MAX_DEPTH = 8;
/** How many errors of one `AggregateError` are read (Happy Eyeballs attempts, `Promise.any`). */
const MAX_AGGREGATED = 4;
/** Most links read from one error, whatever its shape. */
const MAX_LINKS = 32;

/** Where an error object states its HTTP status, in the order read (the first one found counts). */
const STATUS_PATHS: ReadonlyArray<readonly [string] | readonly [string, string]> = [
  // `openai` / `@anthropic-ai/sdk` APIError, axios ≥ 1.x, fetch wrappers' `{ status, message }`.
  ['status'],
  // Vercel AI SDK APICallError, undici ResponseStatusCodeError, http-errors.
  ['statusCode'],
  // Errors rebuilt from Python services' JSON.
  ['status_code'],
  // axios, ky and fetch wrappers that keep the Response.
  ['response', 'status'],
  // got HTTPError (its `response` is non-enumerable: only a live error shows it).
  ['response', 'statusCode'],
  // @hapi/boom.
  ['output', 'statusCode'],
  // AWS SDK v3 ServiceException.
  ['$metadata', 'httpStatusCode'],
];

/**
 * The links of an error's chain, outermost first: the error, then breadth-first what it wraps — its
 * `cause`, a Vercel AI SDK `RetryError`'s `lastError` (its earlier attempts only repeat it), an
 * `AggregateError`'s first `errors`. Objects and strings are kept (a `cause` may be a string body);
 * each object appears once, so cycles end.
 */
export function errorChain(error: unknown): unknown[] {
  const links: unknown[] = [];
  const seen = new Set<object>();
  let layer: unknown[] = [error];
  for (let depth = 0; depth < MAX_DEPTH && layer.length > 0; depth++) {
    const next: unknown[] = [];
    for (const link of layer) {
      if (links.length >= MAX_LINKS) return links;
      if (typeof link === 'string') {
        links.push(link);
        continue;
      }
      if (!isRecord(link) || seen.has(link)) continue;
      seen.add(link);
      links.push(link);
      next.push(...wrapped(link));
    }
    layer = next;
  }
  return links;
}

/** The HTTP status an error object states about itself (not about its causes), 100-599. */
export function ownStatus(link: unknown): number | undefined {
  if (!isRecord(link)) return undefined;
  for (const [first, second] of STATUS_PATHS) {
    let value = read(link, first);
    if (second !== undefined) value = isRecord(value) ? read(value, second) : undefined;
    const status = parseStatus(value);
    if (status !== undefined) return status;
  }
  return undefined;
}

/** The statuses stated along an error's chain, outermost first (one per link that states one). */
export function chainStatuses(error: unknown): number[] {
  const statuses: number[] = [];
  for (const link of errorChain(error)) {
    const status = ownStatus(link);
    if (status !== undefined) statuses.push(status);
  }
  return statuses;
}

/** The errors `link` wraps. */
function wrapped(link: object): unknown[] {
  const lastError = read(link, 'lastError');
  if (lastError !== undefined) return [lastError];
  const inner: unknown[] = [];
  const cause = read(link, 'cause');
  if (cause !== undefined) inner.push(cause);
  inner.push(...itemsOf(read(link, 'errors'), MAX_AGGREGATED));
  return inner;
}
