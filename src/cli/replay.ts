import { stat } from 'node:fs/promises';
import os from 'node:os';
import { createClassifier } from '../classifier/create.js';
import type { Outcome, PassReason } from '../decisions/outcome.js';
import { createSurgeDetector, DEFAULT_SURGE } from '../decisions/surge.js';
import type { Rule } from '../rules/types.js';
import { BlockPool } from './block-pool.js';
import { CliInputError, describeFileError } from './cli-error.js';
import type { CorpusFile, CorpusRecordOf } from './corpus.js';
import { decideRecordedEvent } from './decide-event.js';
import { eventSummary } from './event-summary.js';
import {
  type BlockTask,
  BROKEN_RECORD,
  DECISION_CODES,
  type DecidedBlock,
  decideBlock,
  eventIdAt,
  textOf,
} from './jsonl-block.js';
import { type CorpusEntry, openCorpus, readFileRecords } from './read-events.js';
import { eventIdOf, timestampOf } from './recorded-event.js';
import { SurgeRecords } from './replay-surges.js';
import { type ReplayedEvent, type ReplaySummary, ReplayTotals } from './replay-totals.js';

/** A broken record (bad JSON line, a non-object where an event belongs): reported and skipped. */
export type BrokenRecord = CorpusRecordOf<'broken'>;
/** A file of a directory left out because it clearly holds no events. */
export type SkippedFile = CorpusRecordOf<'skipped'>;

/** Options of `replayEvents`: the rules, and callbacks that receive the decisions as they stream by. */
export interface ReplayEventsOptions {
  /** The rules, exactly as the integration is given them. */
  readonly rules: readonly Rule[];
  /** See `createClassifier`. @default 4194304 */
  readonly maxTextLength?: number;
  /** Files never read as events, e.g. the rules module and an expectations file (any form of path). */
  readonly exclude?: readonly string[];
  /**
   * Threads that decide large JSON Lines files in blocks, the calling one included (`jobs - 1`
   * workers); the events still arrive in input order.
   * @default os.availableParallelism()
   */
  readonly jobs?: number;
  /**
   * Work out the surge events the integration would have sent, from the events' timestamps, with these
   * settings (the integration's `surge` option); `false` leaves them out.
   * @default { threshold: 100, windowMs: 60_000 }
   */
  readonly surge?: { readonly threshold: number; readonly windowMs?: number } | false;
  /** Each event's decision, in input order. */
  readonly onEvent?: (event: ReplayedEvent) => void;
  /** Each broken record, in input order. */
  readonly onBroken?: (record: BrokenRecord) => void;
  /** Each file of a directory left out as not events. */
  readonly onSkipped?: (record: SkippedFile) => void;
  /**
   * Called after each chunk of input (about a megabyte); a promise returned pauses the replay until it
   * settles, e.g. until a slow output stream drains.
   */
  readonly onChunk?: () => void | Promise<void>;
}

/** Bytes of a JSON Lines file decided at a time. */
const BLOCK_SIZE = 1 << 20;
/** A file of fewer blocks is decided on the calling thread: starting workers would cost more. */
const MIN_PARALLEL_BLOCKS = 4;

/**
 * Replays recorded Sentry events (event JSON, JSON Lines, envelopes; a file or a directory) through
 * `rules` exactly as the integration would decide them, streaming: memory stays bounded whatever the
 * size of the input. Large JSON Lines files are decided on `jobs` threads. Resolves with the totals;
 * rejects with a `RuleConfigError` for bad rules, or an error naming the file for unreadable input.
 *
 * @example
 * const summary = await replayEvents('exports/', {
 *   rules,
 *   onEvent: (event) => console.log(event.outcome, event.rule ?? '-', event.summary),
 * });
 */
