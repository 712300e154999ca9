import { createSurgeDetector, type SurgeDetectorOptions } from '../decisions/surge.js';

/** A surge the integration would have sent for a replayed corpus, from the events' own timestamps. */
export interface ReplaySurge {
  readonly kind: string;
  /** Drops and demotions of the kind within the window when it fired (`threshold + 1`). */
  readonly count: number;
  readonly threshold: number;
  readonly windowMs: number;
  /** Those events by rule id. */
  readonly rules: Readonly<Record<string, number>>;
  /** Timestamp of the oldest event it counts, and of the event that fired it (ISO 8601). */
  readonly from: string;
  readonly at: string;
}

/**
 * The drops and demotions of a replay, 12 bytes each (rule and time), so that the surges can be worked
 * out in time order at the end whatever order the recording is in.
 */
export class SurgeRecords {
  #rules = new Int32Array(1_024);
  #times = new Float64Array(1_024);
  #count = 0;

  /** Records a drop or demotion by rule `rule` (an index) at `seconds` since the epoch (NaN: unknown). */
  add(rule: number, seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    if (this.#count === this.#rules.length) {
      const rules = new Int32Array(this.#count * 2);
      rules.set(this.#rules);
      this.#rules = rules;
      const times = new Float64Array(this.#count * 2);
      times.set(this.#times);
      this.#times = times;
    }
    this.#rules[this.#count] = rule;
    this.#times[this.#count] = seconds * 1_000;
    this.#count++;
  }

  /** The surges these records raise, in time order (events with equal times keep their input order). */
  surges(
    rules: ReadonlyArray<{ readonly id: string; readonly kind: string }>,
    options: SurgeDetectorOptions,
  ): ReplaySurge[] {
    const times = this.#times;
    const order = Array.from({ length: this.#count }, (_, position) => position).sort(
      (left, right) => (times[left] as number) - (times[right] as number) || left - right,
    );
    const detector = createSurgeDetector(options);
    const surges: ReplaySurge[] = [];
    for (const position of order) {
      const rule = rules[this.#rules[position] as number];
      if (!rule) continue;
      const surge = detector.record(rule.kind, rule.id, times[position] as number);
      if (!surge) continue;
      surges.push({
        kind: surge.kind,
        count: surge.count,
        threshold: surge.threshold,
        windowMs: surge.windowMs,
        rules: surge.rules,
        from: new Date(surge.since).toISOString(),
        at: new Date(surge.at).toISOString(),
      });
    }
    return surges;
  }
}
