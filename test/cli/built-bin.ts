import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPOSITORY } from '../helpers/spawn.js';
import type { CliResult } from './run-cli.js';

/**
 * The CLI built as it is published (`dist/cli/bin.js`, one bundle) into a scratch directory inside the
 * repository, so its dependencies resolve from `node_modules` and its `../../package.json` is a copy.
 */
export async function buildBin(): Promise<{ bin: string; remove: () => Promise<void> }> {
  const cache = join(REPOSITORY, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const root = await mkdtemp(join(cache, 'sentry-expected-errors-bin-'));
  await copyFile(join(REPOSITORY, 'package.json'), join(root, 'package.json'));
  // One bundle (the source's `#!` line is kept), packages resolved from node_modules as when published.
  await build({
    entryPoints: [join(REPOSITORY, 'src/cli/bin.ts')],
    outfile: join(root, 'dist', 'cli', 'bin.js'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node18',
    logLevel: 'error',
  });
  return {
    bin: join(root, 'dist', 'cli', 'bin.js'),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Runs the built bin with `node [...nodeArguments] bin ...args` from the repository root. */
export function runBin(
  bin: string,
  args: readonly string[],
  nodeArguments: readonly string[] = [],
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArguments, bin, ...args], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
