/** Replay throughput: the built CLI against the read + JSON.parse floor, on a generated JSONL corpus. */
import { spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBin } from '../test/cli/built-bin.js';
import { alternate, ratios, type Spread, spreadOf } from './measure.js';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const RECORDED = join(REPOSITORY, 'test/fixtures/recorded');

/** One run of a child: wall time, CPU time of all its threads, peak memory. */
interface Usage {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly maxRssKb: number;
}

export interface ReplayFigures {
  readonly events: number;
  readonly bytes: number;
  readonly floor: Record<keyof Usage, Spread>;
  readonly serial: Record<keyof Usage, Spread>;
  readonly parallel: Record<keyof Usage, Spread>;
  readonly jobs: number;
  /** replay (1 job) / floor, CPU time and wall time, round by round. */
  readonly cpuVsFloor: Spread;
  readonly wallVsFloor: Spread;
  /** Wall time of 1 job / `jobs` jobs. */
  readonly speedUp: Spread;
}

/** Writes `count` events cycling through the recorded corpus (fresh ids and timestamps), as JSON Lines. */
async function writeCorpus(path: string, count: number): Promise<number> {
  const events = readdirSync(RECORDED)
    .filter((name) => /^\d+-.*\.json$/.test(name))
    .map((name) => JSON.parse(readFileSync(join(RECORDED, name), 'utf8')) as Record<string, unknown>);
  const file = createWriteStream(path);
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const event = {
      ...events[index % events.length],
      event_id: index.toString(16).padStart(32, '0'),
      timestamp: 1_700_000_000 + index / 100,
    };
    const line = `${JSON.stringify(event)}\n`;
    bytes += Buffer.byteLength(line);
    if (!file.write(line)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
  }
  await new Promise((resolve) => file.end(resolve));
  return bytes;
}

/** Runs `node --import report-usage.mjs ...args` with stdout discarded, as a user piping to a file would. */
function measureChild(args: readonly string[]): Promise<Usage> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', join(REPOSITORY, 'bench/report-usage.mjs'), ...args], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const usage = /@@usage (.+)/.exec(stderr)?.[1];
      if (code !== 0 || usage === undefined) {
        reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({ wallMs, ...(JSON.parse(usage) as Omit<Usage, 'wallMs'>) });
    });
  });
}

/** Rules as JSON (patterns as `{ source, flags }`), so the built bin reads them without the package built. */
async function writeJsonRules(path: string): Promise<void> {
  const { rules } = (await import('../examples/recorded/rules.mjs')) as { rules: unknown[] };
  await writeFile(
    path,
    JSON.stringify(rules, (_key, value: unknown) =>
      value instanceof RegExp ? { source: value.source, flags: value.flags } : value,
    ),
  );
}

/** Alternating rounds of: the parse floor, the built CLI with one job, and with `jobs` jobs. */
export async function measureReplay(count: number, jobs: number, rounds: number): Promise<ReplayFigures> {
  const scratch = await mkdtemp(join(tmpdir(), 'sentry-expected-errors-bench-'));
  const built = await buildBin();
  try {
    const corpus = join(scratch, 'events.jsonl');
    const rules = join(scratch, 'rules.json');
    const [bytes] = await Promise.all([writeCorpus(corpus, count), writeJsonRules(rules)]);
    const runs: Record<'floor' | 'serial' | 'parallel', Usage[]> = { floor: [], serial: [], parallel: [] };
    const replay = (jobCount: number) => ['replay', corpus, '--rules', rules, '--jobs', String(jobCount)];
    const record = (name: keyof typeof runs, usage: Usage) => {
      runs[name].push(usage);
      return usage.wallMs;
    };
    await alternate(rounds, {
      floor: async () =>
        record('floor', await measureChild([join(REPOSITORY, 'bench/parse-floor.mjs'), corpus])),
      serial: async () => record('serial', await measureChild([built.bin, ...replay(1)])),
      parallel: async () => record('parallel', await measureChild([built.bin, ...replay(jobs)])),
    });
    // `alternate` runs a warm-up round first: keep the measured rounds only.
    for (const name of Object.keys(runs) as Array<keyof typeof runs>) runs[name].splice(0, 1);
    const column = (name: keyof typeof runs, field: keyof Usage) => runs[name].map((usage) => usage[field]);
    const spreads = (name: keyof typeof runs) => ({
      wallMs: spreadOf(column(name, 'wallMs')),
      cpuMs: spreadOf(column(name, 'cpuMs')),
      maxRssKb: spreadOf(column(name, 'maxRssKb')),
    });
    return {
      events: count,
      bytes,
      floor: spreads('floor'),
      serial: spreads('serial'),
      parallel: spreads('parallel'),
      jobs,
      cpuVsFloor: ratios(column('serial', 'cpuMs'), column('floor', 'cpuMs')),
      wallVsFloor: ratios(column('serial', 'wallMs'), column('floor', 'wallMs')),
      speedUp: ratios(column('serial', 'wallMs'), column('parallel', 'wallMs')),
    };
  } finally {
    await Promise.all([built.remove(), rm(scratch, { recursive: true, force: true })]);
  }
}
