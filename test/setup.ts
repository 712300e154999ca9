/**
 * Runs in each test worker before its test file (vitest `setupFiles`).
 *
 * Every `Sentry.init()` adds process listeners that `Sentry.close()` leaves in place: `uncaughtException`
 * and `unhandledRejection` from the OnUncaughtException and OnUnhandledRejection integrations, and
 * `beforeExit` from the client and the ProcessSession integration. An app inits once; a test file inits a
 * fresh client per test (up to ~25 in one worker), so Node's default limit of 10 printed
 * MaxListenersExceededWarning for a leak that is only the suite's own repeated inits. The limit stays
 * finite so a listener added per event or per call would still be reported.
 */
process.setMaxListeners(50);
