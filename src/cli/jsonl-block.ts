import { closeSync, openSync, readSync } from 'node:fs';
import type { Classifier } from '../classifier/create.js';
import type { Outcome, PassReason } from '../decisions/outcome.js';
import { CliInputError } from './cli-error.js';
import { decideRecordedEvent } from './decide-event.js';
import { eventSummary } from './event-summary.js';
import { findJsonSyntaxError } from './json-text.js';
import { eventsOfValue, notEventsReason } from './json-values.js';
import { eventIdOf, timestampOf } from './recorded-event.js';

/** A byte range of a JSON Lines file: it owns the lines that *start* in `[start, end)`. */
export interface BlockTask {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

/** Record code of a broken record in `DecidedBlock.rules`. */
export const BROKEN_RECORD = -2;
/** Record code of an event no rule matched. */
export const NO_RULE = -1;

/**
 * What a block's lines came to, in columns so it crosses a thread boundary cheaply. Record `i` is an
 * event (`rules[i]` is the deciding rule's index, or `NO_RULE`) or a broken record (`BROKEN_RECORD`,
 * `textOf(block, i)` is the problem). Lines are numbered from 1 within the block. Strings travel packed
 * (one string and the end offset of each part): a thread boundary copies one string far faster than
 * thousands.
 */
export interface DecidedBlock {
  /** Lines the block owns: the caller adds them up to number the lines of the next block. */
  readonly lineCount: number;
  readonly count: number;
  readonly lines: Int32Array;
  readonly rules: Int32Array;
  /** `DECISION_CODES` index of each event's decision. */
  readonly outcomes: Uint8Array;
  /** Event timestamps in seconds (NaN when absent), for surge reports. */
  readonly timestamps: Float64Array;
  /** The redacted summary of each event, the problem of each broken record (see `textOf`). */
  readonly texts: string;
  readonly textEnds: Int32Array;
  /** Each event's id, empty when it has none (see `eventIdAt`). */
  readonly eventIds: string;
  readonly eventIdEnds: Int32Array;
  /** Records before the first line that parsed as JSON (-1: no line did), and what that value was. */
  readonly firstValueAt: number;
  /** Why the first parsed value is clearly not events (a directory walk skips such a file). */
  readonly firstValueNotEvents: string | undefined;
  /**
   * A problem that makes the whole file unreadable (an unknown envelope item type), as the end of a
   * message that starts with the file and line (`fatalLine`); the records stop before it.
   */
  readonly fatal: string | undefined;
  readonly fatalLine: number;
}

/** Decisions by code, as in `DecidedBlock.outcomes`: the outcome, and why a claimed event passes. */
export const DECISION_CODES: ReadonlyArray<readonly [Outcome, PassReason | undefined]> = [
  ['pass', undefined],
  ['drop', undefined],
  ['breadcrumb', undefined],
  ['pass', 'guard'],
  ['pass', 'crash'],
  ['pass', 'sampled'],
  ['pass', 'shadow'],
];

/** The code of a decision in `DECISION_CODES`. */
export function decisionCode(outcome: Outcome, reason: PassReason | undefined): number {
  return DECISION_CODES.findIndex(([known, why]) => known === outcome && why === reason);
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const READ_SIZE = 1 << 20;
const readBuffer = Buffer.allocUnsafe(READ_SIZE);

/**
 * Reads and decides the lines of one block synchronously: read, split, `JSON.parse`, classify, summarize.
 * The same function runs on the main thread (one job) and in each worker (`--jobs`), so both give the
 * same records. Memory holds one line plus one read buffer, however long the file.
 */
export function decideBlock(task: BlockTask, classifier: Classifier): DecidedBlock {
  const ruleIndex = new Map(classifier.rules.map((rule, index) => [rule.id, index]));
  const records = new BlockRecords();
  const descriptor = openSync(task.path, 'r');
  try {
    // One read buffer per thread, reused block after block (a block is decided synchronously).
    let buffer = readBuffer;
    let length = 0;
    /** File offset of `buffer[0]`. */
    let bufferOffset = task.start > 0 ? task.start - 1 : 0;
    let ended = false;
    /** Drops the bytes before `keepFrom`, reads more after the rest; returns how far the bytes moved. */
    const fill = (keepFrom: number): number => {
      const kept = length - keepFrom;
      if (kept > buffer.length / 2) {
        const grown = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(grown, 0, keepFrom, length);
        buffer = grown;
        // A line longer than the buffer grew it once; the next block starts small again.
      } else if (kept > 0) buffer.copy(buffer, 0, keepFrom, length);
      bufferOffset += keepFrom;
      length = kept;
      const read = readSync(descriptor, buffer, length, buffer.length - length, bufferOffset + length);
      length += read;
      if (read === 0) ended = true;
      return keepFrom;
    };
    const newlineFrom = (from: number): number => {
      const found = buffer.indexOf(NEWLINE, from);
      return found !== -1 && found < length ? found : -1;
    };

    fill(0);
    let lineStart = 0;
    if (task.start > 0) {
      // The block starts one byte early: the first newline from there ends a line an earlier block owns.
      let newline = newlineFrom(0);
      while (newline === -1) {
        if (ended) return records.finish(0);
        fill(length);
        newline = newlineFrom(0);
      }
      lineStart = newline + 1;
    }

    let lineCount = 0;
    while (bufferOffset + lineStart < task.end && !(ended && lineStart >= length)) {
      let newline = newlineFrom(lineStart);
      while (newline === -1 && !ended) {
        lineStart -= fill(lineStart);
        newline = newlineFrom(lineStart);
      }
      const lineEnd = newline === -1 ? length : newline;
      if (newline === -1 && lineEnd <= lineStart) break;
      lineCount++;
      let textEnd = lineEnd;
      if (textEnd > lineStart && buffer[textEnd - 1] === CARRIAGE_RETURN) textEnd--;
      const isFirstLine = task.start === 0 && lineCount === 1;
      const fatal = decideLine(
        buffer,
        lineStart,
        textEnd,
        isFirstLine,
        lineCount,
        classifier,
        ruleIndex,
        records,
      );
      if (fatal !== undefined) {
        records.fatal = fatal;
        records.fatalLine = lineCount;
        break;
      }
      lineStart = lineEnd + 1;
    }
    return records.finish(lineCount);
  } finally {
    closeSync(descriptor);
  }
}

function decideLine(
  buffer: Buffer,
  start: number,
  end: number,
  isFirstLine: boolean,
  line: number,
  classifier: Classifier,
  ruleIndex: ReadonlyMap<string, number>,
  records: BlockRecords,
): string | undefined {
  if (end === start) return undefined;
  let text = buffer.toString('utf8', start, end);
  if (isFirstLine && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (text.trim().length === 0) return undefined;
    records.broken(line, brokenLineProblem(text));
    return undefined;
  }
  if (records.firstValueAt === -1) {
    records.firstValueAt = records.count;
    records.firstValueNotEvents = notEventsReason(value);
  }
  let values: ReturnType<typeof eventsOfValue>;
  try {
    values = eventsOfValue(value, '');
  } catch (error) {
    if (error instanceof CliInputError) return error.message;
    throw error;
  }
  for (const item of values) {
    if ('problem' in item) {
      records.broken(line, item.problem);
      continue;
    }
    const { outcome, classification, reason } = decideRecordedEvent(item.event, classifier);
    records.event(
      line,
      classification ? (ruleIndex.get(classification.rule) ?? NO_RULE) : NO_RULE,
      decisionCode(outcome, reason),
      timestampOf(item.event.timestamp),
      eventSummary(item.event, classification),
      eventIdOf(item.event),
    );
  }
  return undefined;
}

/** `bad JSON (column …)`, worked out only on the failure path; never quotes the line. */
function brokenLineProblem(text: string): string {
  const found = findJsonSyntaxError(text) ?? { column: 1, problem: 'not valid JSON' };
  return `bad JSON (column ${found.column}: ${found.problem})`;
}

/** Growable columns of a block's records. */
class BlockRecords {
  count = 0;
  firstValueAt = -1;
  firstValueNotEvents: string | undefined;
  fatal: string | undefined;
  fatalLine = 0;
  #lines = new Int32Array(256);
  #rules = new Int32Array(256);
  #outcomes = new Uint8Array(256);
  #timestamps = new Float64Array(256);
  readonly #texts: string[] = [];
  readonly #eventIds: string[] = [];

  event(
    line: number,
    rule: number,
    outcome: number,
    timestamp: number,
    summary: string,
    eventId: string | undefined,
  ): void {
    const at = this.#next();
    this.#lines[at] = line;
    this.#rules[at] = rule;
    this.#outcomes[at] = outcome;
    this.#timestamps[at] = timestamp;
    this.#texts.push(summary);
    this.#eventIds.push(eventId ?? '');
  }

  broken(line: number, problem: string): void {
    const at = this.#next();
    this.#lines[at] = line;
    this.#rules[at] = BROKEN_RECORD;
    this.#timestamps[at] = Number.NaN;
    this.#texts.push(problem);
    this.#eventIds.push('');
  }

  #next(): number {
    if (this.count === this.#lines.length) {
      const size = this.count * 2;
      this.#lines = grow(this.#lines, new Int32Array(size));
      this.#rules = grow(this.#rules, new Int32Array(size));
      this.#outcomes = grow(this.#outcomes, new Uint8Array(size));
      this.#timestamps = grow(this.#timestamps, new Float64Array(size));
    }
    return this.count++;
  }

  finish(lineCount: number): DecidedBlock {
    return {
      lineCount,
      count: this.count,
      lines: this.#lines.slice(0, this.count),
      rules: this.#rules.slice(0, this.count),
      outcomes: this.#outcomes.slice(0, this.count),
      timestamps: this.#timestamps.slice(0, this.count),
      texts: this.#texts.join(''),
      textEnds: endsOf(this.#texts),
      eventIds: this.#eventIds.join(''),
      eventIdEnds: endsOf(this.#eventIds),
      firstValueAt: this.firstValueAt,
      firstValueNotEvents: this.firstValueNotEvents,
      fatal: this.fatal,
      fatalLine: this.fatalLine,
    };
  }
}

function endsOf(parts: readonly string[]): Int32Array {
  const ends = new Int32Array(parts.length);
  let end = 0;
  parts.forEach((part, index) => {
    end += part.length;
    ends[index] = end;
  });
  return ends;
}

/** The summary of event `record` of a block, or the problem of a broken record. */
export function textOf(block: DecidedBlock, record: number): string {
  const start = record === 0 ? 0 : (block.textEnds[record - 1] as number);
  return block.texts.slice(start, block.textEnds[record]);
}

/** The id of event `record` of a block, when it has one. */
export function eventIdAt(block: DecidedBlock, record: number): string | undefined {
  const start = record === 0 ? 0 : (block.eventIdEnds[record - 1] as number);
  const end = block.eventIdEnds[record] as number;
  return end > start ? block.eventIds.slice(start, end) : undefined;
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
