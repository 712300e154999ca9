import type { Event } from '@sentry/core';
import { debugLog } from './debug-log.js';

type TaxonomyModule = typeof import('./upstream-tags.js');

/**
 * The upstream error taxonomy, loaded only when an app asks for it (`upstreamTags: 'tag'`). It is most of
 * the package's weight, so it sits behind a dynamic `import()`: a browser bundler puts it in a chunk of
 * its own that an app without the option never downloads. Loading starts in `setup`; an event that
 * arrives before it is done waits for it (the SDK awaits a promise from `processEvent`).
 */
export interface LazyTaxonomy {
  /** Starts loading (once) and returns the promise of it being done, successfully or not. */
  load(): Promise<void>;
  /** The load still in progress (started if need be), or `undefined` once it has settled. */
  loading(): Promise<void> | undefined;
  /**
   * `upstream.*` tags for an event, or none when the taxonomy is not loaded (it failed to load: a
   * missing chunk, an offline page; the debug log says so once).
   */
  tagsFor(event: Event, originalException: unknown): Record<string, string>;
}

/** A lazily loaded taxonomy for one integration instance. */
export function lazyTaxonomy(): LazyTaxonomy {
  let taxonomy: TaxonomyModule | undefined;
  let settled = false;
  let promise: Promise<void> | undefined;

  const load = (): Promise<void> => {
    promise ??= import('./upstream-tags.js').then(
      (loaded) => {
        taxonomy = loaded;
        settled = true;
      },
      (error: unknown) => {
        settled = true;
        debugLog(
          'warn',
          'Could not load the upstream error taxonomy; events are sent without upstream tags:',
          error,
        );
      },
    );
    return promise;
  };

  return {
    load,
    loading() {
      if (settled) return undefined;
      return load();
    },
    tagsFor(event, originalException) {
      return taxonomy ? taxonomy.upstreamTags(event, originalException) : {};
    },
  };
}
