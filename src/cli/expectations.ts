import type { Outcome } from '../decisions/outcome.js';
import { CliInputError } from './cli-error.js';
import { isJsonObject } from './recorded-event.js';
import type { ReplayedEvent } from './replay-totals.js';

/**
 * The outcome one or more recorded events must get. It applies to the events that match **every**
 * selector it sets: `eventId`, `file` (relative to the replayed directory), `entry` (0-based position in
 * that file; with `file` only) and `index` (0-based position in the whole run). A `file` alone pins
 * every event of that file. `kind` and `rule`, when set, must match too.
 */
export interface Expectation {
  readonly eventId?: string;
  readonly file?: string;
  readonly entry?: number;
  readonly index?: number;
  readonly outcome: Outcome;
  readonly kind?: string;
  readonly rule?: string;
}

/** An expectations file: `{ "version": 1, "expectations": [...] }` (a bare array is read too). */
export interface ExpectationsFile {
  readonly version: 1;
  readonly expectations: readonly Expectation[];
}

/** One way the replay differs from the expectations. */
export interface ExpectationMismatch {
  /** `differs`: outcome, kind or rule; `unpinned`: no expectation covers the event; `unused`: no event matches the expectation. */
  readonly problem: 'differs' | 'unpinned' | 'unused';
  /** 0-based position of the expectation in the file. */
  readonly expectation?: number;
  readonly event?: Omit<ReplayedEvent, 'summary'>;
  readonly message: string;
}

const OUTCOMES: ReadonlySet<string> = new Set(['pass', 'drop', 'breadcrumb']);

/** Validates the JSON of an expectations file; throws `CliInputError` naming the first bad entry. */
export function parseExpectations(value: unknown, path: string): readonly Expectation[] {
  const list = Array.isArray(value) ? value : isJsonObject(value) ? value.expectations : undefined;
  if (!Array.isArray(list)) {
    throw new CliInputError(
      `--expect ${path}: expected { "expectations": [...] } or an array of expectations`,
    );
  }
  list.forEach((item: unknown, position) => {
    const problem = problemOf(item);
    if (problem) throw new CliInputError(`--expect ${path}: expectation #${position}: ${problem}`);
  });
  return list as Expectation[];
}

function problemOf(item: unknown): string | undefined {
  if (!isJsonObject(item)) return 'is not an object';
  if (typeof item.outcome !== 'string' || !OUTCOMES.has(item.outcome))
    return '`outcome` must be "pass", "drop" or "breadcrumb"';
  for (const field of ['eventId', 'file', 'kind', 'rule'] as const) {
    if (item[field] !== undefined && typeof item[field] !== 'string') return `\`${field}\` must be a string`;
  }
  for (const field of ['entry', 'index'] as const) {
    const value = item[field];
    if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 0))
      return `\`${field}\` must be a non-negative integer`;
  }
  if (item.entry !== undefined && item.file === undefined) return '`entry` needs `file`';
  if (item.eventId === undefined && item.file === undefined && item.index === undefined)
    return 'needs a selector: `eventId`, `file` (and `entry`) or `index`';
  return undefined;
}

/**
 * Compares replayed events with expectations as they stream by. `observe` each event, then `finish` for
 * every mismatch: a different outcome, kind or rule, an event no expectation covers, an expectation no
 * event matches.
 */
