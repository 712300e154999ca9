import { main } from '../../src/cli/main.js';
import type { OutputStream } from '../../src/cli/output.js';

export { REPOSITORY } from '../helpers/spawn.js';

/** How a CLI run ended. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that collects what is written, shaped like a pipe (not a terminal). */
export function collectingStream(): OutputStream & { text: string } {
  const stream = {
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

/** Runs the CLI in this process with `args`, as `npx sentry-expected-errors` would with piped output. */
export async function runCli(...args: string[]): Promise<CliResult> {
  const stdout = collectingStream();
  const stderr = collectingStream();
  const code = await main(args, { stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The bundled sample corpus and the example rule pack, relative to the repository root. */
export const SAMPLE = {
  corpus: 'examples/recorded',
  rules: 'examples/recorded/rules.mjs',
  expectations: 'examples/recorded/expected.json',
} as const;
