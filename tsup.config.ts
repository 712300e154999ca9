import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Options } from 'tsup';

// One build for the package: every module of src/ as a file of its own, in ESM (`.js`) and CommonJS
// (`.cjs`), so an app's bundler keeps only the modules a setup reaches (`sideEffects: false`), as Sentry's
// own builds do (`preserveModules`); `.d.ts` / `.d.cts` for the root, `/upstream`, `/user-facing` and
// `/replay`; the CLI's bin. Nothing is loaded later: the runtime holds no `import()`
// (test/build/no-import.test.ts reads the built files).

/** Every `.ts` file under `directory`, recursively. */
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Keeps every relative import an import of the sibling output file, renamed to `extension`: esbuild only
 * rewrites paths while bundling, so each module is bundled with everything else external.
 */
const preserveModules = (extension: string): NonNullable<Options['esbuildPlugins']>[number] => ({
  name: 'preserve-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.js$/, extension), external: true };
    });
  },
});

const modules = sourceFiles('src');
const shared: Options = {
  entry: modules,
  outDir: 'dist',
  // The entry paths keep their folders under dist/.
  external: ['@sentry/core'],
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  splitting: false,
  treeshake: false,
};
const declarations = {
  entry: {
    index: 'src/index.ts',
    'upstream/index': 'src/upstream/index.ts',
    'user-facing/index': 'src/user-facing/index.ts',
    replay: 'src/replay.ts',
  },
};

export default defineConfig([
  {
    ...shared,
    format: 'esm',
    esbuildPlugins: [preserveModules('.js')],
    dts: declarations,
    clean: true,
  },
  {
    ...shared,
    // The bin is ESM only (a `.js` file run by node).
    entry: modules.filter((module) => module !== join('src', 'cli', 'bin.ts')),
    format: 'cjs',
    esbuildPlugins: [preserveModules('.cjs')],
    // The replay's worker finds its own file through `import.meta.url`, also from CommonJS.
    shims: true,
    dts: declarations,
  },
]);
