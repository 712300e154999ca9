import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../tsup.config.js';
import { REPOSITORY } from '../helpers/spawn.js';

let output: string;

beforeAll(async () => {
  const cache = join(REPOSITORY, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  output = await mkdtemp(join(cache, 'no-import-'));
  const builds = (Array.isArray(config) ? config : [config]) as Options[];
  // The package's own build, into a scratch directory, without declarations.
  for (const options of builds) {
    await build({ ...options, outDir: output, dts: false, clean: false, silent: true, sourcemap: false });
  }
}, 120_000);

afterAll(async () => {
  await rm(output, { recursive: true, force: true });
});

/** Every built file an entry reaches through its relative imports (ESM `from`) or requires (CJS). */
async function reached(entry: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const text = await readFile(file, 'utf8');
    files.set(file, text);
    for (const match of text.matchAll(/(?:from\s*|require\()["'](\.\.?\/[^"']+)["']/g)) {
      await visit(resolve(dirname(file), match[1] as string));
    }
  };
  await visit(join(output, entry));
  return files;
}

describe('the built runtime', () => {
  it.each([
    'index.js',
    'index.cjs',
    'upstream/index.js',
    'upstream/index.cjs',
    'user-facing/index.js',
    'user-facing/index.cjs',
  ])('%s reaches no import(): nothing is loaded later', async (entry) => {
    const files = await reached(entry);
    expect(files.size).toBeGreaterThan(entry.startsWith('index') ? 40 : 5);
    const withImport = [...files].filter(([, text]) => /\bimport\s*\(/.test(text)).map(([file]) => file);
    expect(withImport).toEqual([]);
  });

  it('would see one: the CLI loads a rules module the user names with import()', async () => {
    const files = await reached('cli/bin.js');
    expect([...files.values()].some((text) => /\bimport\s*\(/.test(text))).toBe(true);
  });
});
