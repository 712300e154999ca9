// What an app pays for this package in a browser, measured the way Sentry's size-limit measures its own:
// a real app — `@sentry/browser` `init` plus the setup below — built by Vite for production from the built
// package (dist/, so run `npm run build` first), every JS file the build emits counted (the package loads
// nothing later, so that is every file the page ever loads), gzipped, minus the same app without the
// integration.
//   npm run size            the table; fails when a setup grows past its ceiling
//   npm run size -- --json  the figures as JSON (the bench reads them)
//   npm run size -- --modules  also, per setup, what each of the package's modules weighs in it: the
//                           package's modules as the app's build rendered them, each minified, put together
//                           in the build's order and gzipped; a module's weight is how much smaller that
//                           gzip is without it (so what it shares with the others counts for none of them,
//                           and the weights sum to a little less than the figure above them)
// DESIGN's budgets (sessionExpiredRules() ≤ 10 KB, recommendedRules() ≤ 15 KB) are printed beside the
// figures; the ceilings CI enforces are the figures measured at the last change, so that no change makes
// the package heavier unnoticed while the budgets are not yet met.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = join(root, '.size');
const DSN = "'https://public@o0.ingest.sentry.io/0'";
const KB = 1024;
const byModule = process.argv.includes('--modules');

const app = (imports, integrations) =>
  `import * as Sentry from '@sentry/browser';\n${imports}\nSentry.init({ dsn: ${DSN}${integrations ? `, integrations: [${integrations}]` : ''} });\n`;

/** Each setup: its app, DESIGN's budget and the ceiling CI enforces (added gzip bytes). */
const SETUPS = [
  {
    name: "import 'sentry-expected-errors' (nothing used)",
    code: app("import 'sentry-expected-errors';"),
    ceiling: 0,
  },
  {
    name: 'eventFiltersIntegration with 10 strings (for comparison)',
    code: app(
      '',
      `Sentry.eventFiltersIntegration({ ignoreErrors: [${Array.from({ length: 10 }, (_, index) => `'expected ${index}'`).join(', ')}] })`,
    ),
  },
  {
    name: 'expectedErrorsIntegration() without rules',
    code: app(
      "import { expectedErrorsIntegration } from 'sentry-expected-errors';",
      'expectedErrorsIntegration()',
    ),
    ceiling: 21.6 * KB,
  },
  {
    name: 'expectedErrorsIntegration({ rules: sessionExpiredRules() })',
    code: app(
      "import { expectedErrorsIntegration, sessionExpiredRules } from 'sentry-expected-errors';",
      'expectedErrorsIntegration({ rules: sessionExpiredRules() })',
    ),
    budget: 10 * KB,
    ceiling: 21.9 * KB,
  },
  {
    name: 'expectedErrorsIntegration({ rules: recommendedRules() })',
    code: app(
      "import { expectedErrorsIntegration, recommendedRules } from 'sentry-expected-errors';",
      'expectedErrorsIntegration({ rules: recommendedRules() })',
    ),
    budget: 15 * KB,
    ceiling: 41.1 * KB,
  },
  {
    name: 'the same, debug messages stripped (`__SENTRY_DEBUG__: false` in both apps, as Sentry documents)',
    code: app(
      "import { expectedErrorsIntegration, recommendedRules } from 'sentry-expected-errors';",
      'expectedErrorsIntegration({ rules: recommendedRules() })',
    ),
    define: { __SENTRY_DEBUG__: 'false' },
  },
];

/**
 * Builds `code` as a Vite production app; returns the gzipped bytes of every JS file it emits and, with
 * `--modules`, the package's modules as the build rendered them.
 */
