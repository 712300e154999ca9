// `sentry-expected-errors/upstream`: the upstream error taxonomy alone (also exported from the root).
export { categorizeUpstreamError } from './categorize.js';

export type { UpstreamErrorInfo, UpstreamErrorReason, UpstreamErrorType } from './types.js';
