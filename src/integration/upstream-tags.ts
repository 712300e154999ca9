import type { UpstreamFacts } from '../rules/upstream-vocabulary.js';

/**
 * Tags naming an event's upstream error (`upstream.type`, `upstream.reason`, `upstream.retryable`), so
 * Sentry users can filter and chart by them; `undefined` when the error is not recognisably upstream (type
 * `unknown` without a reason).
 */
export function upstreamTagsOf(info: UpstreamFacts | undefined): Record<string, string> | undefined {
  if (info === undefined || (info.type === 'unknown' && info.reason === undefined)) return undefined;
  return {
    'upstream.type': info.type,
    ...(info.reason === undefined ? {} : { 'upstream.reason': info.reason }),
    'upstream.retryable': String(info.retryable),
  };
}
