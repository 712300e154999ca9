/**
 * Secret redaction for everything this package derives from an event (demotion breadcrumbs, CLI output):
 * `redactSecrets` for a whole text, `summarize` for a short one-line summary.
 */
export { redactSecrets } from './redact-secrets.js';
export { MAX_SUMMARY_LENGTH, summarize } from './summarize.js';
