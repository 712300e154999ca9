/** Where progress is written: a terminal stream. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A progress line on a terminal, for long replays. */
export interface Progress {
  /** Reports how far the replay is; draws at most every `interval` ms, and only after `delay` ms. */
  update(events: number, file: string): void;
  /** Erases the line (before other output, and at the end). */
  clear(): void;
}

const NO_PROGRESS: Progress = { update() {}, clear() {} };

/**
 * A progress line on `stream` when it is a terminal; nothing otherwise (pipes and CI logs stay clean).
 * Short replays finish before `delay` and never draw it.
 */
export function createProgress(
  stream: ProgressStream,
  options: { readonly delay?: number; readonly interval?: number; readonly now?: () => number } = {},
): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delay ?? 1_000;
  const interval = options.interval ?? 200;
  let drawnAt = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(events, file) {
      const time = now();
      if (time - started < delay || time - drawnAt < interval) return;
      drawnAt = time;
      drawn = true;
      stream.write(`\r\x1b[K  replaying: ${events.toLocaleString('en-US')} events… ${file}`);
    },
    clear() {
      if (!drawn) return;
      drawn = false;
      stream.write('\r\x1b[K');
    },
  };
}
