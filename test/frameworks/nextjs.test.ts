// Framework matrix, Next.js: an App Router app (test/frameworks/apps/nextjs) set up as Sentry's Next.js
// guide says (instrumentation.ts with `onRequestError = Sentry.captureRequestError`), built with
// `next build` and served by `next start` on loopback. Apart from frameworks.test.ts so the build's time
// shows on its own. The build output (.next/, gitignored) is reused while its inputs (the app, the
// shared scenario, the built package, the lockfile) are unchanged.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY } from '../helpers/spawn.js';
import { describeFramework } from './matrix.js';

const APP = join(REPOSITORY, 'test/frameworks/apps/nextjs');
const NEXT = join(REPOSITORY, 'node_modules/next/dist/bin/next');
const STAMP = join(APP, '.next/frameworks-inputs.sha256');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === '.next' || entry.name === 'node_modules' ? [] : filesUnder(path);
    // Next writes next-env.d.ts (gitignored) while it builds.
    return entry.name === 'next-env.d.ts' ? [] : [path];
  });
}

function inputsHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(APP),
    ...filesUnder(join(REPOSITORY, 'test/frameworks/apps/shared')),
    ...filesUnder(join(REPOSITORY, 'dist')),
    join(REPOSITORY, 'package-lock.json'),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

function build(): void {
  const inputs = inputsHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs) return;
  const started = Date.now();
  const result = spawnSync(process.execPath, [NEXT, 'build', APP], {
    cwd: REPOSITORY,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0)
    throw new Error(`next build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  writeFileSync(STAMP, inputs);
  process.stderr.write(`next build: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

build();

describeFramework({
  name: 'nextjs',
  command: (port) => ({
    file: process.execPath,
    args: [NEXT, 'start', APP, '-H', '127.0.0.1', '-p', String(port)],
  }),
  startTimeout: 30_000,
  ready: /Ready in|started server on/i,
});
