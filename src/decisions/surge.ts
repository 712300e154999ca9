/**
 * Surge detection: a pure counter over (kind, rule, time) records, with the clock passed in. The integration
 * feeds it live drops and demotions; the CLI can feed it the timestamps of recorded events and get the very
 * surges the integration would have raised.
 *
 * Window semantics (sliding, exact): a record at time `t` counts at time `now` while `now - t < windowMs`.
 * A surge fires on the record that makes the count of its kind exceed `threshold`; the kind is then quiet
 * for `windowMs` (no second surge in the same window, whatever the count), after which the next record
 * that finds more than `threshold` records in its window fires again. A storm therefore raises one surge
 * per kind per window for as long as it lasts.
 */

/** The integration's default surge: more than 100 drops or demotions of one kind in a minute. */
export const DEFAULT_SURGE = { threshold: 100, windowMs: 60_000 } as const;

/** Options of `createSurgeDetector` (the integration's `surge` option, plus the cap on tracked kinds). */
export interface SurgeDetectorOptions {
  /** A surge fires when more than this many records of one kind fall within `windowMs`. */
  readonly threshold: number;
  /** Length of the sliding window, in milliseconds. @default 60000 */
  readonly windowMs?: number;
  /**
   * How many kinds are tracked at once. A new kind beyond it evicts the kind seen least recently: losslessly
   * when that kind had no record within the window (the usual case), otherwise its partial count is lost.
   * @default 100
   */
  readonly maxKinds?: number;
}

/** A surge: more than `threshold` records of `kind` within `windowMs`. */
export interface Surge {
  readonly kind: string;
  /** Records of the kind within the window when it fired (`threshold + 1`). */
  readonly count: number;
  readonly threshold: number;
  readonly windowMs: number;
  /** Those records by rule id. */
  readonly rules: Readonly<Record<string, number>>;
  /** Time of the record that fired it (the caller's clock, milliseconds). */
  readonly at: number;
  /** Time of the oldest record it counts. */
  readonly since: number;
  /** The rule of the record that fired it. */
  readonly rule: string;
}

/** A stateful surge counter. Memory: at most `maxKinds × (threshold + 1)` records. */
export interface SurgeDetector {
  /**
   * Counts one drop or demotion of `kind` by `rule` at `now` (milliseconds, the caller's clock) and returns
   * the surge it completes, if any. A clock that goes backwards is read as standing still; a time that is
   * not a finite number is not counted.
   */
  record(kind: string, rule: string, now: number): Surge | undefined;
  /** Kinds currently tracked (never more than `maxKinds`). */
  readonly trackedKinds: number;
}

const DEFAULT_MAX_KINDS = 100;

interface KindWindow {
  /** Ring of the last `threshold + 1` record times and rules; `next` is the slot written next. */
  readonly times: number[];
  readonly rules: string[];
  next: number;
  last: number;
  quietUntil: number;
}

/**
 * Creates a surge counter.
 *
 * @example
 * const surges = createSurgeDetector({ threshold: 100, windowMs: 60_000 });
 * surges.record('session_expired', 'jwt-expired', Date.now()); // → undefined until the 101st in a minute
 */
export function createSurgeDetector(options: SurgeDetectorOptions): SurgeDetector {
  const threshold = options.threshold;
  const windowMs = options.windowMs ?? DEFAULT_SURGE.windowMs;
  const maxKinds = options.maxKinds ?? DEFAULT_MAX_KINDS;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new TypeError('createSurgeDetector: `threshold` must be a positive integer');
  if (!Number.isFinite(windowMs) || windowMs <= 0)
    throw new TypeError('createSurgeDetector: `windowMs` must be a positive finite number');
  if (!Number.isInteger(maxKinds) || maxKinds < 1)
    throw new TypeError('createSurgeDetector: `maxKinds` must be a positive integer');
  const size = threshold + 1;
  const kinds = new Map<string, KindWindow>();

  const windowOf = (kind: string, now: number): KindWindow => {
    let window = kinds.get(kind);
    if (window) return window;
    if (kinds.size >= maxKinds) evictLeastRecent(kinds);
    window = { times: [], rules: [], next: 0, last: now, quietUntil: Number.NEGATIVE_INFINITY };
    kinds.set(kind, window);
    return window;
  };

  return {
    record(kind, rule, at) {
      if (!Number.isFinite(at)) return undefined;
      const window = windowOf(kind, at);
      const now = Math.max(at, window.last);
      window.last = now;
      window.times[window.next] = now;
      window.rules[window.next] = rule;
      window.next = (window.next + 1) % size;
      if (window.times.length < size || now < window.quietUntil) return undefined;
      // The ring is full: the slot written next holds the oldest of the last threshold + 1 records.
      const oldest = window.times[window.next] as number;
      if (now - oldest >= windowMs) return undefined;
      window.quietUntil = now + windowMs;
      const rules: Record<string, number> = {};
      for (const ruleId of window.rules) rules[ruleId] = (rules[ruleId] ?? 0) + 1;
      return { kind, count: size, threshold, windowMs, rules, at: now, since: oldest, rule };
    },
    get trackedKinds() {
      return kinds.size;
    },
  };
}

function evictLeastRecent(kinds: Map<string, KindWindow>): void {
  let leastRecent: string | undefined;
  let leastTime = Number.POSITIVE_INFINITY;
  for (const [kind, window] of kinds) {
    if (window.last < leastTime) {
      leastTime = window.last;
      leastRecent = kind;
    }
  }
  if (leastRecent !== undefined) kinds.delete(leastRecent);
}

/** One drop or demotion read from a recording: its kind, rule, and time in milliseconds. */
export interface SurgeRecord {
  readonly kind: string;
  readonly rule: string;
  readonly timestamp: number;
}

/**
 * The surges a sequence of recorded drops and demotions would have raised, in time order (the records are
 * sorted by `timestamp` first; records with equal times keep their order).
 *
 * @example
 * detectSurges(records, { threshold: 100, windowMs: 60_000 }); // → [{ kind: 'session_expired', count: 101, … }]
 */
export function detectSurges(records: Iterable<SurgeRecord>, options: SurgeDetectorOptions): Surge[] {
  const detector = createSurgeDetector(options);
  const sorted = [...records].sort((left, right) => left.timestamp - right.timestamp);
  const surges: Surge[] = [];
  for (const record of sorted) {
    const surge = detector.record(record.kind, record.rule, record.timestamp);
    if (surge) surges.push(surge);
  }
  return surges;
}
