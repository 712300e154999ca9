import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from './run-cli.js';
import { runCli, SAMPLE } from './run-cli.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-errors-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function scratchFile(name: string, content: string): Promise<string> {
  const path = join(scratch, name);
  await writeFile(path, content);
  return path;
}

/** Exit code 2 and exactly one line on stderr, which is returned. */
function usageError(result: CliResult): string {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^sentry-expected-errors: [^\n]+\n$/);
  return result.stderr.trimEnd();
}

describe.concurrent('sentry-expected-errors exit code 2', { timeout: 60_000 }, () => {
  it('names a missing input file', async () => {
    const result = await runCli('replay', join(scratch, 'missing.jsonl'), '--rules', SAMPLE.rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: ${join(scratch, 'missing.jsonl')}: no such file or directory`,
    );
    expect(result.stdout).toBe('');
  });

  it('names the file and line of bad JSON in an event file', async () => {
    const path = await scratchFile(
      'bad.json',
      '{\n  "event_id": "abc",\n  "message": "OpenAI key sk-secret-value-1234567890",\n  "level": error\n}\n',
    );

    const result = await runCli('replay', path, '--rules', SAMPLE.rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: ${path}: bad JSON on line 4, column 12: unexpected 'e'`,
    );
    expect(result.stderr).not.toContain('sk-secret');
    expect(result.stdout).toBe('');
  });

  it('names the file, line and type of an unknown envelope item', async () => {
    const path = await scratchFile(
      'unknown.envelope',
      ['{"event_id":"abc"}', '{"type":"event"}', '{"message":"x"}', '{"type":"hologram"}', '{}'].join('\n'),
    );

    const result = await runCli('replay', path, '--rules', SAMPLE.rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: ${path}: line 4: unknown envelope item type "hologram"`,
    );
  });

  it('names a rules module that exports no rules, and what it exports instead', async () => {
    const rules = await scratchFile('no-rules.mjs', 'export const rulez = [];\nexport const other = 1;\n');

    const result = await runCli('replay', SAMPLE.corpus, '--rules', rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: --rules ${rules}: exports no rules (expected a named export \`rules\` or a default export holding the array; it exports other, rulez)`,
    );
  });

  it('relays the RuleConfigError of a malformed rule, naming the rule and field', async () => {
    const rules = await scratchFile(
      'malformed.mjs',
      "export default [{ id: 'ok', kind: 'x', action: 'drop', any: ['y'] }, { id: 'bad', kind: 'x', action: 'explode', any: ['z'] }];\n",
    );

    const replay = await runCli('replay', SAMPLE.corpus, '--rules', rules);
    const check = await runCli('check', '--rules', rules);

    const line = usageError(replay);
    expect(line).toMatch(
      new RegExp(
        `^sentry-expected-errors: --rules ${rules}: RuleConfigError: rule #1 \\("bad"\\): \`action\` `,
      ),
    );
    expect(usageError(check)).toBe(line);
  });

  it('refuses a JSON rule whose pattern is a string, saying how to write it', async () => {
    const rules = await scratchFile(
      'pattern.json',
      JSON.stringify([{ id: 'p', kind: 'x', action: 'drop', pattern: '^Error' }]),
    );

    const result = await runCli('check', '--rules', rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: --rules ${rules}: RuleConfigError: rule #0 ("p"): \`pattern\` must be written as { "source": "…", "flags": "…" } in a JSON rules file (JSON has no RegExp)`,
    );
  });

  it('names a rules module that throws while loading', async () => {
    const rules = await scratchFile('throws.mjs', "throw new Error('config missing\\nsecond line');\n");

    const result = await runCli('check', '--rules', rules);

    expect(usageError(result)).toBe(
      `sentry-expected-errors: --rules ${rules}: cannot load the module: config missing`,
    );
  });

  it('names a missing rules file', async () => {
    const result = await runCli('check', '--rules', 'examples/recorded/missing.mjs');

    expect(usageError(result)).toBe(
      'sentry-expected-errors: --rules examples/recorded/missing.mjs: no such file or directory',
    );
  });

  it('names bad JSON and bad entries in an expectations file', async () => {
    const badJson = await scratchFile(
      'expect-bad.json',
      '{\n  "expectations": [\n    { "outcome": "drop", }\n  ]\n}\n',
    );
    const badEntry = await scratchFile(
      'expect-entry.json',
      JSON.stringify([{ file: 'a.json', outcome: 'ignored' }]),
    );

    const json = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--expect', badJson);
    const entry = await runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--expect', badEntry);

    expect(usageError(json)).toBe(
      `sentry-expected-errors: --expect ${badJson}: bad JSON on line 3, column 26: expected a property name but found '}'`,
    );
    expect(usageError(entry)).toBe(
      `sentry-expected-errors: --expect ${badEntry}: expectation #0: \`outcome\` must be "pass", "drop" or "breadcrumb"`,
    );
  });

  it('rejects a bad command line: no command, unknown command or option, missing --rules or input', async () => {
    const results = await Promise.all([
      runCli(),
      runCli('report', '--rules', SAMPLE.rules),
      runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--colour'),
      runCli('replay', SAMPLE.corpus),
      runCli('replay', '--rules', SAMPLE.rules),
      runCli('check', '--rules', SAMPLE.rules, '--expect', SAMPLE.expectations),
      runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--jobs', '0'),
      runCli('check', '--rules', SAMPLE.rules, '--jobs', '2'),
      runCli('replay', SAMPLE.corpus, '--rules', SAMPLE.rules, '--surge', '100'),
    ]);

    expect(results.map(usageError)).toEqual([
      'sentry-expected-errors: missing command: replay, check or suggest (see --help)',
      'sentry-expected-errors: unknown command report (see --help)',
      "sentry-expected-errors: Unknown option '--colour' (see --help)",
      'sentry-expected-errors: missing --rules <module> (see --help)',
      'sentry-expected-errors: replay takes one <file|dir> (see --help)',
      'sentry-expected-errors: --expect and --write-expect belong to replay (see --help)',
      'sentry-expected-errors: --jobs must be a positive integer, got "0"',
      'sentry-expected-errors: --jobs belongs to replay (see --help)',
      'sentry-expected-errors: --surge must be <threshold>/<window> such as 100/60s (window in ms, s, m or h), or off; got "100"',
    ]);
  });
});
