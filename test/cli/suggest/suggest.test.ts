import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

const EXPORT = 'examples/suggest/export';
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-suggest-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface Report {
  candidates: Array<{
    rule: { id: string; all: string[]; action: string; exceptionType?: string; status?: number };
    events: number;
    issues: number;
    share: number;
    counterExamplesClaimed: number;
  }>;
  covered: Array<{ rule: string; events: number }>;
}

describe('suggest', () => {
  it('runs the example in three commands: export → rules → check → replay', async () => {
    const out = join(scratch, 'example-rules.mjs');
    const suggested = await runCli('suggest', EXPORT, '--out', out);
    expect(suggested.code, suggested.stderr).toBe(0);
    expect(suggested.stdout).toMatch(/^candidate\s+events\s+issues\s+share\s+counter-examples claimed$/m);
    expect(suggested.stdout).toContain('3 candidates claim 12 of 21 events');
    const check = await runCli('check', '--rules', out);
    expect(check.code, check.stdout).toBe(0);
    const replay = await runCli('replay', `${EXPORT}/events.jsonl`, '--rules', out, '--json');
    const { summary } = JSON.parse(replay.stdout) as { summary: { outcomes: Record<string, number> } };
    expect(summary.outcomes).toMatchObject({ breadcrumb: 12, pass: 9 });
  });

  it('prints the --json shape: candidates with rule, events, issues, share, counterExamplesClaimed; covered', async () => {
    const result = await runCli('suggest', EXPORT, '--json');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.candidates.map((candidate) => candidate.rule.all)).toEqual([
      ['CardError: Your card was declined. (request id'],
      ['Rate limit reached for gpt-4o-mini on tokens per min (TPM): Limit'],
      ['SessionError: session expired for'],
    ]);
    for (const candidate of report.candidates) {
      expect(candidate).toMatchObject({ events: 4, issues: 1, counterExamplesClaimed: 0 });
      expect(candidate.share).toBeCloseTo(4 / 21);
      expect(candidate.rule.action).toBe('breadcrumb');
    }
    expect(report.candidates[0]?.rule).toMatchObject({ exceptionType: 'CardError', status: 402 });
    expect(report.covered).toEqual([]);
  });

  it('reports the clusters a --rules set already claims as covered, and does not suggest them again', async () => {
    const rules = join(scratch, 'existing.mjs');
    await writeFile(
      rules,
      `export const rules = [{ id: 'card-declined', kind: 'card_declined', action: 'breadcrumb', all: ['card was declined'] }];\n`,
    );
    const report = JSON.parse((await runCli('suggest', EXPORT, '--json', '--rules', rules)).stdout) as Report;
    expect(report.covered).toMatchObject([{ rule: 'card-declined', events: 4 }]);
    expect(report.candidates.map((candidate) => candidate.rule.id)).not.toContain(
      'suggested-your-card-declined-request',
    );
    expect(report.candidates).toHaveLength(2);
  });

  it('offers no rule for a cluster below --min-events', async () => {
    const report = JSON.parse(
      (await runCli('suggest', EXPORT, '--json', '--min-events', '5')).stdout,
    ) as Report;
    expect(report.candidates).toEqual([]);
  });

  it('offers every cluster, by volume, when nothing is triaged', async () => {
    const issues = join(scratch, 'untriaged.json');
    const issue = (id: string, value: string, count: number) => ({
      id,
      title: `Error: ${value}`,
      culprit: 'x',
      status: 'unresolved',
      count: String(count),
      metadata: { type: 'Error', value },
    });
    await writeFile(
      issues,
      JSON.stringify([
        issue('1', 'quota exceeded for tenant 42', 9),
        issue('2', 'quota exceeded for tenant 7', 3),
        issue('3', 'disk full on volume 3', 5),
      ]),
    );
    const report = JSON.parse((await runCli('suggest', issues, '--json')).stdout) as Report;
    expect(
      report.candidates.map((candidate) => [candidate.rule.all, candidate.events, candidate.issues]),
    ).toEqual([
      [['Error: quota exceeded for tenant'], 12, 2],
      [['Error: disk full on volume'], 5, 1],
    ]);
  });

  it.each([
    ['export.csv', 'id,title,count,status\n1,Error: x,3,ignored\n', /CSV, not a Sentry export/],
    [
      'page.json',
      '<!DOCTYPE html><html><head><title>Sign in</title></head></html>',
      /an HTML page \("Sign in"\), not a Sentry export/,
    ],
  ])('refuses %s, which is not Sentry JSON, saying what it looks like', async (name, text, message) => {
    const file = join(scratch, name);
    await writeFile(file, text);
    const out = join(scratch, `${name}.mjs`);
    const result = await runCli('suggest', file, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    await expect(stat(out)).rejects.toThrow();
  });

  it('reads issues without metadata by their title, and says so', async () => {
    const file = join(scratch, 'no-metadata.json');
    const issue = (id: string, title: string) => ({
      id,
      title,
      culprit: 'x',
      status: 'ignored',
      substatus: 'archived_forever',
      count: '2',
    });
    await writeFile(
      file,
      JSON.stringify([issue('1', 'Login required for user 12'), issue('2', 'Login required for user 99')]),
    );
    const result = await runCli('suggest', file, '--json');
    expect(result.stderr).toContain('2 issues have no metadata: read by their title instead');
    expect((JSON.parse(result.stdout) as Report).candidates[0]?.rule.all).toEqual([
      'Login required for user',
    ]);
  });
});
