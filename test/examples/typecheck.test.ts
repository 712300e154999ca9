import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPOSITORY } from '../helpers/spawn.js';

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** `tsc -p <project>`: resolves with its output, whether it passes or fails. */
async function typecheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, '-p', project], { cwd: REPOSITORY });
    return { code: 0, output: stdout };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    return { code: failure.code ?? 1, output: failure.stdout ?? String(error) };
  }
}

describe('examples', () => {
  it('typecheck: node, tauri-sidecar, demo and recorded with examples/tsconfig.json, electron-main with its own', async () => {
    const [all, electron] = await Promise.all([typecheck('examples'), typecheck('examples/electron-main')]);

    expect(all).toEqual({ code: 0, output: '' });
    expect(electron).toEqual({ code: 0, output: '' });
  }, 120_000);
});
