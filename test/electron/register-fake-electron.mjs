// `node --import ./test/electron/register-fake-electron.mjs`: every `import 'electron'` gets the fake.
import { register } from 'node:module';

// @sentry/electron/main refuses to start without an Electron version.
process.versions.electron ??= '41.7.1';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const fake = ${JSON.stringify(new URL('./fake-electron.mjs', import.meta.url).href)};
      export async function resolve(specifier, context, next) {
        return specifier === 'electron' ? { url: fake, shortCircuit: true } : next(specifier, context);
      }
    `),
);
