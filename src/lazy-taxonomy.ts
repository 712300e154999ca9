import type { Event } from '@sentry/core';
import type { UpstreamReader } from './build-classifier.js';
import { debugLog } from './debug-log.js';

type TaxonomyModule = typeof import('./upstream-tags.js');

/**
 * The upstream error taxonomy, loaded only when an app asks for it: a rule with an `upstream`
 * condition, or `upstreamTags: 'tag'`. It is most of the package's weight, so it sits behind a dynamic
 * `import()`: a browser bundler puts it in a chunk of its own that an app without such a rule or option
 * never downloads. Loading starts in `setup`; an event that arrives before it is done waits for it (the
 * SDK awaits a promise from `processEvent`).
 */
export interface LazyTaxonomy {
  /** Starts loading (once) and returns the promise of it being done, successfully or not. */
  load(): Promise<void>;
  /** The load still in progress (started if need be), or `undefined` once it has settled. */
  loading(): Promise<void> | undefined;
  /** True once loading has failed (a missing chunk, an offline page); the debug log said why. */
  failed(): boolean;
  /** The event's upstream error, once loaded (`undefined` before). */
  readonly readUpstream: UpstreamReader;
  /** `upstream.*` tags for an event; none before the taxonomy is loaded. */
  tagsFor(event: Event, originalException: unknown): Record<string, string>;
}

/** A lazily loaded taxonomy for one integration instance. */
export function lazyTaxonomy(): LazyTaxonomy {
  let taxonomy: TaxonomyModule | undefined;
  let state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  let promise: Promise<void> | undefined;

  const load = (): Promise<void> => {
    if (promise) return promise;
    state = 'loading';
    promise = import('./upstream-tags.js').then(
      (loaded) => {
        taxonomy = loaded;
        state = 'loaded';
      },
      (error: unknown) => {
        state = 'failed';
        debugLog(
          'warn',
          'Could not load the upstream error taxonomy: events pass unclassified by `upstream` rules and untagged:',
          error,
        );
      },
    );
    return promise;
  };

  return {
    load,
    loading: () => (state === 'loaded' || state === 'failed' ? undefined : load()),
    failed: () => state === 'failed',
    readUpstream: (event, originalException) => taxonomy?.eventUpstreamError(event, originalException),
    tagsFor: (event, originalException) => (taxonomy ? taxonomy.upstreamTags(event, originalException) : {}),
  };
}
