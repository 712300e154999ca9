/**
 * Records the real-library corpus: makes each library of `scripts/libraries/` throw against a loopback
 * server on 127.0.0.1 that answers with the providers' documented statuses and bodies, captures what it
 * threw with the real `@sentry/node` (capturing transport, no expected-errors integration), and writes
 * to `test/fixtures/libraries/`:
 *
 * - `events/NNN-<library>-<name>.json`: the event exactly as the SDK sent it;
 * - `errors/NNN-<library>-<name>.json`: a snapshot of the live error, to rebuild `hint.originalException`;
 * - `expected.json`: the outcome each scenario declares by hand, live and (where it differs) on replay.
 *
 *   npm run record    (the app corpus, then this one; `npx tsx scripts/record-libraries.ts` records this one alone)
 *   npx tsx scripts/record-libraries.ts --only <library>[,<library>…]   those libraries' scenarios only (new
 *                     ones appended to the lists, or one library again), every other fixture left as it is
 *
 * Database and cache scenarios run against real servers from Debian packages (`apt-get install
 * postgresql mariadb-server redis-server`) that the recorder starts on loopback ports and stops; where a
 * server's binary is missing its scenarios are skipped, and the recorder says which (their fixtures are
 * then missing, and the label test says so until they are recorded where the servers exist).
 *
 * Re-running it rewrites the same files; ids, timestamps and trace context differ, and the loopback
 * port if the fixed one is taken.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Sentry from '@sentry/node';
import { captureTransport } from '../test/helpers/capture-transport.js';
import {
  LIBRARIES_DIR,
  LIBRARY_ERRORS_DIR,
  LIBRARY_EVENTS_DIR,
  LIBRARY_EXPECTATIONS_FILE,
  type LibraryExpectation,
} from '../test/helpers/library-corpus.js';
import { librariesScenarios } from './libraries/all.js';
import { startLoopback } from './libraries/loopback.js';
import type { LibraryScenario } from './libraries/scenario.js';
import { missingServers, type ServerName, stopServers } from './libraries/servers.js';
import { snapshotOf } from './libraries/snapshot.js';

const DSN = 'http://public@127.0.0.1:9/1';
const FLUSH_TIMEOUT_MS = 2_000;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fileSlug(scenario: LibraryScenario): string {
  return `${scenario.library.replace(/^@/, '').replace(/[^a-z0-9]+/g, '-')}-${scenario.name}`;
}

function checkNames(list: readonly LibraryScenario[]): void {
  const seen = new Set<string>();
  for (const scenario of list) {
    const slug = fileSlug(scenario);
    if (!NAME.test(scenario.name)) throw new Error(`scenario "${slug}": a name must be kebab-case`);
    if (seen.has(slug)) throw new Error(`scenario "${slug}" is listed twice`);
    seen.add(slug);
  }
}

async function clear(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  for (const file of await readdir(directory)) if (file.endsWith('.json')) await rm(join(directory, file));
}

/** The servers the scenarios need whose binaries are missing here: those scenarios are skipped. */
function unavailable(list: readonly LibraryScenario[]): ReadonlySet<ServerName> {
  const needed = list.flatMap((scenario) => (scenario.needs === undefined ? [] : [scenario.needs]));
  const missing = new Set(needed.filter((name) => missingServers([name]).length > 0));
  for (const line of missingServers([...missing])) {
    const count = list.filter(
      (scenario) => scenario.needs !== undefined && line.startsWith(scenario.needs),
    ).length;
    process.stderr.write(`Skipping ${count} scenarios, their server is not installed: ${line}\n`);
  }
  return missing;
}

/**
 * Records `list` (numbered by their place in it); with `only`, only the scenarios of those libraries run,
 * and the others are left out of what is returned.
 */
