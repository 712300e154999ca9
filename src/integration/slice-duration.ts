/**
 * How long one slice of background work may hold the event loop, in milliseconds. A module of its own so
 * that `rules-in-use.ts` reads it without a static import of `run-in-slices.ts`, which it loads on demand.
 */
export const SLICE_MILLISECONDS = 4;
