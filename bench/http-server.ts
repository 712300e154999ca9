/**
 * A loopback HTTP server in three modes, in alternating rounds: @sentry/node (default integrations) with no
 * extra integration, with `expectedErrorsIntegration({ rules: recommendedRules() })`, and with
 * `eventFiltersIntegration({ ignoreErrors })` doing the same job (DESIGN 0.3, "Decided early and cheaply").
 *
 * Each mode is its own server process (`bench/http-app.ts`, a transport that discards), started once and
 * warmed up by a first round that is not counted; the load generator is another process
 * (`bench/http-load.ts`, node:http keep-alive). Ratios are taken round by round.
 *
 * Alone: `node --import tsx bench/http-server.ts [--rounds 11] [--requests 4000] [--concurrency 8]
 * [--cpu-prof [--keep-profile]]`. `--cpu-prof` profiles every mode's server over the counted rounds (the
 * inspector's sampling profiler, as `node --cpu-prof` uses) and prints where the time goes. `npm run bench` runs it as a section.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadRound } from './http-load.js';
import { IGNORED_ERRORS, MODES, type Mode, ROUTES } from './http-modes.js';
import { alternate, formatSpread, ratios, type Spread, spreadOf } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENVIRONMENT = { ...process.env, no_proxy: '127.0.0.1,localhost', NO_PROXY: '127.0.0.1,localhost' };

export interface HttpServerOptions {
  readonly rounds: number;
  /** Requests per round and mode. */
  readonly requests: number;
  /** Keep-alive connections the load generator keeps busy. */
  readonly concurrency: number;
  /** A round stops after this long even if `requests` were not all answered. */
  readonly maxMs: number;
  /** A directory for CPU profiles of each mode's server over the counted rounds (`<mode>.cpuprofile`). */
  readonly cpuProfileDirectory?: string;
}

export interface HttpServerResult {
  readonly options: HttpServerOptions;
  /** Per mode, one value per counted round. */
  readonly requestsPerSecond: Record<Mode, number[]>;
  readonly p50: Record<Mode, number[]>;
  readonly p99: Record<Mode, number[]>;
  /** The server process's CPU time per request answered (µs): less sensitive than wall time to a shared machine. */
  readonly serverCpuMicros: Record<Mode, number[]>;
  /** Per mode, over every round (warm-up included): requests answered and envelope items sent by type. */
  readonly totals: Record<
    Mode,
    { requests: number; statuses: Record<string, number>; items: Record<string, number> }
  >;
}

export const DEFAULT_OPTIONS: HttpServerOptions = {
  rounds: 11,
  requests: 4_000,
  concurrency: 8,
  maxMs: 15_000,
};

