import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPOSITORY } from './helpers/spawn.js';

/**
 * The framework apps and the install test run the BUILT package, as an app installed from npm would:
 * `npm test` on a fresh checkout builds it first (CI and `npm run replay` have built it already).
 */
export default function buildOnce(): void {
  if (existsSync(join(REPOSITORY, 'dist', 'index.js'))) return;
  const tsup = createRequire(import.meta.url).resolve('tsup/dist/cli-default.js');
  execFileSync(process.execPath, [tsup], { cwd: REPOSITORY, stdio: 'inherit' });
}
