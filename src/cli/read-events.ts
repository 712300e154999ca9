import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { ByteLines } from './byte-lines.js';
import { CliInputError, describeFileError } from './cli-error.js';
import type { CorpusFile, CorpusRecord } from './corpus.js';
import { type JsonParse, parseJson } from './json-text.js';
import { eventsOfValue, notEventsReason } from './json-values.js';
import { readEnvelopeFile } from './read-envelope.js';
import { isJsonObject } from './recorded-event.js';

/** Options of `openCorpus`. */
export interface ReadCorpusOptions {
  /** Files never read as events, e.g. the rules module and the expectations file (any form of path). */
  readonly exclude?: readonly string[];
}

/** How a file of recorded events is laid out. */
export type CorpusFormat = 'json' | 'jsonl' | 'envelope';

const FORMAT_BY_EXTENSION: Readonly<Record<string, CorpusFormat>> = {
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.envelope': 'envelope',
};

/**
 * JSON files a directory walk never reads: package and tool configuration, and expectations files by
 * their conventional names (`expected.json`, `expectations.json`, `<name>.expected.json`).
 */
const NOT_EVENTS =
  /^(?:package(?:-lock)?\.json|[jt]sconfig(?:\..{1,255})?\.json|biome\.jsonc?|(?:.{1,255}\.)?expect(?:ed|ations)\.json)$/;

/** A file to replay, and how to read it. */
export interface CorpusEntry {
  readonly source: CorpusFile;
  readonly format: CorpusFormat;
  /** Named on the command line (not found by a directory walk): a file of non-events is an error then. */
  readonly explicit: boolean;
}

/**
 * Lists the files of recorded events under `input` (a file, or a directory walked recursively in
 * code-unit order of names for a stable order; dot-entries and `node_modules` are left out). Throws
 * `CliInputError` when `input` does not exist; the listing throws it for a directory it cannot read.
 */
export async function openCorpus(
  input: string,
  options: ReadCorpusOptions = {},
): Promise<AsyncIterable<CorpusEntry>> {
  const info = await stat(input).catch((error: unknown) => {
    throw new CliInputError(`${input}: ${describeFileError(error)}`);
  });
  return listCorpus(input, info.isDirectory(), options);
}

async function* listCorpus(
  input: string,
  isDirectory: boolean,
  options: ReadCorpusOptions,
): AsyncGenerator<CorpusEntry> {
  const excluded = new Set((options.exclude ?? []).map((path) => resolve(path)));
  if (isDirectory) {
    for await (const source of walk(input, '')) {
      if (excluded.has(resolve(source.path))) continue;
      yield { source, format: formatByExtension(source.file) ?? 'json', explicit: false };
    }
    return;
  }
  const source = { file: basename(input), path: input };
  yield { source, format: formatByExtension(input) ?? (await sniffFormat(input)), explicit: true };
}

async function* walk(directory: string, relative: string): AsyncGenerator<CorpusFile> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown) => {
    throw new CliInputError(`${directory}: ${describeFileError(error)}`);
  });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const source = {
      file: relative ? `${relative}/${entry.name}` : entry.name,
      path: join(directory, entry.name),
    };
    if (entry.isDirectory()) yield* walk(source.path, source.file);
    else if (isEventFileName(entry.name) && (await isFile(entry, source.path))) yield source;
  }
}

function isEventFileName(name: string): boolean {
  return formatByExtension(name) !== undefined && !NOT_EVENTS.test(name);
}

/** Regular files, and symbolic links to them (linked directories are not followed: no cycles). */
async function isFile(entry: Dirent, path: string): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function formatByExtension(path: string): CorpusFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}

/**
 * The format of a file named explicitly with an unknown extension (a Spotlight capture `.txt`, a raw
 * request body): an envelope when its second line is an item header, else JSON or JSONL.
 */