function start(file: string, args: string[], nodeArguments: string[] = []): ChildProcess {
  return fork(fileURLToPath(new URL(file, import.meta.url)), args, {
    cwd: ROOT,
    env: ENVIRONMENT,
    execArgv: ['--import', 'tsx', ...nodeArguments],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function reply<T>(child: ChildProcess, message: unknown): Promise<T> {
  const answer = once(child, 'message') as Promise<[T]>;
  child.send(message as string);
  const [value] = await answer;
  if (value && typeof value === 'object' && 'error' in value) throw new Error(String(value.error));
  return value;
}

export async function measureHttpServer(
  options: HttpServerOptions = DEFAULT_OPTIONS,
): Promise<HttpServerResult> {
  const servers = {} as Record<Mode, ChildProcess>;
  const ports = {} as Record<Mode, number>;
  for (const mode of MODES) {
    servers[mode] = start('http-app.ts', [mode]);
    const [{ port }] = (await once(servers[mode], 'message')) as [{ port: number }];
    ports[mode] = port;
  }
  const load = start('http-load.ts', []);
  const perRound = Object.fromEntries(MODES.map((mode) => [mode, [] as LoadResult[]])) as Record<
    Mode,
    LoadResult[]
  >;
  const cpuPerRequest = Object.fromEntries(MODES.map((mode) => [mode, [] as number[]])) as Record<
    Mode,
    number[]
  >;
  const totals = Object.fromEntries(
    MODES.map((mode) => [mode, { requests: 0, statuses: {} as Record<string, number>, items: {} }]),
  ) as HttpServerResult['totals'];
  const run = (mode: Mode) => async (): Promise<number> => {
    const round: LoadRound = {
      port: ports[mode],
      requests: options.requests,
      concurrency: options.concurrency,
      maxMs: options.maxMs,
    };
    // Profiles cover the counted rounds only (start-up and the warm-up round left out).
    if (options.cpuProfileDirectory && perRound[mode].length === 1) {
      await reply(servers[mode], { profile: 'start' });
    }
    const before = await reply<{ cpu: number }>(servers[mode], 'cpu');
    const result = await reply<LoadResult>(load, round);
    const after = await reply<{ cpu: number }>(servers[mode], 'cpu');
    perRound[mode].push(result);
    cpuPerRequest[mode].push((after.cpu - before.cpu) / result.completed);
    totals[mode].requests += result.completed;
    for (const [status, count] of Object.entries(result.statuses)) {
      totals[mode].statuses[status] = (totals[mode].statuses[status] ?? 0) + count;
    }
    return result.requestsPerSecond;
  };
  try {
    await alternate(
      options.rounds,
      Object.fromEntries(MODES.map((mode) => [mode, run(mode)])) as Record<Mode, () => Promise<number>>,
    );
    for (const mode of MODES) {
      if (options.cpuProfileDirectory) {
        await reply(servers[mode], { profile: 'stop', file: profileFile(options.cpuProfileDirectory, mode) });
      }
      totals[mode].items = (await reply<{ items: Record<string, number> }>(servers[mode], 'counts')).items;
    }
  } finally {
    load.send('exit');
    await Promise.all(
      MODES.map(async (mode) => {
        const exited = once(servers[mode], 'exit');
        servers[mode].send('exit');
        await exited;
      }),
    );
  }
  // The warm-up round is the first of each list: it is not counted.
  const counted = (pick: (result: LoadResult) => number) =>
    Object.fromEntries(MODES.map((mode) => [mode, perRound[mode].slice(1).map(pick)])) as Record<
      Mode,
      number[]
    >;
  return {
    options,
    requestsPerSecond: counted((result) => result.requestsPerSecond),
    p50: counted((result) => result.p50),
    p99: counted((result) => result.p99),
    serverCpuMicros: Object.fromEntries(MODES.map((mode) => [mode, cpuPerRequest[mode].slice(1)])) as Record<
      Mode,
      number[]
    >,
    totals,
  };
}

/** The integration's requests/s over eventFilters', round by round: the figure the design's clause is about. */
export function throughputVsEventFilters(result: HttpServerResult): Spread {
  return ratios(result.requestsPerSecond.integration, result.requestsPerSecond.eventFilters);
}

/** The section as Markdown lines. */
export function httpServerLines(result: HttpServerResult): string[] {
  const { options } = result;
  const share = (route: string) => (100 * ROUTES.filter((each) => each === route).length) / ROUTES.length;
  const lines = [
    `A node:http server with \`@sentry/node\` (default integrations, a transport that discards), in three modes, each its own process; the load generator is another process on loopback (${options.concurrency} keep-alive connections, ${options.requests.toLocaleString('en')} requests per round and mode). Per request: ${share('/bug')} % real bugs (a TypeError, captured), ${share('/expired')} % expired sessions (jsonwebtoken \`jwt.verify\` throwing TokenExpiredError, captured), ${share('/limited')} % provider 429s (the OpenAI SDK's \`RateLimitError\`, captured), ${share('/ok')} % plain 200s. Modes: no extra integration; \`expectedErrorsIntegration({ rules: recommendedRules() })\` (it demotes both expected states to breadcrumbs); \`eventFiltersIntegration({ ignoreErrors: ${JSON.stringify(IGNORED_ERRORS)} })\` (drops them). ${options.rounds} counted rounds alternating the modes after one warm-up round; median (min–max), ratios round by round.`,
    '',
    '| mode | requests/s | p50 (ms) | p99 (ms) | server CPU per request (µs) | error events sent per 100 requests |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const mode of MODES) {
    const totals = result.totals[mode];
    const events = totals.items.event ?? 0;
    lines.push(
      `| ${mode} | ${formatSpread(spreadOf(result.requestsPerSecond[mode]), 0)} | ${formatSpread(spreadOf(result.p50[mode]))} | ${formatSpread(spreadOf(result.p99[mode]))} | ${formatSpread(spreadOf(result.serverCpuMicros[mode]), 0)} | ${((100 * events) / totals.requests).toFixed(1)} |`,
    );
  }
  lines.push(
    '',
    '| ratio | requests/s | p50 latency | p99 latency | server CPU per request |',
    '|---|---:|---:|---:|---:|',
  );
  for (const [top, bottom] of [
    ['integration', 'eventFilters'],
    ['integration', 'none'],
    ['eventFilters', 'none'],
  ] as const) {
    lines.push(
      `| ${top} / ${bottom} | **${formatSpread(ratios(result.requestsPerSecond[top], result.requestsPerSecond[bottom]))}** | ${formatSpread(ratios(result.p50[top], result.p50[bottom]))} | ${formatSpread(ratios(result.p99[top], result.p99[bottom]))} | ${formatSpread(ratios(result.serverCpuMicros[top], result.serverCpuMicros[bottom]))} |`,
    );
  }
  return lines;
}

export function profileFile(directory: string, mode: Mode): string {
  return path.join(directory, `${mode}.cpuprofile`);
}

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time in µs per request, by function and by where the code lives, of one mode's profile. */
function selfTimes(
  file: string,
  requests: number,
): { byFunction: Map<string, number>; byPlace: Map<string, number> } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  // Each sample stands for the time until the next one.
  const nodeTime = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0;
    nodeTime.set(id, (nodeTime.get(id) ?? 0) + delta);
  });
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  for (const node of profile.nodes) {
    const micros = (nodeTime.get(node.id) ?? 0) / requests;
    if (!micros) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const short = url.replace(/^file:\/\//, '').replace(ROOT, '');
    add(byFunction, `${functionName || '(anonymous)'}${short ? ` ${short}:${lineNumber + 1}` : ''}`, micros);
    add(byPlace, place(url, functionName), micros);
  }
  return { byFunction, byPlace };
}

function place(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.includes('/src/')) return 'sentry-expected-errors (src/)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (module) return module[1] as string;
  if (url.startsWith('node:')) return 'node: built-ins';
  return url.replace(/^file:\/\//, '').replace(ROOT, '');
}

/**
 * From the profiles of the counted rounds: server CPU self time per request by where the code lives, every
 * mode side by side, then the integration mode's top functions against the same functions in eventFilters
 * mode.
 */
export function profileLines(result: HttpServerResult, directory: string, top = 25): string[] {
  const counted = (mode: Mode) => result.requestsPerSecond[mode].length * result.options.requests;
  const times = Object.fromEntries(
    MODES.map((mode) => [mode, selfTimes(profileFile(directory, mode), counted(mode))]),
  ) as Record<Mode, ReturnType<typeof selfTimes>>;
  const micros = (value: number | undefined) => (value ?? 0).toFixed(1);
  const sum = (map: Map<string, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  const lines = [
    'Self time per request (µs, sampled while the counted rounds ran; idle left out):',
    '',
    `| where | ${MODES.join(' | ')} |`,
    `|---|${MODES.map(() => '---:').join('|')}|`,
    `| **all** | ${MODES.map((mode) => `**${micros(sum(times[mode].byPlace))}**`).join(' | ')} |`,
  ];
  const places = [...times.integration.byPlace].sort((left, right) => right[1] - left[1]).slice(0, 14);
  for (const [key] of places) {
    lines.push(`| ${key} | ${MODES.map((mode) => micros(times[mode].byPlace.get(key))).join(' | ')} |`);
  }
  lines.push(
    '',
    `The integration mode's top ${top} functions by self time (µs per request), against eventFilters mode:`,
    '',
    '| function | integration | eventFilters |',
    '|---|---:|---:|',
  );
  const functions = [...times.integration.byFunction].sort((left, right) => right[1] - left[1]).slice(0, top);
  for (const [key, value] of functions) {
    lines.push(`| \`${key}\` | ${micros(value)} | ${micros(times.eventFilters.byFunction.get(key))} |`);
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argument = (name: string, fallback: number): number => {
    const index = process.argv.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(process.argv[index + 1]);
  };
  const profiling = process.argv.includes('--cpu-prof');
  const directory = profiling ? mkdtempSync(path.join(os.tmpdir(), 'http-bench-prof-')) : undefined;
  const options: HttpServerOptions = {
    rounds: argument('rounds', DEFAULT_OPTIONS.rounds),
    requests: argument('requests', DEFAULT_OPTIONS.requests),
    concurrency: argument('concurrency', DEFAULT_OPTIONS.concurrency),
    maxMs: argument('max-ms', DEFAULT_OPTIONS.maxMs),
    ...(directory ? { cpuProfileDirectory: directory } : {}),
  };
  console.log(
    `Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)} at the start.\n`,
  );
  const result = await measureHttpServer(options);
  for (const line of httpServerLines(result)) console.log(line);
  console.log(
    '\nEnvelope items sent, per mode:',
    JSON.stringify(Object.fromEntries(MODES.map((mode) => [mode, result.totals[mode]]))),
  );
  if (directory) {
    console.log('');
    for (const line of profileLines(result, directory)) console.log(line);
    if (process.argv.includes('--keep-profile')) console.log(`\nProfiles kept in ${directory}`);
    else rmSync(directory, { recursive: true });
  }
}
