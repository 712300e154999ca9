// Builds dist/ with one output file per source module, so that an app's bundler keeps only the modules
// it reaches (the way Sentry's own packages ship with `preserveModules`):
//   dist/**/*.js     ESM, every module under src/ (the CLI included; `dist/cli/bin.js` is the bin)
//   dist/**/*.cjs    CommonJS, every module but the bin, requiring each other as `.cjs` (the Node-only
//                    replay API and the CLI modules it runs get `import.meta.url` from `__filename`)
//   dist/**/*.d.ts   declarations (tsc), and `.d.cts` copies that import `.cjs` paths
// Run as `npm run build`.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'src');
const output = join(root, 'dist');

/** Every `.ts` file under `directory`, recursively. */
function sourceFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Each file is its own entry point; every relative import stays an import of the sibling output file
 * (renamed to `extension`), and packages stay imports of the package. esbuild only rewrites paths
 * while bundling, hence `bundle: true` with everything external.
 */
function preserveModules(extension) {
  return {
    name: 'preserve-modules',
    setup(plugin) {
      plugin.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        return { path: args.path.replace(/\.js$/, extension), external: true };
      });
    },
  };
}

const allModules = sourceFiles(source);
/** Node-only: the replay API (`sentry-expected-errors/replay`) and the CLI modules, but the bin. */
const isNodeOnly = (file) => {
  const path = relative(source, file);
  return path === 'replay.ts' || (path.startsWith('cli') && path !== join('cli', 'bin.ts'));
};
const libraryModules = allModules.filter(
  (file) => !relative(source, file).startsWith('cli') && !isNodeOnly(file),
);
const nodeOnlyModules = allModules.filter(isNodeOnly);
const shared = {
  bundle: true,
  packages: 'external',
  outbase: source,
  outdir: output,
  platform: 'neutral',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
};

rmSync(output, { recursive: true, force: true });
await Promise.all([
  build({ ...shared, entryPoints: allModules, format: 'esm', plugins: [preserveModules('.js')] }),
  build({
    ...shared,
    entryPoints: libraryModules,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // `import()` of a sibling module becomes `require` of its `.cjs` file, which every CommonJS loader
    // (Jest, older bundlers) understands.
    supported: { 'dynamic-import': false },
    plugins: [preserveModules('.cjs')],
  }),
  build({
    ...shared,
    entryPoints: nodeOnlyModules,
    platform: 'node',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    supported: { 'dynamic-import': false },
    // CommonJS has no `import.meta`: the worker pool finds its own file, and the CLI its package.json,
    // through this.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [preserveModules('.cjs')],
  }),
]);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const file of sourceFiles(output).filter((path) => path.endsWith('.d.ts'))) {
  if (relative(output, file) === join('cli', 'bin.d.ts')) continue;
  const declarations = readFileSync(file, 'utf8').replace(
    /(from\s+|import\()(['"])(\.\.?\/[^'"]*)\.js\2/g,
    '$1$2$3.cjs$2',
  );
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), declarations);
}
