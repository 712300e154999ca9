import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRecordedEvent } from '../../../src/cli/decide-event.js';
import { createClassifier } from '../../../src/index.js';
import type { Rule } from '../../../src/rules/types.js';
import { REPOSITORY, runCli } from '../run-cli.js';
import { recordedCases, type TeamExport, teamExport } from './team-export.js';

/** Variants per recorded case: half go to `suggest`, half are held back. */
const VARIANTS = 8;

let scratch: string;
let exported: TeamExport;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-proof-'));
  exported = teamExport(recordedCases(REPOSITORY), VARIANTS);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Runs `suggest` on a directory holding `files`, writes the rules, and classifies the held-back half with them. */
async function proof(name: string, files: Record<string, string>) {
  const directory = join(scratch, name);
  await rm(directory, { recursive: true, force: true });
  await import('node:fs/promises').then(({ mkdir }) => mkdir(directory, { recursive: true }));
  for (const [file, text] of Object.entries(files)) await writeFile(join(directory, file), text);
  const out = join(scratch, `${name}-rules.mjs`);
  const suggested = await runCli('suggest', directory, '--out', out);
  expect(suggested.code, suggested.stderr).toBe(0);
  const check = await runCli('check', '--rules', out);
  const { rules } = (await import(pathToFileURL(out).href)) as { rules: Rule[] };
  const classifier = createClassifier({ rules });
  let falseDemotions = 0;
  let expected = 0;
  let claimed = 0;
  const demotedWrongly: string[] = [];
  for (const held of exported.heldBack) {
    const { outcome } = decideRecordedEvent(held.event, classifier);
    if (held.expected) {
      expected++;
      if (outcome !== 'pass') claimed++;
    } else if (outcome !== 'pass') {
      falseDemotions++;
      demotedWrongly.push(held.name);
    }
  }
  return {
    rules: rules.length,
    check,
    falseDemotions,
    demotedWrongly,
    expected,
    claimed,
    share: claimed / expected,
  };
}

const jsonLines = (values: readonly unknown[]) =>
  `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;

describe('suggest, proven on the recorded corpora', () => {
  it('demotes none of the held-back counter-examples and claims ≥ 80 % of the held-back expected events (issues + events)', async () => {
    const figures = await proof('issues-and-events', {
      'issues.json': JSON.stringify(exported.issues),
      'events.jsonl': jsonLines(exported.events),
    });
    process.stdout.write(
      `suggest proof (issues + events): ${figures.rules} rules; held back: ${figures.falseDemotions} false demotions, ${figures.claimed}/${figures.expected} expected events claimed (${(figures.share * 100).toFixed(1)} %)\n`,
    );
    expect(figures.check.code, figures.check.stdout).toBe(0);
    expect(figures.demotedWrongly).toEqual([]);
    expect(figures.falseDemotions).toBe(0);
    expect(figures.share).toBeGreaterThanOrEqual(0.8);
  });

  it('claims ≥ 80 % from the archived issues alone; what it wrongly demotes differs only outside the issue title', async () => {
    const figures = await proof('issues-only', { 'issues.json': JSON.stringify(exported.issues) });
    process.stdout.write(
      `suggest proof (issues only): ${figures.rules} rules; held back: ${figures.falseDemotions} false demotions, ${figures.claimed}/${figures.expected} expected events claimed (${(figures.share * 100).toFixed(1)} %)${figures.demotedWrongly.length > 0 ? `; wrongly demoted: ${[...new Set(figures.demotedWrongly)].join(', ')}` : ''}\n`,
    );
    expect(figures.check.code, figures.check.stdout).toBe(0);
    expect(figures.share).toBeGreaterThanOrEqual(0.8);
    // An issue carries only its title (the outermost exception): a counter-example whose difference is in
    // the cause chain or a structured status cannot be told apart from it. Pinned, so a change shows.
    expect(figures.falseDemotions).toBeLessThanOrEqual(4);
  });
});
