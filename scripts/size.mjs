// What an app pays for importing this package in a browser: each import below is bundled from the built
// package (dist/, so run `npm run build` first) with esbuild, minified, `@sentry/core` left out (the app
// has it already), split the way app bundlers split dynamic imports, and gzipped. The first row is the
// budget the README promises; the command fails when it is exceeded.
//   npm run size              the table
//   npm run size -- --modules  also what each source module costs inside the integration's bundle
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** `import { expectedErrorsIntegration } from 'sentry-expected-errors'`, minified and gzipped. */
const INTEGRATION_LIMIT = 10 * 1024;

const CASES = [
  {
    name: "import { expectedErrorsIntegration } from 'sentry-expected-errors'",
    code: "export { expectedErrorsIntegration } from 'sentry-expected-errors';",
    limit: INTEGRATION_LIMIT,
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

/**
 * Bundles one import. Returns the gzipped size of what loads up front (the entry chunk and the chunks
 * it imports statically) and of what loads only on demand (chunks reached through `import()`).
 */
async function measure(code) {
  const outdir = mkdtempSync(join(tmpdir(), 'sentry-expected-errors-size-'));
  try {
    const result = await build({
      stdin: { contents: code, resolveDir: root, sourcefile: 'app.js' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      external: ['@sentry/core'],
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: root,
      // Resolve the package name through package.json `exports` (dist/), not tsconfig's `paths` (src/).
      tsconfigRaw: {},
    });
    const files = new Map(result.outputFiles.map((file) => [relative(outdir, file.path), file.contents]));
    const outputs = Object.fromEntries(
      Object.entries(result.metafile.outputs).map(([path, output]) => [
        relative(outdir, join(root, path)),
        output,
      ]),
    );
    const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
    const upFront = new Set();
    const visit = (path) => {
      if (upFront.has(path)) return;
      upFront.add(path);
      for (const imported of outputs[path].imports) {
        if (imported.kind === 'import-statement' && !imported.external)
          visit(relative(outdir, join(root, imported.path)));
      }
    };
    visit(entry);
    const sizeOf = (paths) => {
      const bytes = Buffer.concat(paths.map((path) => files.get(path)));
      return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    };
    const modules = new Map();
    for (const path of upFront) {
      for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
        modules.set(input, (modules.get(input) ?? 0) + bytesInOutput);
      }
    }
    return {
      upFront: sizeOf([...upFront]),
      onDemand: sizeOf([...files.keys()].filter((path) => path.endsWith('.js') && !upFront.has(path))),
      modules,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const kilobytes = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
let failed = false;
for (const { name, code, limit } of CASES) {
  const { upFront, onDemand, modules } = await measure(code);
  const verdict =
    limit === undefined
      ? ''
      : upFront.gzip <= limit
        ? `  ≤ ${kilobytes(limit)} ok`
        : `  > ${kilobytes(limit)} FAIL`;
  console.log(name);
  console.log(
    `  up front: ${kilobytes(upFront.minified)} minified, ${kilobytes(upFront.gzip)} gzip (${upFront.gzip} B)${verdict}`,
  );
  if (onDemand.minified > 0) {
    console.log(
      `  on demand (import()): ${kilobytes(onDemand.minified)} minified, ${kilobytes(onDemand.gzip)} gzip`,
    );
  }
  if (limit !== undefined && process.argv.includes('--modules')) {
    for (const [input, bytes] of [...modules].sort((left, right) => right[1] - left[1])) {
      if (bytes > 0) console.log(`    ${String(bytes).padStart(6)} B  ${input}`);
    }
  }
  if (limit !== undefined && upFront.gzip > limit) failed = true;
}
if (failed) {
  console.error(
    '\nThe integration grew past its size budget: see `npm run size -- --modules` for what it pulls in.',
  );
  process.exitCode = 1;
}