export function createExpectationCheck(expectations: readonly Expectation[]): {
  observe(event: ReplayedEvent): void;
  finish(): ExpectationMismatch[];
} {
  const byEventId = groupBy(expectations, (expectation) => expectation.eventId);
  const byFile = groupBy(expectations, (expectation) => expectation.file);
  const byIndex = groupBy(expectations, (expectation) => expectation.index);
  const used = new Set<number>();
  const mismatches: ExpectationMismatch[] = [];

  return {
    observe(event) {
      const candidates = new Set([
        ...(event.eventId === undefined ? [] : (byEventId.get(event.eventId) ?? [])),
        ...(byFile.get(event.file) ?? []),
        ...(byIndex.get(event.index) ?? []),
      ]);
      const { summary: _summary, ...shown } = event;
      let covered = false;
      for (const position of [...candidates].sort((left, right) => left - right)) {
        const expectation = expectations[position] as Expectation;
        if (!selects(expectation, event)) continue;
        covered = true;
        used.add(position);
        const difference = differenceOf(expectation, event);
        if (difference !== undefined) {
          mismatches.push({
            problem: 'differs',
            expectation: position,
            event: shown,
            message: `${describeEvent(event)}: expected ${describeDecision(expectation)}, got ${describeDecision(event)}${difference}`,
          });
        }
      }
      if (!covered) {
        mismatches.push({
          problem: 'unpinned',
          event: shown,
          message: `${describeEvent(event)}: no expectation covers it (got ${describeDecision(event)}); regenerate the file with --write-expect`,
        });
      }
    },
    finish() {
      expectations.forEach((expectation, position) => {
        if (used.has(position)) return;
        mismatches.push({
          problem: 'unused',
          expectation: position,
          message: `expectation #${position} ${JSON.stringify(selectorsOf(expectation))} matches no replayed event`,
        });
      });
      return mismatches;
    },
  };
}

/**
 * Expectations pinning `events` as they were decided: by file and position, plus the event id when it
 * is unique in the run (so a re-recorded or reordered corpus is noticed).
 */
export function expectationsOf(events: readonly ReplayedEvent[]): ExpectationsFile {
  const idCounts = new Map<string, number>();
  for (const event of events) {
    if (event.eventId !== undefined) idCounts.set(event.eventId, (idCounts.get(event.eventId) ?? 0) + 1);
  }
  return {
    version: 1,
    expectations: events.map((event) => ({
      file: event.file,
      entry: event.entry,
      ...(event.eventId !== undefined && idCounts.get(event.eventId) === 1 ? { eventId: event.eventId } : {}),
      outcome: event.outcome,
      ...(event.kind === undefined ? {} : { kind: event.kind }),
      ...(event.rule === undefined ? {} : { rule: event.rule }),
    })),
  };
}

function selects(expectation: Expectation, event: ReplayedEvent): boolean {
  return (
    (expectation.eventId === undefined || expectation.eventId === event.eventId) &&
    (expectation.file === undefined || expectation.file === event.file) &&
    (expectation.entry === undefined || expectation.entry === event.entry) &&
    (expectation.index === undefined || expectation.index === event.index)
  );
}

/** '' when the event meets the expectation, else a hint at what differs beyond the outcome. */
function differenceOf(expectation: Expectation, event: ReplayedEvent): string | undefined {
  if (expectation.outcome !== event.outcome) return '';
  if (expectation.kind !== undefined && expectation.kind !== event.kind) return ' (kind differs)';
  if (expectation.rule !== undefined && expectation.rule !== event.rule) return ' (decided by another rule)';
  return undefined;
}

function describeEvent(event: ReplayedEvent): string {
  const id = event.eventId === undefined ? '' : ` (event ${event.eventId.slice(0, 8)})`;
  return `${event.file} #${event.entry}${id}`;
}

function describeDecision(decision: { outcome: Outcome; kind?: string; rule?: string }): string {
  const details = [decision.kind, decision.rule && `rule ${decision.rule}`].filter(Boolean);
  return details.length > 0 ? `${decision.outcome} (${details.join(', ')})` : decision.outcome;
}

function selectorsOf(expectation: Expectation): Partial<Expectation> {
  const { eventId, file, entry, index } = expectation;
  return {
    ...(eventId === undefined ? {} : { eventId }),
    ...(file === undefined ? {} : { file }),
    ...(entry === undefined ? {} : { entry }),
    ...(index === undefined ? {} : { index }),
  };
}

function groupBy<K>(
  expectations: readonly Expectation[],
  keyOf: (expectation: Expectation) => K | undefined,
): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  expectations.forEach((expectation, position) => {
    const key = keyOf(expectation);
    if (key === undefined) return;
    const group = groups.get(key);
    if (group) group.push(position);
    else groups.set(key, [position]);
  });
  return groups;
}