export async function replayEvents(input: string, options: ReplayEventsOptions): Promise<ReplaySummary> {
  const maxTextLength = options.maxTextLength === undefined ? {} : { maxTextLength: options.maxTextLength };
  const classifier = createClassifier({ rules: options.rules, ...maxTextLength });
  const rules = classifier.rules;
  const jobs = Math.max(1, Math.floor(options.jobs ?? coreCount()));
  const surge = options.surge === undefined ? DEFAULT_SURGE : options.surge;
  // Validates the settings before any file is read (a TypeError names the bad one).
  if (surge) createSurgeDetector(surge);
  const surgeRecords = new SurgeRecords();
  const corpus = await openCorpus(input, options.exclude ? { exclude: options.exclude } : {});
  const totals = new ReplayTotals();
  let index = 0;
  let pool: BlockPool | undefined;
  let poolRefused = false;

  const emit = (
    source: CorpusFile,
    entry: number,
    line: number | undefined,
    [outcome, reason]: readonly [Outcome, PassReason | undefined],
    rule: number,
    eventId: string | undefined,
    summary: string,
    timestamp: number,
  ): void => {
    const decided = rule >= 0 ? rules[rule] : undefined;
    totals.add(outcome, decided?.id, decided?.kind);
    if (surge && decided && outcome !== 'pass') surgeRecords.add(rule, timestamp);
    if (!options.onEvent) {
      index++;
      return;
    }
    // Built in the documented key order: position, decision, summary.
    const event: { -readonly [Key in keyof ReplayedEvent]?: ReplayedEvent[Key] } = {
      index: index++,
      file: source.file,
      entry,
    };
    if (line !== undefined) event.line = line;
    if (eventId !== undefined) event.eventId = eventId;
    event.outcome = outcome;
    if (reason !== undefined) event.reason = reason;
    if (decided) {
      event.kind = decided.kind;
      event.rule = decided.id;
    }
    event.summary = summary;
    options.onEvent(event as ReplayedEvent);
  };
  const ruleIndex = new Map(rules.map((rule, position) => [rule.id, position]));

  const replayRecords = async (entry: CorpusEntry): Promise<void> => {
    let decided = 0;
    for await (const record of readFileRecords(entry)) {
      if (record.type === 'skipped') {
        totals.files--;
        totals.skippedFiles++;
        options.onSkipped?.(record);
      } else if (record.type === 'broken') {
        totals.broken++;
        options.onBroken?.(record);
      } else {
        const { outcome, classification, reason } = decideRecordedEvent(record.event, classifier);
        const rule = classification ? (ruleIndex.get(classification.rule) ?? -1) : -1;
        emit(
          record.source,
          record.entry,
          record.line,
          [outcome, reason],
          rule,
          eventIdOf(record.event),
          eventSummary(record.event, classification),
          timestampOf(record.event.timestamp),
        );
        if (++decided % 256 === 0) await options.onChunk?.();
      }
    }
    await options.onChunk?.();
  };

  const replayJsonLines = async (entry: CorpusEntry): Promise<void> => {
    const { size } = await stat(entry.source.path);
    const tasks: BlockTask[] = [];
    for (let start = 0; start < size || start === 0; start += BLOCK_SIZE) {
      tasks.push({ path: entry.source.path, start, end: Math.min(size, start + BLOCK_SIZE) });
    }
    if (jobs > 1 && tasks.length >= MIN_PARALLEL_BLOCKS && !pool && !poolRefused) {
      try {
        // This thread is one of the `jobs`: it decides its share of the blocks between printing rows.
        pool = new BlockPool(jobs - 1, rules, options.maxTextLength);
      } catch {
        // Rules that cannot cross to a thread (a non-cloneable field): decide on this one.
        poolRefused = true;
      }
    }
    const workers = tasks.length >= MIN_PARALLEL_BLOCKS ? pool : undefined;
    // Blocks in flight, in input order: a worker's promise, or a block left for this thread.
    const ahead: Array<Promise<DecidedBlock> | BlockTask> = [];
    let submitted = 0;
    const next = (): Promise<DecidedBlock> | DecidedBlock => {
      if (!workers) return decideBlock(tasks[submitted++] as BlockTask, classifier);
      const threads = workers.size + 1;
      while (ahead.length < threads * 2 && submitted < tasks.length) {
        const task = tasks[submitted] as BlockTask;
        // Every `threads`-th block stays here; the others go to the workers.
        if (submitted++ % threads === 0) ahead.push(task);
        else {
          const decided = workers.decide(task);
          decided.catch(() => undefined);
          ahead.push(decided);
        }
      }
      const first = ahead.shift() as Promise<DecidedBlock> | BlockTask;
      return first instanceof Promise ? first : decideBlock(first, classifier);
    };

    let lineBase = 0;
    let entryBase = 0;
    let sawValue = false;
    while (submitted < tasks.length || ahead.length > 0) {
      const block = await next();
      for (let record = 0; record <= block.count; record++) {
        if (!sawValue && block.firstValueAt === record) {
          sawValue = true;
          if (!entry.explicit && block.firstValueNotEvents !== undefined) {
            // A directory may hold JSON Lines that are not events (logs, exports): judged by the first record.
            totals.files--;
            totals.skippedFiles++;
            options.onSkipped?.({ type: 'skipped', source: entry.source, reason: block.firstValueNotEvents });
            return;
          }
        }
        if (record === block.count) break;
        const line = lineBase + (block.lines[record] as number);
        const rule = block.rules[record] as number;
        if (rule === BROKEN_RECORD) {
          totals.broken++;
          options.onBroken?.({
            type: 'broken',
            source: entry.source,
            line,
            problem: textOf(block, record),
          });
          continue;
        }
        emit(
          entry.source,
          entryBase++,
          line,
          DECISION_CODES[block.outcomes[record] as number] as readonly [Outcome, PassReason | undefined],
          rule,
          eventIdAt(block, record),
          textOf(block, record),
          block.timestamps[record] as number,
        );
      }
      if (block.fatal !== undefined) {
        throw new CliInputError(`${entry.source.path}: line ${lineBase + block.fatalLine}${block.fatal}`);
      }
      lineBase += block.lineCount;
      await options.onChunk?.();
    }
  };

  try {
    for await (const entry of corpus) {
      totals.files++;
      if (entry.format !== 'jsonl') await replayRecords(entry);
      else
        await replayJsonLines(entry).catch((error: unknown) => {
          throw isFileError(error)
            ? new CliInputError(`${entry.source.path}: ${describeFileError(error)}`)
            : error;
        });
    }
  } finally {
    await pool?.close();
  }
  return { ...totals.summary(), surges: surge ? surgeRecords.surges(rules, surge) : [] };
}

/** A file-system error (it has a string `code` such as `ENOENT`), not a bug. */
function isFileError(error: unknown): boolean {
  return (
    !(error instanceof CliInputError) &&
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/** Cores this process may use: `os.availableParallelism` (Node ≥ 18.14), else the CPU count. */
function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}
