// What an app pays for importing this package in a browser: each import below is bundled from the built
// package (dist/, so run `npm run build` first) with esbuild, minified, `@sentry/core` left out (the app
// has it already), with what sits behind `import()` measured apart (app bundlers put it in a chunk of its
// own), and gzipped. The command fails when the integration alone grows past the budget DESIGN sets (10 KB
// gzip), or when a module package.json `browser` leaves out of browser bundles is in it.
// It assumes the default build an app gets: no `__SENTRY_DEBUG__` defined (this package has no
// debug-only code to strip; its debug log lines are silent unless `debug: true`, and they are kept).
// A last row runs the setup the README recommends (`recommendedRules()`) and adds up what it downloads:
// up front, the chunks its rules make it fetch at once, and those the first decision and first demotion
// fetch.
//   npm run size              the table
//   npm run size -- --modules  also what each source module costs inside the integration's bundle
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** DESIGN's budget for `import { expectedErrorsIntegration } from 'sentry-expected-errors'`, gzipped. */
const INTEGRATION_BUDGET = 10 * 1024;

const CASES = [
  // Nothing used, nothing kept: no side effects at load (`sideEffects: false`, and `/* @__PURE__ */` on
  // the one top-level call). This limit is on the minified bytes.
  {
    name: "import 'sentry-expected-errors' (nothing used)",
    code: "import 'sentry-expected-errors';",
    limit: { minified: 0 },
  },
  {
    name: "import { expectedErrorsIntegration } from 'sentry-expected-errors'",
    code: "export { expectedErrorsIntegration } from 'sentry-expected-errors';",
    limit: { gzip: INTEGRATION_BUDGET },
    // Modules only a Node or Electron main process needs, swapped by package.json `browser`: checked below.
    swapped: true,
  },
  {
    name: "import * from 'sentry-expected-errors' (the whole index)",
    code: "export * from 'sentry-expected-errors';",
  },
  {
    name: "import * from 'sentry-expected-errors/upstream'",
    code: "export * from 'sentry-expected-errors/upstream';",
  },
  {
    name: "import * from 'sentry-expected-errors/user-facing'",
    code: "export * from 'sentry-expected-errors/user-facing';",
  },
];

/** esbuild options shared by every measurement: a browser app's production bundle. */
const BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  external: ['@sentry/core'],
  write: false,
  metafile: true,
  logLevel: 'silent',
  absWorkingDir: root,
  // Resolve the package name through package.json `exports` (dist/), not tsconfig's `paths` (src/).
  tsconfigRaw: {},
};

/**
 * The file an `import()` refers to, resolved as esbuild would (asking again with a marker, so the plugin
 * that asks is not asked back); `undefined` for any other kind of import.
 */
async function resolveDynamicImport(plugin, args) {
  if (args.kind !== 'dynamic-import' || args.pluginData === 'resolving') return undefined;
  const resolved = await plugin.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    pluginData: 'resolving',
  });
  return resolved.path;
}

/**
 * Leaves every `import()` out of the bundle and notes what it loads: an app's bundler puts such a module
 * in a chunk of its own, downloaded only when the code asks for it.
 */
function onDemand(lazyModules) {
  return {
    name: 'on-demand',
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, async (args) => {
        const resolved = await resolveDynamicImport(plugin, args);
        if (resolved === undefined) return undefined;
        lazyModules.set(args.path, resolved);
        return { path: args.path, external: true };
      });
    },
  };
}

