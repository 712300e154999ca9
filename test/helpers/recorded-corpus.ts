import { fileURLToPath } from 'node:url';

/** Where `npm run record` writes the recorded events and `expected.json`. */
export const RECORDED_DIR = fileURLToPath(new URL('../fixtures/recorded/', import.meta.url));

/** Name of the expectations file next to the recorded events. */
export const EXPECTATIONS_FILE = 'expected.json';

/** What the example pack must do with a recorded event: send it, drop it, or demote it to a breadcrumb. */
export type RecordedOutcome = 'pass' | 'drop' | 'breadcrumb';

/**
 * One line of `expected.json`, written by hand in the scenario list (never computed by a classifier).
 * `kind` and `rule` name the deciding rule; a `pass` carries them only when a `report` guard decides it.
 */
export interface RecordedExpectation {
  readonly file: string;
  readonly outcome: RecordedOutcome;
  readonly kind?: string;
  readonly rule?: string;
}

/**
 * Fake credentials planted in the messages of demoted events. No breadcrumb the integration leaves may
 * carry any of them.
 */
export const CORPUS_SECRETS = [
  'sk-proj-Zx8Kq2Lm4Np6Rt8Vw0Yb3Dc5Fg7Hj9',
  '7f3a9c1e5b2d8f4a6c0e9b1d3f5a7c9e',
  'Hunter2-s3cret',
] as const;
