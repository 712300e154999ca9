import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Event } from '@sentry/core';
import type { RecordedOutcome } from './recorded-corpus.js';

/** Where `npm run record` writes the real-library corpus. */
export const LIBRARIES_DIR = fileURLToPath(new URL('../fixtures/libraries/', import.meta.url));
/** Events exactly as `@sentry/node` sent them (a directory the CLI can replay). */
export const LIBRARY_EVENTS_DIR = join(LIBRARIES_DIR, 'events');
/** One snapshot of the live error per event, same file name. */
export const LIBRARY_ERRORS_DIR = join(LIBRARIES_DIR, 'errors');
/** The labels, one per event, written by hand in the scenario lists. */
export const LIBRARY_EXPECTATIONS_FILE = join(LIBRARIES_DIR, 'expected.json');

/** A decision: what `recommendedRules()` must do with an event. */
export interface LibraryDecision {
  readonly outcome: RecordedOutcome;
  /** The kind decided; on a `pass`, only when a guard (`report`) claims the event. */
  readonly kind?: string;
  /** Why this is the right decision, in one line. */
  readonly why?: string;
}

/** Where the app runs, as `recommendedRules({ runsOn })` takes it. */
export type LibraryRunsOn = 'server' | 'device';

/** One line of `expected.json`: the decision on a server (`runsOn: 'server'`, Node's default). */
export interface LibraryExpectation extends LibraryDecision {
  readonly file: string;
  /** The npm package that threw. */
  readonly library: string;
  /** The decision when the recorded event is replayed alone (no hint), when it must differ. */
  readonly replay?: LibraryDecision & { readonly why: string };
  /** The decision with `runsOn: 'device'`, when it differs from the server's. */
  readonly device?: LibraryDecision & { readonly why: string };
  /** Where the label is short of the right decision (a known miss): the right one, and why it is missed. */
  readonly ideal?: IdealDecision;
}

/**
 * The right decision for an event where its label knowingly falls short of it, per `runsOn` (a side left
 * out is its label), and why the rules cannot reach it.
 */
export interface IdealDecision {
  readonly server?: LibraryDecision;
  readonly device?: LibraryDecision;
  readonly why: string;
}

/**
 * The right decision for an event where the app runs: a known miss's `ideal`, else its live label (the
 * device's where it has one).
 */
export function idealFor(expectation: LibraryExpectation, runsOn: LibraryRunsOn): LibraryDecision {
  const ideal = expectation.ideal?.[runsOn];
  if (ideal !== undefined) return ideal;
  return runsOn === 'device' && expectation.device !== undefined ? expectation.device : expectation;
}

/** Whether two decisions agree: the same outcome and, for an event not sent, the same kind. */
export function sameDecision(decision: LibraryDecision, other: LibraryDecision): boolean {
  return decision.outcome === other.outcome && (decision.outcome === 'pass' || decision.kind === other.kind);
}

/** A value of a snapshot: JSON, where any object may stand for an error. */
export type SnapshotValue =
  | null
  | boolean
  | number
  | string
  | ErrorSnapshot
  | readonly SnapshotValue[]
  | { readonly [key: string]: SnapshotValue };

/**
 * The live error as the library threw it, as data: enough to rebuild `hint.originalException`. Own
 * enumerable properties (class instances reduced to their status-like fields, functions left out), the
 * `cause` chain and an `AggregateError`'s `errors`.
 */
export interface ErrorSnapshot {
  /** The constructor's name (`AxiosError`, `RateLimitError`, `TokenExpiredError`…). */
  readonly className: string;
  readonly name: string;
  readonly message: string;
  readonly properties: { readonly [key: string]: SnapshotValue };
  readonly cause?: SnapshotValue;
  /** Only for an `AggregateError` (other errors keep an `errors` array among their properties). */
  readonly errors?: readonly SnapshotValue[];
}

/** A recorded library event with its label and live error. */
export interface LibraryRecord {
  readonly expectation: LibraryExpectation;
  readonly event: Event;
  readonly error: SnapshotValue;
}

/** Reads the committed corpus. */
export function loadLibraryCorpus(): LibraryRecord[] {
  const expectations = JSON.parse(readFileSync(LIBRARY_EXPECTATIONS_FILE, 'utf8')) as LibraryExpectation[];
  return expectations.map((expectation) => ({
    expectation,
    event: JSON.parse(readFileSync(join(LIBRARY_EVENTS_DIR, expectation.file), 'utf8')) as Event,
    error: JSON.parse(readFileSync(join(LIBRARY_ERRORS_DIR, expectation.file), 'utf8')) as SnapshotValue,
  }));
}

/** Whether a snapshot value stands for an error. */
export function isErrorSnapshot(value: unknown): value is ErrorSnapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { className?: unknown }).className === 'string' &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { properties?: unknown }).properties === 'object'
  );
}

/**
 * Rebuilds the live error: an `Error` (an `AggregateError` when it was one) with the recorded name,
 * message and properties, on a subclass named like the original constructor so `constructor.name` reads
 * the same. Other values are rebuilt as plain data, errors inside them too.
 */
export function rebuildError(snapshot: SnapshotValue): unknown {
  if (Array.isArray(snapshot)) return snapshot.map(rebuildError);
  if (snapshot === null || typeof snapshot !== 'object') return snapshot;
  if (!isErrorSnapshot(snapshot)) {
    return Object.fromEntries(Object.entries(snapshot).map(([key, value]) => [key, rebuildError(value)]));
  }
  const errors = snapshot.errors?.map(rebuildError);
  const error =
    errors === undefined
      ? new ({ [snapshot.className]: class extends Error {} }[snapshot.className] ?? Error)(snapshot.message)
      : new ({ [snapshot.className]: class extends AggregateError {} }[snapshot.className] ?? AggregateError)(
          errors,
          snapshot.message,
        );
  Object.defineProperty(error, 'name', { value: snapshot.name, writable: true, configurable: true });
  for (const [key, value] of Object.entries(snapshot.properties)) {
    (error as unknown as Record<string, unknown>)[key] = rebuildError(value);
  }
  if (snapshot.cause !== undefined) {
    Object.defineProperty(error, 'cause', {
      value: rebuildError(snapshot.cause),
      writable: true,
      configurable: true,
    });
  }
  return error;
}
