import type { ExpectedMark } from '../marks/expected-error.js';

/**
 * `serialized-mark-reader.ts` as browser bundles get it (package.json `browser` field): a page decides its
 * own events, whose live error carries the mark; only a process that receives another's events serialized
 * (Electron's main process, the replay CLI) reads the mark off the event.
 */
export function serializedMarkOf(_event: unknown): ExpectedMark | undefined {
  return undefined;
}
