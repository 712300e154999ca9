import { eventFacts, eventHeadline } from '../event/facts.js';
import type { UpstreamTaxonomy } from '../rules/upstream-reader.js';
import type { UpstreamFacts } from '../rules/upstream-vocabulary.js';
import { upstreamFactsOf } from './categorize.js';

/**
 * The upstream error an event carries, typed as `categorizeUpstreamError` types it (`upstreamFactsOf`):
 * the live error (`hint.originalException`) when there is one, else the serialized event — its
 * exceptions as a `cause` chain (outermost first), or its message, with the status its tags or contexts
 * record.
 * `undefined` when the event offers nothing to read. The rule condition `upstream` and the
 * `upstreamTags` option both ask this function, so they cannot disagree.
 */
export function eventUpstreamError(event: unknown, originalException: unknown): UpstreamFacts | undefined {
  if (originalException !== undefined && originalException !== null) {
    return upstreamFactsOf(originalException);
  }
  const serialized = serializedError(event);
  return serialized === undefined ? undefined : upstreamFactsOf(serialized);
}

/** Whether the error is recognisably upstream (a type or a cause other than "unknown"). */
export function isRecognizedUpstream(info: UpstreamFacts): boolean {
  return info.type !== 'unknown' || info.reason !== undefined;
}

interface SerializedLayer {
  readonly message: string;
  readonly status?: number;
  readonly cause?: SerializedLayer;
}

/** How many exceptions of a recorded chain are read (the live reader follows as many `cause`s). */
const MAX_CHAIN = 8;

function serializedError(event: unknown): SerializedLayer | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const { exception } = event as { exception?: unknown };
  const values =
    typeof exception === 'object' && exception !== null
      ? (exception as { values?: unknown }).values
      : undefined;
  // The SDK lists the cause chain first and the captured error last.
  let chain: SerializedLayer | undefined;
  if (Array.isArray(values)) {
    for (const value of values.slice(-MAX_CHAIN)) {
      const text = exceptionText(value);
      if (text !== undefined)
        chain = chain === undefined ? { message: text } : { message: text, cause: chain };
    }
  }
  const status = eventFacts(event).statuses[0];
  if (chain === undefined) {
    const headline = eventHeadline(event);
    // A status alone (a breadcrumb of a failed request) is still something to read.
    if (headline === undefined && status === undefined) return undefined;
    chain = { message: headline ?? '' };
  }
  return status === undefined ? chain : { ...chain, status };
}

function exceptionText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, value: text } = value as { type?: unknown; value?: unknown };
  const hasType = typeof type === 'string' && type.length > 0;
  if (typeof text === 'string' && text.length > 0) return hasType ? `${type}: ${text}` : text;
  return hasType ? (type as string) : undefined;
}

/**
 * The taxonomy, to pass as the integration's `taxonomy` option where rules with an `upstream` condition
 * come from JSON or your own code, or for `upstreamTags` (built-in packs that need it bring it).
 *
 * @example
 * expectedErrorsIntegration({ rules: rulesFromJson(json), taxonomy: upstreamTaxonomy, upstreamTags: 'tag' });
 */
export const upstreamTaxonomy: UpstreamTaxonomy = { read: eventUpstreamError };