async function record(
  list: readonly LibraryScenario[],
  only?: ReadonlySet<string>,
): Promise<LibraryExpectation[]> {
  const skipped = unavailable(list);
  const capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    release: 'library-corpus@1.0.0',
    environment: 'production',
    serverName: 'library-corpus',
    transport: capture.transport,
    // Outgoing-request breadcrumbs carry the loopback URL of every earlier call: not part of the error.
    maxBreadcrumbs: 0,
    // Dedupe would drop a scenario whose error repeats the previous one's message and stack (two
    // PostgREST bodies saying "JWT expired"); it changes nothing in the events it lets through.
    integrations: (defaults) => [
      ...defaults.filter((integration) => integration.name !== 'Dedupe'),
      Sentry.nodeContextIntegration({ app: false, device: { cpu: true, memory: false } }),
    ],
  });
  const loopback = await startLoopback();
  const expectations: LibraryExpectation[] = [];
  try {
    for (const [index, scenario] of list.entries()) {
      // A skipped scenario keeps its number, so the others' file names do not move.
      if (scenario.needs !== undefined && skipped.has(scenario.needs)) continue;
      if (only !== undefined && !only.has(scenario.library)) continue;
      const file = `${String(index + 1).padStart(3, '0')}-${fileSlug(scenario)}.json`;
      const thrown = await scenario.run(loopback).catch((error: unknown) => {
        throw new Error(`scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
      });
      const sentBefore = capture.events().length;
      Sentry.withIsolationScope(() => Sentry.captureException(thrown));
      await Sentry.flush(FLUSH_TIMEOUT_MS);
      const sent = capture.events().slice(sentBefore);
      if (sent.length !== 1) throw new Error(`scenario ${file} sent ${sent.length} events instead of one`);
      await writeFile(join(LIBRARY_EVENTS_DIR, file), `${JSON.stringify(sent[0], null, 2)}\n`);
      await writeFile(join(LIBRARY_ERRORS_DIR, file), `${JSON.stringify(snapshotOf(thrown), null, 2)}\n`);
      expectations.push({
        file,
        library: scenario.library,
        ...scenario.expected,
        ...(scenario.replay === undefined ? {} : { replay: scenario.replay }),
        ...(scenario.device === undefined ? {} : { device: scenario.device }),
        ...(scenario.ideal === undefined ? {} : { ideal: scenario.ideal }),
      });
    }
  } finally {
    await stopServers();
    await loopback.close();
    await Sentry.close(FLUSH_TIMEOUT_MS);
  }
  return expectations;
}

const scenarios = librariesScenarios;
checkNames(scenarios);
const onlyArgument = process.argv.indexOf('--only');
if (onlyArgument === -1) {
  await clear(LIBRARY_EVENTS_DIR);
  await clear(LIBRARY_ERRORS_DIR);
  const expectations = await record(scenarios);
  await writeFile(LIBRARY_EXPECTATIONS_FILE, `${JSON.stringify(expectations, null, 2)}\n`);
  report(expectations);
} else {
  // `--only <library>[,<library>…]`: records those libraries' scenarios again (or for the first time, once
  // appended to the lists) and rewrites their files and labels; every other fixture stays as it is.
  const only = new Set((process.argv[onlyArgument + 1] ?? '').split(',').filter(Boolean));
  const unknown = [...only].filter((library) => !scenarios.some((scenario) => scenario.library === library));
  if (only.size === 0 || unknown.length > 0) {
    throw new Error(
      `--only takes libraries the scenarios list (unknown: ${unknown.join(', ') || '(none given)'})`,
    );
  }
  const recorded = await record(scenarios, only);
  const committed = JSON.parse(await readFile(LIBRARY_EXPECTATIONS_FILE, 'utf8')) as LibraryExpectation[];
  const byFile = new Map([...committed, ...recorded].map((entry) => [entry.file, entry]));
  const expectations = [...byFile.values()].sort((left, right) => left.file.localeCompare(right.file));
  await writeFile(LIBRARY_EXPECTATIONS_FILE, `${JSON.stringify(expectations, null, 2)}\n`);
  report(recorded);
}

function report(expectations: readonly LibraryExpectation[]): void {
  const libraries = new Set(expectations.map((entry) => entry.library));
  process.stdout.write(
    `Recorded ${expectations.length} events from ${libraries.size} libraries into ${LIBRARIES_DIR}\n`,
  );
}
// Library clients keep sockets and timers alive (keep-alive agents, SDK retry timers): nothing is left to do.
process.exit(0);
