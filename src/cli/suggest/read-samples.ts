import { open, stat } from 'node:fs/promises';
import { CliInputError, describeFileError } from '../cli-error.js';
import type { CorpusRecordOf } from '../corpus.js';
import { openCorpus, readFileRecords } from '../read-events.js';
import { type Sample, sampleOfEvent } from './sample.js';
import { isSentryIssue, sampleOfIssue } from './sentry-issue.js';

/** Options of `readSamples`. */
export interface ReadSamplesOptions {
  /** Files never read (the `--rules` and `--out` files). */
  readonly exclude?: readonly string[];
  /** Each broken record (bad JSON line, a non-object), reported and skipped. */
  readonly onBroken?: (record: CorpusRecordOf<'broken'>) => void;
  /** Each file of a directory left out as not events. */
  readonly onSkipped?: (record: CorpusRecordOf<'skipped'>) => void;
  /** Each sample read from an issue (not an event), to join issues with their events. */
  readonly onIssue?: (sample: Sample) => void;
}

/** What `readSamples` read, besides the samples. */
export interface ReadSamplesReport {
  /** Issues without `metadata` (read by their title). */
  issuesWithoutMetadata: number;
}

/**
 * Reads the samples of a file or directory: everything `replay` reads (events as JSON, JSON Lines,
 * envelopes) plus issues of Sentry's API (a JSON array, or JSON Lines). A file named on the command
 * line that is not Sentry's JSON at all (a CSV export, an HTML page a proxy answered with) is refused
 * with a `CliInputError` that says what it looks like.
 */
export async function* readSamples(
  input: string,
  report: ReadSamplesReport,
  options: ReadSamplesOptions = {},
): AsyncGenerator<Sample> {
  await refuseForeignFile(input);
  for await (const entry of await openCorpus(input, options.exclude ? { exclude: options.exclude } : {})) {
    for await (const record of readFileRecords(entry)) {
      if (record.type === 'broken') options.onBroken?.(record);
      else if (record.type === 'skipped') options.onSkipped?.(record);
      else if (isSentryIssue(record.event)) {
        const { sample, hasMetadata } = sampleOfIssue(record.event);
        if (!hasMetadata) report.issuesWithoutMetadata++;
        options.onIssue?.(sample);
        yield sample;
      } else {
        const sample = sampleOfEvent(record.event);
        if (sample !== undefined) yield sample;
      }
    }
  }
}

/** Refuses a single file whose first bytes show it is not JSON: an HTML page, a CSV export. */
async function refuseForeignFile(input: string): Promise<void> {
  const info = await stat(input).catch((error: unknown) => {
    throw new CliInputError(`${input}: ${describeFileError(error)}`);
  });
  if (!info.isFile()) return;
  const handle = await open(input, 'r');
  const head = Buffer.alloc(1024);
  try {
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const reason = foreignContentReason(head.subarray(0, bytesRead).toString('utf8'));
    if (reason !== undefined) throw new CliInputError(`${input}: ${reason}`);
  } finally {
    await handle.close();
  }
}

/**
 * Why a text is clearly not a Sentry export (an HTML page, CSV), or `undefined`. Also used for what an
 * API answered.
 */
export function foreignContentReason(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.length === 0 || start.startsWith('{') || start.startsWith('[')) return undefined;
  if (start.startsWith('<')) {
    const title = /<title>([^<]{0,120})<\/title>/i.exec(start)?.[1]?.trim();
    return `an HTML page${title ? ` ("${title}")` : ''}, not a Sentry export (a proxy's or login page?); suggest reads Sentry's JSON: events, JSON Lines, envelopes, or the issues API's answer`;
  }
  const firstLine = start.split('\n', 1)[0] ?? '';
  // A header line of a CSV is short: a longer first line is left to the generic message (and the test stays cheap).
  if (firstLine.length <= 65_536 && /^[^,]{1,200}(?:,[^,]{0,200}){2,}$/.test(firstLine.trim())) {
    return "CSV, not a Sentry export: suggest reads Sentry's JSON (events, JSON Lines, envelopes, or the issues API's answer, e.g. `suggest --org <slug> --project <slug>`)";
  }
  return undefined;
}
