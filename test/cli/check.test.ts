import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SAMPLE } from './run-cli.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-check-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/**
 * The classic shadowing failure: a broad "any 401" rule listed before the backend's session-expired rule
 * claims the session rule's own example, so the BYO-key-safe rule never decides anything. Plus a rule
 * without examples and one whose `noMatch` example matches.
 */
const SHADOWED_RULES = [
  { id: 'any-401', kind: 'unauthorized', action: 'drop', any: ['(401'], examples: { match: ['HTTP (401)'] } },
  {
    id: 'backend-invalid-token',
    kind: 'session_expired',
    action: 'breadcrumb',
    all: ['OpenHuman API error (401', '"error":"Invalid token"'],
    examples: {
      match: ['OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}'],
    },
  },
  { id: 'untested', kind: 'quota', action: 'drop', any: ['insufficient_quota'] },
  {
    id: 'timeouts',
    kind: 'timeout',
    action: 'drop',
    any: ['timed out'],
    examples: { match: ['request timed out'], noMatch: ['socket timed out while streaming'] },
  },
];

describe.concurrent('sentry-expected-errors check', { timeout: 60_000 }, () => {
  it('exits 0 for the example pack', async () => {
    const result = await runCli('check', '--rules', SAMPLE.rules);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^examples\/recorded\/rules\.mjs: 21 rules, \d+ examples, no problems\n$/);
  });

  it('exits 1 and prints each problem of a shadowed rule set, from an ES module', async () => {
    const rules = join(scratch, 'shadowed.mjs');
    await writeFile(rules, `export const rules = ${JSON.stringify(SHADOWED_RULES, null, 2)};\n`);

    const result = await runCli('check', '--rules', rules);

    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`${rules}: 4 rules, 4 examples, 4 problems:`);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}shadowed-rule\s+rule #1 \("backend-invalid-token"\): can never decide an event: earlier rule #0 \("any-401"\)/,
      ),
      expect.stringMatching(
        /^ {2}example-claimed\s+rule #1 \("backend-invalid-token"\): its example "OpenHuman API error \(401 .*" is decided by earlier rule #0 \("any-401"\) instead$/,
      ),
      expect.stringMatching(/^ {2}no-examples\s+rule #2 \("untested"\): has no `examples.match`/),
      expect.stringMatching(
        /^ {2}no-match-example-matches\s+rule #3 \("timeouts"\): matches "socket timed out while streaming", listed in its `noMatch` examples$/,
      ),
    ]);
  });

  it('reads a JSON rules file and prints the report as JSON with --json', async () => {
    const rules = join(scratch, 'shadowed.json');
    await writeFile(rules, JSON.stringify(SHADOWED_RULES));

    const result = await runCli('check', '--rules', rules, '--json');

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: Array<{ code: string; rule: string; by?: string }>;
    };
    expect(report.ok).toBe(false);
    expect(report.problems.map(({ code, rule, by }) => ({ code, rule, by }))).toEqual([
      { code: 'shadowed-rule', rule: 'backend-invalid-token', by: 'any-401' },
      { code: 'example-claimed', rule: 'backend-invalid-token', by: 'any-401' },
      { code: 'no-examples', rule: 'untested', by: undefined },
      { code: 'no-match-example-matches', rule: 'timeouts', by: undefined },
    ]);
  });

  it('turns a JSON pattern { source, flags } into a RegExp', async () => {
    const rules = join(scratch, 'pattern.json');
    await writeFile(
      rules,
      JSON.stringify([
        {
          id: 'bail-401',
          kind: 'session_expired',
          action: 'breadcrumb',
          pattern: { source: '^(?:GET|POST) /\\S* failed \\(401', flags: 'i' },
          examples: {
            match: ['get /teams failed (401 Unauthorized)'],
            noMatch: ['HEAD /teams failed (401)'],
          },
        },
      ]),
    );

    const result = await runCli('check', '--rules', rules);

    expect(result.stdout).toBe(`${rules}: 1 rule, 2 examples, no problems\n`);
    expect(result.code).toBe(0);
  });
});
