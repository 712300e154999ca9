// `sentry-expected-errors/upstream`: the upstream error taxonomy alone (also exported from the root).

export type { UpstreamTaxonomy } from '../rules/upstream-reader.js';
export { categorizeUpstreamError } from './categorize.js';
export { upstreamTaxonomy } from './from-event.js';
export type { UpstreamErrorInfo, UpstreamErrorReason, UpstreamErrorType } from './types.js';
