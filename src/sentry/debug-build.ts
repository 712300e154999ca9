declare const __SENTRY_DEBUG__: boolean | undefined;

/**
 * False only where the app's bundler defines `__SENTRY_DEBUG__` as `false`, as Sentry's own tree-shaking
 * guide says: then every debug message of this package (each written `DEBUG_BUILD && debugLog(…)`) is
 * removed from the production bundle along with Sentry's own.
 */
export const DEBUG_BUILD: boolean = typeof __SENTRY_DEBUG__ === 'undefined' || __SENTRY_DEBUG__;
