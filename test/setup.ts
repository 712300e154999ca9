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

// The AWS SDK (the corpus's DynamoDB and S3 clients) warns once per process that its releases after
// January 2027 need Node 22; CI runs Node 20 on purpose. Its documented switch silences that notice only.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