async function sniffFormat(path: string): Promise<CorpusFormat> {
  const reader = ByteLines.open(path);
  try {
    const first = parseJson((await reader.readLine())?.toString('utf8') ?? '');
    const second = parseJson((await reader.readLine())?.toString('utf8') ?? '');
    const isItemHeader = (parsed: JsonParse) =>
      parsed.ok && isJsonObject(parsed.value) && typeof parsed.value.type === 'string';
    return first.ok && isJsonObject(first.value) && !isItemHeader(first) && isItemHeader(second)
      ? 'envelope'
      : 'json';
  } catch (error) {
    throw new CliInputError(`${path}: ${describeFileError(error)}`);
  } finally {
    await reader.close();
  }
}

/**
 * The records of one file, streamed (a `.json` document is read whole). Throws `CliInputError` for a file
 * that cannot be read at all.
 */
export async function* readFileRecords({
  source,
  format,
  explicit,
}: CorpusEntry): AsyncGenerator<CorpusRecord> {
  try {
    if (format === 'envelope') yield* readEnvelopeFile(source);
    else if (format === 'jsonl') yield* readJsonLines(source, ByteLines.open(source.path), explicit);
    else yield* readJsonDocument(source, explicit);
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`${source.path}: ${describeFileError(error)}`);
  }
}

/**
 * One JSON document: an event, an array of events, or a parsed envelope. A `.json` file that is really
 * JSON Lines (the first line parses on its own) is read as such.
 */
async function* readJsonDocument(source: CorpusFile, explicit: boolean): AsyncGenerator<CorpusRecord> {
  const text = stripByteOrderMark(await readFile(source.path, 'utf8'));
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
    if (firstLine.length < text.trim().length && parseJson(firstLine).ok) {
      yield* readJsonLines(source, ByteLines.of(Buffer.from(text, 'utf8')), explicit);
      return;
    }
    const { line, column, problem } = parsed.error;
    throw new CliInputError(`${source.path}: bad JSON on line ${line}, column ${column}: ${problem}`);
  }
  const notEvents = notEventsReason(parsed.value);
  if (notEvents !== undefined) {
    if (explicit) throw new CliInputError(`${source.path}: holds no Sentry events (${notEvents})`);
    yield { type: 'skipped', source, reason: notEvents };
    return;
  }
  let entry = 0;
  for (const value of eventsOfValue(parsed.value, source.path)) {
    if ('problem' in value) yield { type: 'broken', source, line: undefined, problem: value.problem };
    else yield { type: 'event', source, entry: entry++, line: undefined, event: value.event };
  }
}

/**
 * JSON Lines: each line an event (or an array of events, or a parsed envelope as transport dumps write
 * them). A line that is not JSON, or not an object, is a broken record: reported, never fatal.
 */
async function* readJsonLines(
  source: CorpusFile,
  reader: ByteLines,
  explicit: boolean,
): AsyncGenerator<CorpusRecord> {
  let entry = 0;
  let sawRecord = false;
  try {
    while (true) {
      const lineNumber = reader.nextLineNumber;
      const bytes = await reader.readLine();
      if (bytes === undefined) return;
      const text = lineNumber === 1 ? stripByteOrderMark(bytes.toString('utf8')) : bytes.toString('utf8');
      if (text.trim().length === 0) continue;
      const parsed = parseJson(text);
      if (!parsed.ok) {
        yield {
          type: 'broken',
          source,
          line: lineNumber,
          problem: `bad JSON (column ${parsed.error.column}: ${parsed.error.problem})`,
        };
        continue;
      }
      if (!sawRecord && !explicit) {
        // A directory may hold JSON Lines that are not events (logs, exports): judged by the first record.
        const notEvents = notEventsReason(parsed.value);
        if (notEvents !== undefined) {
          yield { type: 'skipped', source, reason: notEvents };
          return;
        }
      }
      sawRecord = true;
      for (const value of eventsOfValue(parsed.value, `${source.path}: line ${lineNumber}`)) {
        if ('problem' in value) yield { type: 'broken', source, line: lineNumber, problem: value.problem };
        else yield { type: 'event', source, entry: entry++, line: lineNumber, event: value.event };
      }
    }
  } finally {
    await reader.close();
  }
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
