import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';

// DESIGN 0.3, "One @sentry/core": after `npm install sentry-expected-errors @sentry/node@<version>`, the app
// holds one copy of @sentry/core (the package declares it an optional peer), and the integration works with
// the SDK's own copy: metrics and the debug log. The package is packed from dist/ (built first when
// missing) and installed with real npm into a fresh app, beside an SDK version other than the one this
// repository develops against. ONE_CORE_TARBALL=<file.tgz> installs that tarball instead of packing.

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const SDK_VERSION = '11.11.0';
const INSTALL_TIMEOUT = 240_000;

/** The parent npm's own settings (npm_config_*, npm_package_*) are left out, so the child npm is a plain one. */
const environment: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !key.toLowerCase().startsWith('npm_') ||
      ['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig'].includes(key.toLowerCase()),
  ),
);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}
function run(
  command: string,
  args: string[],
  cwd: string,
  env = environment,
  timeout = INSTALL_TIMEOUT,
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: `${stderr}${error && code === 1 && !stderr ? String(error) : ''}` });
    });
  });
}

/** npm could not reach the registry, and the cache did not hold what was asked. */
function unreachable(output: string): boolean {
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|ENOTCACHED|network request to .* failed|request to .* failed, reason/i.test(
    output,
  );
}

/** Every installed copy of @sentry/core under `nodeModules`, nested ones included: `version` per path. */
function sentryCoreCopies(nodeModules: string): Array<{ path: string; version: string }> {
  const copies: Array<{ path: string; version: string }> = [];
  const visit = (directory: string): void => {
    if (!existsSync(directory)) return;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const packages = entry.name.startsWith('@')
        ? readdirSync(path.join(directory, entry.name), { withFileTypes: true })
            .filter((scoped) => scoped.isDirectory())
            .map((scoped) => path.join(directory, entry.name, scoped.name))
        : [path.join(directory, entry.name)];
      for (const packageDirectory of packages) {
        const manifest = path.join(packageDirectory, 'package.json');
        if (existsSync(manifest)) {
          const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
            name?: string;
            version: string;
          };
          if (name === '@sentry/core')
            copies.push({ path: path.relative(nodeModules, packageDirectory), version });
        }
        visit(path.join(packageDirectory, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return copies;
}

const APP_SCRIPT = `
import * as Sentry from '@sentry/node';
import { expectedErrorsIntegration } from 'sentry-expected-errors';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  debug: true,
  integrations: [
    expectedErrorsIntegration({
      rules: [{ id: 'gone', kind: 'message_not_found', action: 'drop', any: ['message not found'] }],
    }),
  ],
});
for (let index = 0; index < 3; index++) Sentry.captureException(new Error('message not found: #' + index));
Sentry.captureException(new Error('a real bug'));
// Decision counts reach the SDK's metric buffer on a flush, and go out on the next.
for (let flush = 0; flush < 3; flush++) await Sentry.flush(10_000);
`;

const BROWSER_APP = `
import * as Sentry from '@sentry/browser';
import { expectedErrorsIntegration } from 'sentry-expected-errors';

Sentry.init({
  dsn: 'https://public@o0.ingest.sentry.io/1',
  integrations: [expectedErrorsIntegration({ rules: [{ kind: 'gone', action: 'drop', any: ['message not found'] }] })],
});
`;

describe('one @sentry/core in an app that installs the package beside @sentry/node', () => {
  let scratch: string;
  let app: string;
  let installed: Run | undefined;
  let receiver: EnvelopeReceiver;

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'one-core-'));
    app = path.join(scratch, 'app');
    receiver = await startEnvelopeReceiver();
    let tarball = process.env.ONE_CORE_TARBALL;
    if (!tarball) {
      if (!existsSync(path.join(REPOSITORY, 'dist', 'index.js'))) {
        const built = await run(npm, ['run', 'build'], REPOSITORY);
        if (built.code !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
      }
      const packed = await run(npm, ['pack', '--json', '--pack-destination', scratch], REPOSITORY);
      if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
      const [pack] = JSON.parse(packed.stdout) as Array<{ filename: string }>;
      if (!pack) throw new Error(`npm pack printed no file:\n${packed.stdout}`);
      tarball = path.join(scratch, path.basename(pack.filename));
    }
    mkdirSync(app);
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify({ name: 'one-core-app', version: '1.0.0', private: true, type: 'module' }),
    );
    installed = await run(
      npm,
      [
        'install',
        path.resolve(tarball),
        `@sentry/node@${SDK_VERSION}`,
        `@sentry/browser@${SDK_VERSION}`,
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
      ],
      app,
    );
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(async () => {
    await receiver?.close();
    if (scratch && !process.env.ONE_CORE_KEEP) rmSync(scratch, { recursive: true, force: true });
  });

  /** The install worked, or the test is skipped (registry and cache unreachable, outside CI) or fails. */
  function requireInstall(skip: (note: string) => never): void {
    if (!installed) throw new Error('the install did not run');
    if (installed.code === 0) return;
    const output = `${installed.stdout}\n${installed.stderr}`;
    if (unreachable(output) && !process.env.CI) {
      skip(
        `npm could not reach the registry nor find @sentry/node@${SDK_VERSION} in its cache (CI would fail here)`,
      );
    }
    throw new Error(`npm install failed (exit ${installed.code}):\n${output}`);
  }

  it('installs exactly one @sentry/core, the SDK’s own', ({ skip }) => {
    requireInstall(skip);
    const copies = sentryCoreCopies(path.join(app, 'node_modules'));
    expect(copies).toEqual([{ path: path.join('@sentry', 'core'), version: SDK_VERSION }]);
    const manifest = JSON.parse(
      readFileSync(path.join(app, 'node_modules', 'sentry-expected-errors', 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    expect(manifest.dependencies?.['@sentry/core']).toBeUndefined();
  });

  it('works through the SDK’s copy: drops, counts decisions as metrics, logs through the debug logger', async ({
    skip,
  }) => {
    requireInstall(skip);
    writeFileSync(path.join(app, 'app.mjs'), APP_SCRIPT);
    const result = await run(
      process.execPath,
      ['app.mjs'],
      app,
      {
        ...environment,
        SENTRY_DSN: receiver.dsn,
        no_proxy: '127.0.0.1,localhost',
        NO_PROXY: '127.0.0.1,localhost',
      },
      60_000,
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.code, output).toBe(0);

    const events = receiver.itemsOf('event') as Array<{ exception?: { values?: Array<{ value?: string }> } }>;
    expect(events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual(['a real bug']);

    const metrics = (receiver.itemsOf('trace_metric') as Array<{ items: Array<Record<string, unknown>> }>)
      .flatMap((payload) => payload.items)
      .filter((item) => item.name === 'expected_error.events');
    expect(metrics.length, output).toBeGreaterThan(0);
    const dropped = metrics
      .filter((item) => (item.attributes as Record<string, { value: unknown }>).action?.value === 'drop')
      .reduce((total, item) => total + (item.value as number), 0);
    expect(dropped).toBe(3);

    const lines = output.split('\n').filter((line) => line.includes('[ExpectedErrors]'));
    expect(lines.length, output).toBeGreaterThan(0);
    expect(
      lines.some((line) => line.includes('Dropped event') && line.includes('rule "gone"')),
      output,
    ).toBe(true);
  }, 90_000);

  it('a Vite production build of a browser app holds one copy of @sentry/core', async ({ skip }) => {
    requireInstall(skip);
    writeFileSync(
      path.join(app, 'index.html'),
      '<!doctype html><script type="module" src="./main.js"></script>',
    );
    writeFileSync(path.join(app, 'main.js'), BROWSER_APP);
    const { build } = await import('vite');
    const outDir = path.join(scratch, 'web');
    await build({ root: app, logLevel: 'silent', configFile: false, build: { outDir, emptyOutDir: true } });
    const bundle = readdirSync(path.join(outDir, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(path.join(outDir, 'assets', name), 'utf8'))
      .join('\n');
    // The SDK's core is in once (its notifyEventProcessors log line; the bundler keeps it)…
    expect(bundle.match(/Event processor "/g) ?? []).toHaveLength(1);
    // …and no other: a second copy is tree-shaken down to what the package calls, but brings its own
    // SDK_VERSION literal (the carrier key; the bundler may inline it in several places). One version only.
    const versions = new Set(bundle.match(/(?<=[`"'])1[01]\.\d+\.\d+(?=[`"'])/g) ?? []);
    expect([...versions]).toEqual([SDK_VERSION]);
    // The package's code is in the bundle (tree-shaking kept the integration).
    expect(bundle).toContain('ExpectedErrors');
  }, 120_000);
});
