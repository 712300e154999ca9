import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// SENTRY_MAJOR=9 or 10 runs the suite against that major of @sentry/node and @sentry/core (installed
// under npm aliases), so the peer range the package declares is the range it is tested on.
const major = process.env.SENTRY_MAJOR;
const sentryAliases =
  major === '9' || major === '10'
    ? { '@sentry/node': `@sentry/node-v${major}`, '@sentry/core': `@sentry/core-v${major}` }
    : {};

export default defineConfig({
  resolve: {
    alias: {
      // Examples import the package by name, as an app would; tests run them against the source.
      'sentry-expected-errors': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      ...sentryAliases,
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 20_000,
    // The SDK's debug logger (`Sentry Logger [log]: …`), on in the tests of `debug: true` and left on by
    // the SDK for the rest of their file, is not shown. Tests that read it capture it themselves (a spy on
    // `debug.log`, or `console.warn` swapped in the test) before it reaches this filter.
    onConsoleLog: (log) => !log.startsWith('Sentry Logger ['),
  },
});
