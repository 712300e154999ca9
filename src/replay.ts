/**
 * `sentry-expected-errors/replay` (Node only): replay recorded Sentry events through rules, as the CLI's
 * `replay` command does, from code. Kept off the package root, which must stay free of Node APIs.
 */

export type { CorpusFile } from './cli/corpus.js';
export type { BrokenRecord, ReplayEventsOptions, SkippedFile } from './cli/replay.js';
export { replayEvents } from './cli/replay.js';
export type { ReplaySurge } from './cli/replay-surges.js';
export type { KindTotals, ReplayedEvent, ReplaySummary, RuleTotals } from './cli/replay-totals.js';
