import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../../src/cli/load-rules.js';
import { createClassifier, RuleConfigError } from '../../src/index.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'load-rules-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const jsonFile = async (name: string, content: unknown): Promise<string> => {
  const path = join(scratch, name);
  await writeFile(path, JSON.stringify(content));
  return path;
};

describe('loadRules (JSON files, through rulesFromJson)', () => {
  it('reads `{ "rules": [...] }` with JSON patterns and upstream conditions', async () => {
    const path = await jsonFile('ok.json', {
      rules: [
        { id: 'p', kind: 'k', action: 'drop', pattern: { source: '^quota \\d+%', flags: 'i' } },
        { id: 'u', kind: 'transient', action: 'drop', upstream: { type: 'overloaded', retryable: true } },
      ],
    });
    const rules = await loadRules(path);
    expect(createClassifier({ rules }).classify({ message: 'QUOTA 95%' })?.rule).toBe('p');
  });

  it('refuses a malformed file with one RuleConfigError listing every problem', async () => {
    expect.hasAssertions();
    const path = await jsonFile('bad.json', [
      { id: 'a', kind: 'k', action: 'drop', pattern: '^Error' },
      { id: 'b', kind: 'k', action: 'drop', upstream: { type: 'slow' } },
    ]);
    await loadRules(path).catch((error: unknown) => {
      expect(RuleConfigError.isInstance(error)).toBe(true);
      const problems = (error as RuleConfigError).problems;
      expect(problems.map((problem) => `${problem.index}:${problem.field}`)).toEqual([
        '0:pattern',
        '1:upstream.type',
      ]);
      expect((error as RuleConfigError).message).toMatch(/JSON has no RegExp\) \(and 1 more\)$/);
    });
  });
});