async function builtAppBytes(name, code, define = {}) {
  const directory = join(work, name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'index.html'),
    '<!doctype html><script type="module" src="./main.js"></script>\n',
  );
  writeFileSync(join(directory, 'main.js'), code);
  const outDir = join(directory, 'dist');
  const modules = [];
  const collect = {
    name: 'collect-modules',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(chunk.modules)) {
          if (id.startsWith(join(root, 'dist')))
            modules.push({ id: id.slice(root.length), code: module.code ?? '' });
        }
      }
    },
  };
  await build({
    root: directory,
    configFile: false,
    logLevel: 'silent',
    // The package as an app installs it: its package.json `exports`, its dist/.
    resolve: { alias: { 'sentry-expected-errors': root } },
    define,
    build: { outDir, emptyOutDir: true },
    plugins: byModule ? [collect] : [],
  });
  const scripts = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
  const bytes = scripts.reduce(
    (total, file) => total + gzipSync(readFileSync(join(outDir, 'assets', file)), { level: 9 }).length,
    0,
  );
  return { scripts: scripts.length, bytes, modules };
}

/** Each module's weight in context (see `--modules` above), heaviest first. */
async function moduleWeights(modules) {
  const minified = [];
  for (const { id, code } of modules) {
    minified.push({ id, code: (await transform(code, { minify: true, loader: 'js' })).code });
  }
  const gzipped = (parts) => gzipSync(parts.map((part) => part.code).join('\n'), { level: 9 }).length;
  const whole = gzipped(minified);
  const weights = minified.map((module, index) => ({
    id: module.id,
    minified: module.code.length,
    gzipped: whole - gzipped(minified.filter((_, other) => other !== index)),
  }));
  return weights.sort((left, right) => right.gzipped - left.gzipped);
}

const base = await builtAppBytes('base', app(''));
// The app alone with the same defines, for a setup that has some (Sentry's own debug code goes too).
const strippedBase = await builtAppBytes('base-stripped', app(''), { __SENTRY_DEBUG__: 'false' });
const rows = [];
for (const setup of SETUPS) {
  const built = await builtAppBytes(setup.name, setup.code, setup.define);
  const against = setup.define ? strippedBase : base;
  rows.push({
    ...setup,
    scripts: built.scripts,
    added: built.bytes - against.bytes,
    modules: byModule && setup.ceiling ? await moduleWeights(built.modules) : [],
  });
}
rmSync(work, { recursive: true, force: true });

if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({
      base: base.bytes,
      setups: rows.map(({ name, added, budget }) => ({ name, added, budget })),
    }),
  );
} else {
  const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
  console.log(
    `Vite production build, every emitted JS file gzipped (-9); the app with @sentry/browser alone: ${kb(base.bytes)}`,
  );
  console.log('');
  for (const row of rows) {
    const budget =
      row.budget === undefined
        ? ''
        : row.added <= row.budget
          ? `   DESIGN budget ${kb(row.budget)}: met`
          : `   DESIGN budget ${kb(row.budget)}: not met (${kb(row.added - row.budget)} over)`;
    console.log(
      `+${kb(row.added).padStart(9)}  ${row.name} (${row.scripts} JS file${row.scripts === 1 ? '' : 's'})${budget}`,
    );
    for (const module of row.modules) {
      console.log(
        `    ${kb(module.gzipped).padStart(9)} gz ${kb(module.minified).padStart(9)} minified  ${module.id}`,
      );
    }
    if (row.modules.length > 0) {
      const sum = (key) => row.modules.reduce((total, module) => total + module[key], 0);
      console.log(
        `    ${kb(sum('gzipped')).padStart(9)} gz ${kb(sum('minified')).padStart(9)} minified  (the package's modules)`,
      );
    }
  }
}
const over = rows.filter((row) => row.ceiling !== undefined && row.added > row.ceiling);
const split = rows.filter((row) => row.scripts !== 1);
for (const row of over)
  console.error(`over its ceiling: ${row.name} adds ${row.added} B (ceiling ${Math.round(row.ceiling)} B)`);
for (const row of split) console.error(`more than one JS file for: ${row.name} (code loaded later?)`);
if (over.length > 0 || split.length > 0) process.exitCode = 1;
