import { debugLog } from './sentry/debug-log.js';

/**
 * A module the integration imports only when the app's rules or options need it. Behind a dynamic
 * `import()`, a browser bundler puts it in a chunk of its own that other apps never download.
 */
export interface OnDemand<M> {
  /** The module once loaded; `undefined` before, and after a failed load. */
  module(): M | undefined;
  /** Starts loading (once) and returns the promise of it being done, successfully or not. */
  load(): Promise<void>;
  /** The load in progress (started if need be), or `undefined` once it has settled. */
  loading(): Promise<void> | undefined;
  /** True once loading has failed (a missing chunk, an offline page); the debug log said why. */
  failed(): boolean;
}

/**
 * Wraps `importModule` (a literal `() => import('./module.js')`, so bundlers see the chunk). `what`
 * names the module in the debug log, `without` says what happens when it cannot load.
 */
export function onDemand<M>(
  importModule: () => Promise<M>,
  what: string,
  without = 'the rules or options that need it are not used',
): OnDemand<M> {
  let loaded: M | undefined;
  let state: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  let promise: Promise<void> | undefined;

  const load = (): Promise<void> => {
    if (promise) return promise;
    state = 'loading';
    promise = importModule().then(
      (module) => {
        loaded = module;
        state = 'loaded';
      },
      (error: unknown) => {
        state = 'failed';
        debugLog('warn', `Could not load ${what}; ${without}:`, error);
      },
    );
    return promise;
  };

  return {
    module: () => loaded,
    load,
    loading: () => (state === 'loaded' || state === 'failed' ? undefined : load()),
    failed: () => state === 'failed',
  };
}
