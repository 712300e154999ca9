import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBin, runBin } from './built-bin.js';

// End to end: the bundle users run (`npx sentry-expected-errors`), started as a process. Every other CLI
// test runs `main` in process.
let built: Awaited<ReturnType<typeof buildBin>>;
let scratch: string;
let rules: string;
let large: string;
beforeAll(async () => {
  [built, scratch] = await Promise.all([buildBin(), mkdtemp(join(tmpdir(), 'sentry-expected-errors-bin-'))]);
  // JSON rules: the bundle is tested without the package root being built.
  rules = join(scratch, 'rules.json');
  await writeFile(
    rules,
    JSON.stringify([
      { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'] },
    ]),
  );
  large = join(scratch, 'large.jsonl');
  const file = createWriteStream(large);
  const padding = 'x'.repeat(4_000);
  for (let index = 0; index < 20_000; index++) {
    const value = `${index % 2 === 0 ? 'jwt expired' : 'boom'} ${padding}`;
    file.write(
      `${JSON.stringify({ event_id: String(index).padStart(32, '0'), exception: { values: [{ type: 'Error', value }] } })}\n`,
    );
  }
  await new Promise((resolve) => file.end(resolve));
}, 120_000);
afterAll(async () => {
  await Promise.all([built?.remove(), rm(scratch, { recursive: true, force: true })]);
});

describe('the built sentry-expected-errors bin', { timeout: 120_000 }, () => {
  it('prints its version from the package manifest', async () => {
    const result = await runBin(built.bin, ['--version']);

    const manifest = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(result).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('streams a JSON Lines file twice the size of its heap on two worker threads, rows in input order', async () => {
    // 80 MB of JSON Lines against a 40 MB heap: reading the file whole would run out of memory.
    const [parallel, serial] = await Promise.all([
      runBin(built.bin, ['replay', large, '--rules', rules, '--jobs', '2'], ['--max-old-space-size=40']),
      runBin(built.bin, ['replay', large, '--rules', rules, '--jobs', '1'], ['--max-old-space-size=40']),
    ]);

    expect(parallel.stderr).toBe('');
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toContain('20000 events in 1 file\n');
    expect(parallel.stdout).toMatch(/^ {2}session_expired\s+10000\s+10000\s+50\.0%$/m);
    const rows = parallel.stdout.split('\n').filter((line) => /^\s+\d+\s+(?:pass|breadcrumb)\s/.test(line));
    expect(rows).toHaveLength(20_000);
    expect(rows.map((row) => Number(row.trim().split(/\s+/, 1)[0]))).toEqual([...Array(20_000).keys()]);
    expect(rows[19_999]).toMatch(/^\s+19999\s+pass\s+-\s+-\s+00000000\s+Error: boom\b/);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  it('exits 2 with one line on stderr for a missing input', async () => {
    const result = await runBin(built.bin, ['replay', join(scratch, 'missing.jsonl'), '--rules', rules]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `sentry-expected-errors: ${join(scratch, 'missing.jsonl')}: no such file or directory\n`,
    );
  });
});
