/**
 * Records the replay corpus: runs every scenario of `scripts/corpus/scenarios.ts` through the real
 * `@sentry/node` SDK (default integrations, no expected-errors integration), and writes each event item
 * exactly as the SDK sent it to `test/fixtures/recorded/NNN-<name>.json`, plus `expected.json` with the
 * outcome each scenario declares by hand.
 *
 *   npm run record
 *
 * Re-running it rewrites the same files; only ids, timestamps and trace context differ. The Context
 * integration is told to leave out memory figures, which change from one run to the next.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as Sentry from '@sentry/node';
import { type Capture, captureTransport } from '../test/helpers/capture-transport.js';
import {
  EXPECTATIONS_FILE,
  RECORDED_DIR,
  type RecordedExpectation,
} from '../test/helpers/recorded-corpus.js';
import type { RecordingSdk, Scenario } from './corpus/scenario.js';
import { scenarios } from './corpus/scenarios.js';

/** Nothing listens there: the capturing transport never opens a connection. */
const DSN = 'http://public@127.0.0.1:9/1';
const FLUSH_TIMEOUT_MS = 2_000;
const SCENARIO_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function startSdk(sdk: RecordingSdk): Capture {
  const capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    release: 'openhuman@0.56.0',
    environment: 'production',
    serverName: 'openhuman-desktop',
    transport: capture.transport,
    ...(sdk === 'no-stacktrace' ? { attachStacktrace: false } : {}),
    integrations: [Sentry.nodeContextIntegration({ app: false, device: { cpu: true, memory: false } })],
  });
  return capture;
}

function checkNames(list: readonly Scenario[]): void {
  const seen = new Set<string>();
  for (const { name } of list) {
    if (!SCENARIO_NAME.test(name)) throw new Error(`scenario "${name}": a name must be kebab-case`);
    if (seen.has(name)) throw new Error(`scenario "${name}" is listed twice`);
    seen.add(name);
  }
}

async function clearCorpus(): Promise<void> {
  await mkdir(RECORDED_DIR, { recursive: true });
  for (const file of await readdir(RECORDED_DIR)) {
    if (file.endsWith('.json')) await rm(join(RECORDED_DIR, file));
  }
}

async function record(): Promise<RecordedExpectation[]> {
  const expectations: RecordedExpectation[] = [];
  let currentSdk: RecordingSdk | undefined;
  let capture: Capture | undefined;
  for (const [index, scenario] of scenarios.entries()) {
    const sdk = scenario.sdk ?? 'default';
    if (capture === undefined || sdk !== currentSdk) {
      if (capture !== undefined) await Sentry.close(FLUSH_TIMEOUT_MS);
      capture = startSdk(sdk);
      currentSdk = sdk;
    }
    const sentBefore = capture.events().length;
    Sentry.withIsolationScope(() => scenario.capture());
    await Sentry.flush(FLUSH_TIMEOUT_MS);
    const sent = capture.events().slice(sentBefore);
    // Dedupe drops an event identical to the previous one; a scenario that vanished must not go unnoticed.
    if (sent.length !== 1) {
      throw new Error(`scenario "${scenario.name}" sent ${sent.length} events instead of exactly one`);
    }
    const file = `${String(index + 1).padStart(3, '0')}-${scenario.name}.json`;
    await writeFile(join(RECORDED_DIR, file), `${JSON.stringify(sent[0], null, 2)}\n`);
    expectations.push({ file, ...scenario.expected });
  }
  await Sentry.close(FLUSH_TIMEOUT_MS);
  return expectations;
}

checkNames(scenarios);
await clearCorpus();
const expectations = await record();
await writeFile(join(RECORDED_DIR, EXPECTATIONS_FILE), `${JSON.stringify(expectations, null, 2)}\n`);
const count = (outcome: string) => expectations.filter((entry) => entry.outcome === outcome).length;
process.stdout.write(
  `Recorded ${expectations.length} events into ${RECORDED_DIR}: ${count('pass')} pass, ${count('drop')} drop, ${count('breadcrumb')} breadcrumb\n`,
);
