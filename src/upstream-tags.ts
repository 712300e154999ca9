import type { Event } from '@sentry/core';
import { categorizeUpstreamError } from './upstream/categorize.js';

/**
 * Tags naming an event's upstream error type (`upstream.type`, `upstream.reason`, `upstream.retryable`),
 * so Sentry users can filter and chart by them. Read from the live error when there is one, else from the
 * outermost exception's text (a recorded event). Nothing when the error is not recognisably upstream.
 */
export function upstreamTags(event: Event, originalException: unknown): Record<string, string> {
  const source = originalException ?? outermostExceptionText(event);
  if (source === undefined) return {};
  const info = categorizeUpstreamError(source);
  if (info.type === 'unknown' && info.reason === undefined) return {};
  return {
    'upstream.type': info.type,
    ...(info.reason === undefined ? {} : { 'upstream.reason': info.reason }),
    'upstream.retryable': String(info.retryable),
  };
}

function outermostExceptionText(event: Event): string | undefined {
  const exception = event.exception?.values?.at(-1);
  if (!exception || typeof exception.value !== 'string') return undefined;
  return typeof exception.type === 'string' ? `${exception.type}: ${exception.value}` : exception.value;
}
