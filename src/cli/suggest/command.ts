import { rename, writeFile } from 'node:fs/promises';
import type { Rule } from '../../rules/types.js';
import { CliInputError, describeFileError } from '../cli-error.js';
import { formatBroken, formatSkipped } from '../format.js';
import { loadRules } from '../load-rules.js';
import type { OutputStream } from '../output.js';
import { issuesFromSentry } from './fetch-issues.js';
import { formatSuggestReport, rulesModule, suggestJson } from './format-suggest.js';
import { joinIssues } from './join-issues.js';
import { readSamples } from './read-samples.js';
import type { Sample } from './sample.js';
import { sampleOfIssue } from './sentry-issue.js';
import { suggestRules } from './suggest.js';

/** The options `suggest` takes. */
export interface SuggestCommandOptions {
  readonly rules?: string | undefined;
  readonly json?: boolean | undefined;
  readonly out?: string | undefined;
  readonly 'min-events'?: string | undefined;
  readonly org?: string | undefined;
  readonly project?: string | undefined;
  readonly url?: string | undefined;
  readonly query?: string | undefined;
}

/** Where `suggest` reads and writes: the CLI's streams, the environment (for the token), `fetch`. */
export interface SuggestIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

/** Runs `suggest`: reads the samples, suggests rules, prints the report, writes `--out`; the exit code. */
export async function suggestCommand(
  operands: readonly string[],
  options: SuggestCommandOptions,
  io: SuggestIo,
): Promise<number> {
  const minEvents = minEventsOf(options['min-events']);
  const existing = options.rules === undefined ? undefined : await loadRules(options.rules);
  const { samples, source } = await collect(operands, options, io);
  const result = suggestRules(samples, {
    minEvents,
    ...(existing ? { existingRules: existing as readonly Rule[] } : {}),
  });
  io.stdout.write(`${options.json ? suggestJson(result) : formatSuggestReport(result, minEvents)}\n`);
  if (options.out !== undefined) {
    await writeAtomically(options.out, rulesModule(result, source));
    io.stderr.write(`Wrote ${result.candidates.length} rules to ${options.out}\n`);
  }
  return 0;
}

async function collect(
  operands: readonly string[],
  options: SuggestCommandOptions,
  io: SuggestIo,
): Promise<{ samples: Sample[]; source: string }> {
  const fromSentry = options.org !== undefined || options.project !== undefined;
  if (fromSentry) {
    if (operands.length > 0)
      throw new CliInputError('suggest reads a <file|dir> or --org/--project, not both');
    if (options.org === undefined || options.project === undefined)
      throw new CliInputError('suggest from Sentry needs both --org <slug> and --project <slug>');
    const samples: Sample[] = [];
    for await (const issue of issuesFromSentry({
      org: options.org,
      project: options.project,
      ...(options.url === undefined ? {} : { url: options.url }),
      ...(options.query === undefined ? {} : { query: options.query }),
      token: io.env.SENTRY_AUTH_TOKEN,
      ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
      progress: io.stderr,
    })) {
      samples.push(sampleOfIssue(issue).sample);
    }
    return { samples, source: `--org ${options.org} --project ${options.project}` };
  }
  if (operands.length !== 1)
    throw new CliInputError('suggest takes one <file|dir>, or --org and --project (see --help)');
  if (options.url !== undefined || options.query !== undefined)
    throw new CliInputError('--url and --query belong to suggest --org/--project (see --help)');
  const input = operands[0] as string;
  const report = { issuesWithoutMetadata: 0 };
  const issues = new Set<Sample>();
  const samples: Sample[] = [];
  const exclude = [options.rules, options.out].filter((path): path is string => path !== undefined);
  for await (const sample of readSamples(input, report, {
    exclude,
    onBroken: (record) => io.stderr.write(`${formatBroken(record)}\n`),
    onSkipped: (record) => io.stderr.write(`${formatSkipped(record)}\n`),
    onIssue: (sample) => issues.add(sample),
  })) {
    samples.push(sample);
  }
  if (report.issuesWithoutMetadata > 0)
    io.stderr.write(`${report.issuesWithoutMetadata} issues have no metadata: read by their title instead\n`);
  return { samples: joinIssues(samples, issues), source: input };
}

/** `--min-events N`: a positive integer, 2 by default. */
function minEventsOf(value: string | undefined): number {
  if (value === undefined) return 2;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count) || count < 1)
    throw new CliInputError(`--min-events must be a positive integer, got ${JSON.stringify(value)}`);
  return count;
}

/** Writes through a temporary file renamed into place: a failure never leaves half a module. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    throw new CliInputError(`--out ${path}: ${describeFileError(error)}`);
  }
}
