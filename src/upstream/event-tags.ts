import type { Event } from '@sentry/core';
import { eventUpstreamError, isRecognizedUpstream } from './from-event.js';

// The module the integration loads on demand (see lazy-taxonomy.ts): all it needs of the taxonomy.
export { eventUpstreamError } from './from-event.js';

/**
 * Tags naming an event's upstream error type (`upstream.type`, `upstream.reason`, `upstream.retryable`),
 * so Sentry users can filter and chart by them. Read from the live error when there is one, else from the
 * serialized event (a recorded event). Nothing when the error is not recognisably upstream.
 */
export function upstreamTags(event: Event, originalException: unknown): Record<string, string> {
  const info = eventUpstreamError(event, originalException);
  if (info === undefined || !isRecognizedUpstream(info)) return {};
  return {
    'upstream.type': info.type,
    ...(info.reason === undefined ? {} : { 'upstream.reason': info.reason }),
    'upstream.retryable': String(info.retryable),
  };
}
