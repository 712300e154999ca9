import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Classifier, createClassifier } from '../classifier/create.js';
import { DEFAULT_SURGE } from '../decisions/surge.js';
import { RuleConfigError } from '../errors.js';
import { checkRules } from '../presets/check-rules.js';
import { CliInputError, describeFileError } from './cli-error.js';
import {
  createExpectationCheck,
  type Expectation,
  type ExpectationMismatch,
  expectationsOf,
  parseExpectations,
} from './expectations.js';
import {
  formatBroken,
  formatCheckReport,
  formatEventRow,
  formatMismatches,
  formatSkipped,
  formatSurges,
  formatTableHeader,
  formatTotals,
  tableLayout,
} from './format.js';
import { parseJson } from './json-text.js';
import { loadRules } from './load-rules.js';
import { bufferedOutput, type OutputStream } from './output.js';
import { createProgress } from './progress.js';
import { replayEvents } from './replay.js';
import type { ReplayedEvent } from './replay-totals.js';
import { suggestCommand } from './suggest/command.js';
import { USAGE } from './usage.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const NAME = 'sentry-expected-errors';

/** The streams the CLI writes to. */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

type Options = {
  rules?: string;
  jobs?: string;
  surge?: string;
  json?: boolean;
  expect?: string;
  'write-expect'?: string;
  help?: boolean;
  version?: boolean;
  out?: string;
  'min-events'?: string;
  org?: string;
  project?: string;
  url?: string;
  query?: string;
};

/** Options only `suggest` takes. */
const SUGGEST_ONLY = ['out', 'min-events', 'org', 'project', 'url', 'query'] as const;

/**
 * Runs the CLI with `argv` (the arguments after the program name), writing to `io`; resolves with the
 * exit code and never rejects: an error becomes one line on `io.stderr` and exit code 2.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    return exitCodeOf(error, io.stderr);
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const print = (text: string): number => {
    io.stdout.write(`${text}\n`);
    return EXIT_OK;
  };
  const { values: options, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      jobs: { type: 'string', short: 'j' },
      surge: { type: 'string' },
      json: { type: 'boolean' },
      expect: { type: 'string' },
      'write-expect': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      out: { type: 'string', short: 'o' },
      'min-events': { type: 'string' },
      org: { type: 'string' },
      project: { type: 'string' },
      url: { type: 'string' },
      query: { type: 'string' },
    },
  });
  if (options.help) return print(USAGE.trimEnd());
  if (options.version) return print(packageVersion());

  const [command, ...operands] = positionals;
  if (command === 'suggest') {
    for (const option of ['jobs', 'surge', 'expect', 'write-expect'] as const) {
      if (options[option] !== undefined)
        throw new CliInputError(`--${option} belongs to replay (see --help)`);
    }
    return suggestCommand(operands, options, { ...io, env: process.env });
  }
  const stray = SUGGEST_ONLY.find((option) => options[option] !== undefined);
  if (stray !== undefined) throw new CliInputError(`--${stray} belongs to suggest (see --help)`);
  if (command === 'replay') {
    if (operands.length !== 1) throw new CliInputError('replay takes one <file|dir> (see --help)');
    return replayCommand(operands[0] as string, options, io);
  }
  if (command === 'check') {
    if (operands.length > 0)
      throw new CliInputError(`check takes no operand, got ${operands[0]} (see --help)`);
    if (options.expect !== undefined || options['write-expect'] !== undefined)
      throw new CliInputError('--expect and --write-expect belong to replay (see --help)');
    for (const option of ['jobs', 'surge'] as const) {
      if (options[option] !== undefined)
        throw new CliInputError(`--${option} belongs to replay (see --help)`);
    }
    return checkCommand(options, io);
  }
  throw new CliInputError(
    command === undefined
      ? 'missing command: replay, check or suggest (see --help)'
      : `unknown command ${command} (see --help)`,
  );
}

async function replayCommand(input: string, options: Options, io: CliIo): Promise<number> {
  if (options.expect !== undefined && options['write-expect'] !== undefined)
    throw new CliInputError('use --expect or --write-expect, not both');
  const jobs = jobsOf(options.jobs);
  const surge = surgeOf(options.surge);
  const rulesPath = requireRules(options);
  const classifier = await classifierFrom(rulesPath);
  const expectations = options.expect === undefined ? undefined : await readExpectations(options.expect);
  const check = expectations && createExpectationCheck(expectations);
  const written: ReplayedEvent[] | undefined = options['write-expect'] === undefined ? undefined : [];

  const out = bufferedOutput(io.stdout);
  const progress = createProgress(io.stderr);
  const warn = (line: string) => {
    progress.clear();
    io.stderr.write(`${line}\n`);
  };
  const layout = tableLayout(classifier.rules, io.stdout.isTTY ? io.stdout.columns : undefined);
  let events = 0;
  let headingFile: string | undefined;
  // The table's header waits for the first event: an unreadable first file leaves stdout empty.
  if (options.json) out.write('{"events":[');

  const summary = await replayEvents(input, {
    rules: classifier.rules,
    ...(jobs === undefined ? {} : { jobs }),
    ...(surge === undefined ? {} : { surge }),
    exclude: [rulesPath, options.expect, options['write-expect']].filter(isString),
    onEvent(event) {
      check?.observe(event);
      written?.push(event);
      if (options.json) out.write(`${events > 0 ? ',' : ''}\n${JSON.stringify(event)}`);
      else {
        if (events === 0) out.line(formatTableHeader(layout));
        if (event.file !== headingFile) out.line(event.file);
        headingFile = event.file;
        out.line(formatEventRow(event, layout));
      }
      progress.update(++events, event.file);
    },
    onBroken: (record) => warn(formatBroken(record)),
    onSkipped: (record) => warn(formatSkipped(record)),
    onChunk: () => out.flush(),
  }).finally(() => out.flush());
  progress.clear();

  const mismatches: ExpectationMismatch[] = check?.finish() ?? [];
  if (options.json) {
    const tail = check ? `,\n"mismatches":${JSON.stringify(mismatches)}` : '';
    io.stdout.write(`\n],\n"summary":${JSON.stringify(summary)}${tail}}\n`);
  } else {
    io.stdout.write(`\n${formatTotals(summary)}\n`);
    io.stdout.write(`\n${formatSurges(summary.surges, surge ?? DEFAULT_SURGE)}\n`);
    if (check && mismatches.length === 0)
      io.stdout.write(`\nAll ${summary.events} events match ${options.expect}.\n`);
  }
  if (mismatches.length > 0) io.stderr.write(`${formatMismatches(mismatches, options.expect ?? '')}\n`);
  if (written && options['write-expect'] !== undefined) {
    await writeExpectations(options['write-expect'], written);
    io.stderr.write(`Wrote ${written.length} expectations to ${options['write-expect']}\n`);
  }
  return mismatches.length > 0 ? EXIT_FAILED : EXIT_OK;
}

const WINDOW_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** `--surge 100/60s` (a window in ms, s, m or h; bare numbers are ms) or `--surge off`. */
function surgeOf(value: string | undefined): { threshold: number; windowMs: number } | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'off') return false;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  const threshold = Number(match?.[1]);
  const windowMs = Number(match?.[2]) * (WINDOW_UNITS[match?.[3] ?? 'ms'] as number);
  if (!match || threshold < 1 || !(windowMs > 0)) {
    throw new CliInputError(
      `--surge must be <threshold>/<window> such as 100/60s (window in ms, s, m or h), or off; got ${JSON.stringify(value)}`,
    );
  }
  return { threshold, windowMs };
}

