import type { Classifier } from '../classifier.js';
import { type Outcome, outcomeOf } from '../outcome.js';
import type { Classification } from '../rules/types.js';
import type { CorpusRecord, CorpusRecordOf } from './corpus.js';
import { eventSummary } from './event-summary.js';
import { eventIdOf, type JsonObject } from './recorded-event.js';

/** The decision for one recorded event. */
export interface ReplayedEvent {
  /** 0-based position of the event in the whole run. */
  readonly index: number;
  /** File it came from, relative to the replayed directory. */
  readonly file: string;
  /** 0-based position of the event within its file. */
  readonly entry: number;
  /** 1-based line it starts on, for line-oriented files. */
  readonly line?: number;
  readonly eventId?: string;
  readonly outcome: Outcome;
  /** Kind of the deciding rule (a `report` guard's too); absent when no rule matched. */
  readonly kind?: string;
  readonly rule?: string;
  /** One line, secret-redacted, at most 200 characters. */
  readonly summary: string;
}

/** Totals for one kind. */
export interface KindTotals {
  readonly kind: string;
  readonly events: number;
  readonly drop: number;
  readonly breadcrumb: number;
  /** Events a `report` rule of this kind let through. */
  readonly pass: number;
  /** `drop` + `breadcrumb`: events of this kind that would no longer page anyone. */
  readonly noLongerPaging: number;
  /** `noLongerPaging` as a share of all events of the run (0–1). */
  readonly share: number;
}

/** Totals of a replay. */
export interface ReplaySummary {
  readonly events: number;
  /** Files read (skipped files excluded). */
  readonly files: number;
  /** Broken records skipped (bad JSON line, a non-object where an event belongs). */
  readonly broken: number;
  /** Files of a directory left out as clearly not events. */
  readonly skippedFiles: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  /** Events no rule matched (they pass). */
  readonly unmatched: number;
  /** Events dropped or demoted: they would no longer page anyone. */
  readonly noLongerPaging: number;
  /** `noLongerPaging` as a share of all events (0–1). */
  readonly noLongerPagingShare: number;
  /** Per kind, most events first. */
  readonly kinds: readonly KindTotals[];
}

/** Callbacks a replay reports to as it goes, so output streams and nothing grows with the corpus. */
export interface ReplayObserver {
  onEvent?(event: ReplayedEvent): void;
  onBroken?(record: CorpusRecordOf<'broken'>): void;
  onSkipped?(record: CorpusRecordOf<'skipped'>): void;
}

/**
 * What the integration does with a recorded event, by its own code path: events that carry a `type`
 * (transactions, feedback…) are never classified and pass; error events go through
 * `classifier.classify` and `outcomeOf`. A recorded event has no hint.
 */
export function decideRecordedEvent(
  event: JsonObject,
  classifier: Classifier,
): { readonly outcome: Outcome; readonly classification: Classification | undefined } {
  if (event.type !== undefined) return { outcome: 'pass', classification: undefined };
  const classification = classifier.classify(event);
  return { outcome: outcomeOf(classification, event), classification };
}

/** Replays a corpus through a classifier, reporting each record to `observer`, and returns the totals. */
export async function replay(
  records: AsyncIterable<CorpusRecord>,
  classifier: Classifier,
  observer: ReplayObserver = {},
): Promise<ReplaySummary> {
  const outcomes: Record<Outcome, number> = { pass: 0, drop: 0, breadcrumb: 0 };
  const kinds = new Map<string, { drop: number; breadcrumb: number; pass: number }>();
  let events = 0;
  let files = 0;
  let broken = 0;
  let skippedFiles = 0;
  let unmatched = 0;

  for await (const record of records) {
    switch (record.type) {
      case 'file':
        files++;
        break;
      case 'skipped':
        // The file was counted when its `file` record came; it turned out not to hold events.
        files--;
        skippedFiles++;
        observer.onSkipped?.(record);
        break;
      case 'broken':
        broken++;
        observer.onBroken?.(record);
        break;
      case 'event': {
        const { outcome, classification } = decideRecordedEvent(record.event, classifier);
        outcomes[outcome]++;
        if (classification) {
          const totals = kinds.get(classification.kind) ?? { drop: 0, breadcrumb: 0, pass: 0 };
          totals[outcome]++;
          kinds.set(classification.kind, totals);
        } else {
          unmatched++;
        }
        const eventId = eventIdOf(record.event);
        observer.onEvent?.({
          index: events++,
          file: record.source.file,
          entry: record.entry,
          ...(record.line === undefined ? {} : { line: record.line }),
          ...(eventId === undefined ? {} : { eventId }),
          outcome,
          ...(classification ? { kind: classification.kind, rule: classification.rule } : {}),
          summary: eventSummary(record.event, classification),
        });
        break;
      }
    }
  }

  const noLongerPaging = outcomes.drop + outcomes.breadcrumb;
  return {
    events,
    files,
    broken,
    skippedFiles,
    outcomes,
    unmatched,
    noLongerPaging,
    noLongerPagingShare: shareOf(noLongerPaging, events),
    kinds: [...kinds]
      .map(([kind, totals]) => ({
        kind,
        events: totals.drop + totals.breadcrumb + totals.pass,
        ...totals,
        noLongerPaging: totals.drop + totals.breadcrumb,
        share: shareOf(totals.drop + totals.breadcrumb, events),
      }))
      .sort((left, right) => right.events - left.events || (left.kind < right.kind ? -1 : 1)),
  };
}

function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
