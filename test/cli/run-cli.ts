import { type Finished, runTypeScript } from '../helpers/spawn.js';

export { REPOSITORY } from '../helpers/spawn.js';

/** Runs the CLI's real entry point (`src/cli/bin.ts`) with `args`, as `npx sentry-expected-errors` would. */
export function runCli(...args: string[]): Promise<Finished> {
  return runTypeScript('src/cli/bin.ts', args);
}

/** `runCli` with extra environment variables, e.g. `NODE_OPTIONS`. */
export function runCliWith(environment: NodeJS.ProcessEnv, ...args: string[]): Promise<Finished> {
  return runTypeScript('src/cli/bin.ts', args, { environment });
}

/** The bundled sample corpus and the example rule pack, relative to the repository root. */
export const SAMPLE = {
  corpus: 'examples/recorded',
  rules: 'examples/recorded/rules.mjs',
  expectations: 'examples/recorded/expected.json',
} as const;
