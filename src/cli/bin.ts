#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Classifier, createClassifier } from '../classifier.js';
import { RuleConfigError } from '../errors.js';
import { checkRules } from '../rules/check.js';
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
  formatTableHeader,
  formatTotals,
  tableLayout,
} from './format.js';
import { parseJson } from './json-text.js';
import { loadRules } from './load-rules.js';
import { createProgress } from './progress.js';
import { openCorpus } from './read-events.js';
import { type ReplayedEvent, replay } from './replay.js';
import { USAGE } from './usage.js';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const NAME = 'sentry-expected-errors';

type Options = {
  rules?: string;
  json?: boolean;
  expect?: string;
  'write-expect'?: string;
  help?: boolean;
  version?: boolean;
};

async function main(argv: readonly string[]): Promise<number> {
  const { values: options, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      rules: { type: 'string', short: 'r' },
      json: { type: 'boolean' },
      expect: { type: 'string' },
      'write-expect': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (options.help) return print(USAGE.trimEnd());
  if (options.version) return print(packageVersion());

  const [command, ...operands] = positionals;
  if (command === 'replay') {
    if (operands.length !== 1) throw new CliInputError('replay takes one <file|dir> (see --help)');
    return replayCommand(operands[0] as string, options);
  }
  if (command === 'check') {
    if (operands.length > 0)
      throw new CliInputError(`check takes no operand, got ${operands[0]} (see --help)`);
    if (options.expect !== undefined || options['write-expect'] !== undefined)
      throw new CliInputError('--expect and --write-expect belong to replay (see --help)');
    return checkCommand(options);
  }
  throw new CliInputError(
    command === undefined
      ? 'missing command: replay or check (see --help)'
      : `unknown command ${command} (see --help)`,
  );
}

async function replayCommand(input: string, options: Options): Promise<number> {
  if (options.expect !== undefined && options['write-expect'] !== undefined)
    throw new CliInputError('use --expect or --write-expect, not both');
  const rulesPath = requireRules(options);
  const classifier = await classifierFrom(rulesPath);
  const expectations = options.expect === undefined ? undefined : await readExpectations(options.expect);
  const check = expectations && createExpectationCheck(expectations);
  const written: ReplayedEvent[] | undefined = options['write-expect'] === undefined ? undefined : [];

  const progress = createProgress(process.stderr);
  const warn = (line: string) => {
    progress.clear();
    process.stderr.write(`${line}\n`);
  };
  const corpus = await openCorpus(input, {
    exclude: [rulesPath, options.expect, options['write-expect']].filter(isString),
  });
  const layout = tableLayout(classifier.rules, process.stdout.isTTY ? process.stdout.columns : undefined);
  let events = 0;
  let headingFile: string | undefined;
  // The table's header waits for the first event: an unreadable first file leaves stdout empty.
  if (options.json) process.stdout.write('{"events":[');

  const summary = await replay(corpus, classifier, {
    onEvent(event) {
      check?.observe(event);
      written?.push(event);
      if (options.json) process.stdout.write(`${events > 0 ? ',' : ''}\n${JSON.stringify(event)}`);
      else {
        if (events === 0) print(formatTableHeader(layout));
        if (event.file !== headingFile) print(event.file);
        headingFile = event.file;
        print(formatEventRow(event, layout));
      }
      progress.update(++events, event.file);
    },
    onBroken: (record) => warn(formatBroken(record)),
    onSkipped: (record) => warn(formatSkipped(record)),
  });
  progress.clear();

  const mismatches: ExpectationMismatch[] = check?.finish() ?? [];
  if (options.json) {
    const tail = check ? `,\n"mismatches":${JSON.stringify(mismatches)}` : '';
    print(`\n],\n"summary":${JSON.stringify(summary)}${tail}}`);
  } else {
    print(`\n${formatTotals(summary)}`);
    if (check && mismatches.length === 0) print(`\nAll ${summary.events} events match ${options.expect}.`);
  }
  if (mismatches.length > 0) process.stderr.write(`${formatMismatches(mismatches, options.expect ?? '')}\n`);
  if (written && options['write-expect'] !== undefined) {
    await writeExpectations(options['write-expect'], written);
    process.stderr.write(`Wrote ${written.length} expectations to ${options['write-expect']}\n`);
  }
  return mismatches.length > 0 ? EXIT_FAILED : EXIT_OK;
}

async function checkCommand(options: Options): Promise<number> {
  const rulesPath = requireRules(options);
  const report = await withRulesPath(rulesPath, async () => checkRules(await loadRules(rulesPath)));
  print(options.json ? JSON.stringify(report, null, 2) : formatCheckReport(report, rulesPath));
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

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT_OK;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}

/** The exit code for an error that escaped a command, after one line on stderr. */
function exitCodeOf(error: unknown): number {
  if (error instanceof CliInputError) {
    process.stderr.write(`${NAME}: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
    // "Unknown option '--x'. To specify a positional argument…": the first sentence says it all.
    process.stderr.write(`${NAME}: ${(error as Error).message.split('. ', 1)[0]} (see --help)\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(
    `${NAME}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT_USAGE;
}

// A closed pipe (`… | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = exitCodeOf(error);
  },
);
