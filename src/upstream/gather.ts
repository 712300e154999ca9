import { errorChain, ownStatus } from '../event/error-chain.js';
import { isRecord, read } from '../event/guarded-read.js';
import { readBody, readBodyFields } from './body.js';
import { addStatus, createEvidence, type Evidence, visit } from './evidence.js';
import { readStainlessError } from './openai-anthropic.js';
import { readRecord } from './read.js';
import { addRequestUrls } from './request-host.js';
import { readTransport } from './transport.js';
import { readVercelError } from './vercel-ai.js';

/**
 * Reads an error and what it wraps, outermost first, along the chain every reader of error objects
 * shares (`errorChain`): `cause` chains (`TypeError: fetch failed` → the system error, an app's
 * wrapper → the SDK error), a `RetryError`'s `lastError`, an `AggregateError`'s `errors`. A string link
 * is read as a body.
 */
export function gatherEvidence(error: unknown): Evidence {
  const evidence = createEvidence();
  for (const link of errorChain(error)) {
    if (typeof link === 'string') readBody(link, evidence);
    else if (isRecord(link) && visit(evidence, link)) readLayer(link, evidence);
  }
  return evidence;
}

/** Reads one error object with every provider reader; each ignores what is not its shape. */
function readLayer(layer: object, evidence: Evidence): void {
  addStatus(evidence, ownStatus(layer));
  addRequestUrls(layer, evidence.urls);
  // axios and other clients that keep the response: `response.headers`, `response.data`.
  const response = readRecord(layer, 'response');
  if (response) {
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
