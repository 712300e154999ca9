import type { Outcome, PassReason } from '../decisions/outcome.js';
import type { ReplaySurge } from './replay-surges.js';

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
  /** Why an event a rule claimed is sent all the same: a `guard` rule, a `crash`, or `sampled`. */
  readonly reason?: PassReason;
  /** Kind of the deciding rule (a `report` guard's too); absent when no rule matched. */
  readonly kind?: string;
  readonly rule?: string;
  /** One line, secret-redacted, at most 200 characters. */
  readonly summary: string;
}

/** Events decided by one outcome, and how many would no longer page anyone. */
interface OutcomeCounts {
  readonly events: number;
  readonly drop: number;
  readonly breadcrumb: number;
  /** Events a `report` rule let through. */
  readonly pass: number;
  /** `drop` + `breadcrumb`: events that would no longer page anyone. */
  readonly noLongerPaging: number;
  /** `noLongerPaging` as a share of all events of the run (0–1). */
  readonly share: number;
}

/** Totals for one kind. */
export interface KindTotals extends OutcomeCounts {
  readonly kind: string;
}

/** Totals for one rule: how many events it decided. */
export interface RuleTotals extends OutcomeCounts {
  readonly rule: string;
  readonly kind: string;
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
  /** Per rule that decided at least one event, most events first. */
  readonly rules: readonly RuleTotals[];
  /**
   * The surge events the integration would have sent (its `surge` option), worked out from the events'
   * timestamps; empty when surges were not asked for or none fired.
   */
  readonly surges: readonly ReplaySurge[];
}

type Counts = { drop: number; breadcrumb: number; pass: number };

/** Counts a replay's decisions as they stream by; `summary` adds them up. */
export class ReplayTotals {
  files = 0;
  broken = 0;
  skippedFiles = 0;
  readonly #outcomes: Record<Outcome, number> = { pass: 0, drop: 0, breadcrumb: 0 };
  readonly #byRule = new Map<string, Counts & { kind: string }>();
  #unmatched = 0;

  /** Counts one event; `rule` and `kind` are absent when no rule matched. */
  add(outcome: Outcome, rule: string | undefined, kind: string | undefined): void {
    this.#outcomes[outcome]++;
    if (rule === undefined || kind === undefined) {
      this.#unmatched++;
      return;
    }
    let counts = this.#byRule.get(rule);
    if (counts === undefined) {
      counts = { kind, drop: 0, breadcrumb: 0, pass: 0 };
      this.#byRule.set(rule, counts);
    }
    counts[outcome]++;
  }

  summary(): Omit<ReplaySummary, 'surges'> {
    const outcomes = { ...this.#outcomes };
    const events = outcomes.pass + outcomes.drop + outcomes.breadcrumb;
    const noLongerPaging = outcomes.drop + outcomes.breadcrumb;
    const byKind = new Map<string, Counts>();
    for (const counts of this.#byRule.values()) {
      const totals = byKind.get(counts.kind) ?? { drop: 0, breadcrumb: 0, pass: 0 };
      totals.drop += counts.drop;
      totals.breadcrumb += counts.breadcrumb;
      totals.pass += counts.pass;
      byKind.set(counts.kind, totals);
    }
    const withShares = ({ drop, breadcrumb, pass }: Counts): OutcomeCounts => ({
      events: drop + breadcrumb + pass,
      drop,
      breadcrumb,
      pass,
      noLongerPaging: drop + breadcrumb,
      share: shareOf(drop + breadcrumb, events),
    });
    return {
      events,
      files: this.files,
      broken: this.broken,
      skippedFiles: this.skippedFiles,
      outcomes,
      unmatched: this.#unmatched,
      noLongerPaging,
      noLongerPagingShare: shareOf(noLongerPaging, events),
      kinds: [...byKind]
        .map(([kind, counts]) => ({ kind, ...withShares(counts) }))
        .sort((left, right) => right.events - left.events || compare(left.kind, right.kind)),
      rules: [...this.#byRule]
        .map(([rule, counts]) => ({ rule, kind: counts.kind, ...withShares(counts) }))
        .sort((left, right) => right.events - left.events || compare(left.rule, right.rule)),
    };
  }
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}