const sizeOf = (bytes) => ({ minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/**
 * Bundles one import. Returns the gzipped size of what loads up front (everything reached by static
 * imports, tree-shaken), what each module contributes to it, and the size of what loads on demand
 * (each module reached through `import()`, bundled on its own).
 */
async function measure(code) {
  const lazyModules = new Map();
  const result = await build({
    ...BUNDLE,
    stdin: { contents: code, resolveDir: root, sourcefile: 'app.js' },
    outfile: 'app.js',
    plugins: [onDemand(lazyModules)],
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = new Map(
    Object.entries(output.inputs).map(([input, { bytesInOutput }]) => [input, bytesInOutput]),
  );
  // Only the `import()`s that survived tree-shaking: the ones the bundled code can still run.
  const kept = output.imports.filter((imported) => imported.kind === 'dynamic-import');
  const lazy = await Promise.all(
    kept.map(async ({ path: specifier }) => {
      const path = lazyModules.get(specifier);
      const chunk = await build({ ...BUNDLE, entryPoints: [path], outfile: 'chunk.js' });
      return { path: relative(root, path), ...sizeOf(chunk.outputFiles[0].contents) };
    }),
  );
  return { upFront: sizeOf(result.outputFiles[0].contents), lazy, modules };
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
console.log(
  'esbuild, minified, platform browser, @sentry/core external, gzip -9; no flag defined (__SENTRY_DEBUG__ left as an app gets it)\n',
);
/** package.json `browser`: each module only a Node or Electron main process needs → its browser stand-in. */
const BROWSER_SWAPS = Object.entries(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).browser)
  .filter(([module]) => module.endsWith('.js'))
  .map(([module, standIn]) => [module.slice(2), standIn.slice(2)]);

let failed = false;
for (const { name, code, limit, swapped } of CASES) {
  const { upFront, lazy, modules } = await measure(code);
  const [unit, maximum] = limit === undefined ? [] : Object.entries(limit)[0];
  const over = limit !== undefined && upFront[unit] > maximum;
  const verdict =
    limit === undefined
      ? ''
      : `  ${over ? '>' : '≤'} ${kilobytes(maximum)} ${unit}: ${over ? 'FAIL' : 'ok'}${
          unit === 'gzip'
            ? ` (${kilobytes(Math.abs(maximum - upFront[unit]))} ${over ? 'over' : 'to spare'})`
            : ''
        }`;
  console.log(name);
  console.log(
    `  up front: ${kilobytes(upFront.minified)} minified, ${kilobytes(upFront.gzip)} gzip (${upFront.gzip} B)${verdict}`,
  );
  for (const chunk of lazy) {
    console.log(
      `  on demand, import('${chunk.path}'): ${kilobytes(chunk.minified)} minified, ${kilobytes(chunk.gzip)} gzip (bundled with everything it imports)`,
    );
  }
  if (unit === 'gzip' && process.argv.includes('--modules')) {
    for (const [input, bytes] of [...modules].sort((left, right) => right[1] - left[1])) {
      if (bytes > 0) console.log(`    ${String(bytes).padStart(6)} B  ${input}`);
    }
  }
  if (swapped) {
    // The same import bundled for Node keeps each module the browser build leaves out.
    const forNode = await build({
      ...BUNDLE,
      platform: 'node',
      stdin: { contents: code, resolveDir: root, sourcefile: 'app.js' },
      outfile: 'app.js',
      plugins: [onDemand(new Map())],
    });
    const nodeInputs = Object.values(forNode.metafile.outputs)[0].inputs;
    for (const [module, standIn] of BROWSER_SWAPS) {
      const ok = !modules.has(module) && Object.hasOwn(nodeInputs, module);
      console.log(
        `  ${module}: left out (package.json browser: ${standIn}), kept for Node: ${ok ? 'ok' : 'FAIL'}`,
      );
      if (!ok) failed = true;
    }
  }
  if (over) failed = true;
}
/**
 * Runs the recommended setup in Node (as a page: with a `document`) from the built package, with every
 * `import()` recorded, and returns the modules it loads at construction and `setup`, and at its first
 * decision (a demotion).
 */
async function recommendedSetupLoads() {
  const probeSetup = `
    import { expectedErrorsIntegration, recommendedRules } from 'sentry-expected-errors';
    const loaded = (globalThis.__sizeProbe = []);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    const client = { getOptions: () => ({}), on() {}, emit() {} };
    const integration = expectedErrorsIntegration({ rules: recommendedRules(), metrics: false });
    // As in a page: where there is no document the integration loads everything a decision needs at setup.
    globalThis.document = {};
    integration.setup(client);
    delete globalThis.document;
    await settle();
    const atInit = [...loaded];
    // A transient upstream error: the recommended rules demote it.
    const event = { exception: { values: [{ type: 'Error', value: 'OpenAI API error (429 Too Many Requests)' }] } };
    if ((await integration.processEvent(event, {}, client)) !== null) throw new Error('the probe event was not demoted');
    export default { atInit, atDemotion: loaded.slice(atInit.length) };
  `;
  const result = await build({
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
    tsconfigRaw: {},
    external: ['@sentry/core'],
    stdin: { contents: probeSetup, resolveDir: root, sourcefile: 'probe.js' },
    plugins: [
      {
        name: 'record-imports',
        setup(plugin) {
          plugin.onResolve({ filter: /.*/ }, async (args) => {
            const resolved = await resolveDynamicImport(plugin, args);
            return resolved === undefined ? undefined : { path: resolved, namespace: 'recorded' };
          });
          plugin.onLoad({ filter: /.*/, namespace: 'recorded' }, (args) => ({
            contents: `globalThis.__sizeProbe.push(${JSON.stringify(relative(root, args.path))});
                export * from ${JSON.stringify(args.path)};`,
            resolveDir: root,
          }));
        },
      },
    ],
  });
  // The import() targets are bundled in: each one's wrapper records the load when it is evaluated. Written
  // inside node_modules so that `@sentry/core` resolves from this package.
  const file = join(root, 'node_modules', '.size-probe.mjs');
  writeFileSync(file, result.outputFiles[0].contents);
  try {
    return (await import(pathToFileURL(file).href)).default;
  } finally {
    rmSync(file);
  }
}

/** The size of one bundle of `code` and the modules `chunks` (the rest of what `import()` loads left out). */
async function together(code, chunks) {
  const contents = `${code}\n${chunks.map((chunk, index) => `export * as chunk${index} from './${chunk}';`).join('\n')}`;
  const result = await build({
    ...BUNDLE,
    stdin: { contents, resolveDir: root, sourcefile: 'app.js' },
    outfile: 'app.js',
    plugins: [onDemand(new Map())],
  });
  return sizeOf(result.outputFiles[0].contents);
}

{
  const code = "export { expectedErrorsIntegration, recommendedRules } from 'sentry-expected-errors';";
  const { atInit, atDemotion } = await recommendedSetupLoads();
  const upFront = await together(code, []);
  const init = await together(code, atInit);
  const demotion = await together(code, [...atInit, ...atDemotion]);
  const line = (label, size, chunks) =>
    console.log(
      `  ${label}: ${kilobytes(size.minified)} minified, ${kilobytes(size.gzip)} gzip (${size.gzip} B)${
        chunks.length > 0 ? ` — adds ${chunks.map((chunk) => `import('${chunk}')`).join(', ')}` : ''
      }`,
    );
  console.log('the recommended setup: expectedErrorsIntegration({ rules: recommendedRules() })');
  line('up front (integration and recommendedRules)', upFront, []);
  line('in all once set up (what it fetches at once)', init, atInit);
  line('in all after its first decision (a demotion)', demotion, atDemotion);
  console.log('  (one bundle per line, shared modules counted once; separate chunks gzip a little larger)');
}

if (failed) {
  console.error('\nOver a size budget: `npm run size -- --modules` shows what the integration pulls in.');
  process.exitCode = 1;
}