/** `--jobs N`: a positive integer; absent means one per core. */
function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1)
    throw new CliInputError(`--jobs must be a positive integer, got ${JSON.stringify(value)}`);
  return jobs;
}

async function checkCommand(options: Options, io: CliIo): Promise<number> {
  const rulesPath = requireRules(options);
  const report = await withRulesPath(rulesPath, async () => checkRules(await loadRules(rulesPath)));
  io.stdout.write(
    `${options.json ? JSON.stringify(report, null, 2) : formatCheckReport(report, rulesPath)}\n`,
  );
  return report.ok ? EXIT_OK : EXIT_FAILED;
}

function requireRules(options: Options): string {
  if (options.rules === undefined) throw new CliInputError('missing --rules <module> (see --help)');
  return options.rules;
}

function classifierFrom(rulesPath: string): Promise<Classifier> {
  return withRulesPath(rulesPath, async () => createClassifier({ rules: await loadRules(rulesPath) }));
}

/** Runs `build`, turning a `RuleConfigError` into an input error that names the rules file. */
async function withRulesPath<T>(rulesPath: string, build: () => Promise<T>): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (RuleConfigError.isInstance(error))
      throw new CliInputError(`--rules ${rulesPath}: RuleConfigError: ${error.message}`);
    throw error;
  }
}

async function readExpectations(path: string): Promise<readonly Expectation[]> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new CliInputError(`--expect ${path}: ${describeFileError(error)}`);
  });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, problem } = parsed.error;
    throw new CliInputError(`--expect ${path}: bad JSON on line ${line}, column ${column}: ${problem}`);
  }
  return parseExpectations(parsed.value, path);
}

async function writeExpectations(path: string, events: readonly ReplayedEvent[]): Promise<void> {
  await writeFile(path, `${JSON.stringify(expectationsOf(events), null, 2)}\n`).catch((error: unknown) => {
    throw new CliInputError(`--write-expect ${path}: ${describeFileError(error)}`);
  });
}

function packageVersion(): string {
  // The same relative path from src/cli/bin.ts and from the built dist/cli/bin.js.
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest
    ? String(manifest.version)
    : 'unknown';
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

/** The exit code for an error that escaped a command, after one line on stderr. */
function exitCodeOf(error: unknown, stderr: OutputStream): number {
  if (error instanceof CliInputError) {
    stderr.write(`${NAME}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    // "Unknown option '--x'. To specify a positional argument…": the first sentence says it all.
    stderr.write(`${NAME}: ${(error as Error).message.split('. ', 1)[0]} (see --help)\n`);
    return EXIT_USAGE;
  }
  stderr.write(
    `${NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT_USAGE;
}
