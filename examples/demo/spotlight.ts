import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** An envelope as Spotlight streams it: `[header, [[itemHeader, payload], ...]]`, payloads parsed. */
export type StreamedEnvelope = [Record<string, unknown>, Array<[{ type: string }, unknown]>];

/** A running Spotlight sidecar. */
export interface Spotlight {
  readonly url: string;
  /** A DSN whose envelope endpoint (`/api/<project>/envelope/`) is Spotlight's. */
  readonly dsn: string;
  readonly pid: number;
  /**
   * Everything Spotlight has received so far, in order, read from its event stream (`GET /stream`,
   * the feed its UI uses). A marker envelope is posted first so the read knows where the buffer ends.
   */
  received(): Promise<StreamedEnvelope[]>;
  /** Stops the sidecar and its process group; resolves once it has exited. */
  stop(): Promise<void>;
}

const ENVELOPE_TYPE = 'application/x-sentry-envelope';
const END_MARKER = 'sentry-expected-errors.demo.end';

/**
 * Starts `spotlight server -p 0` (a free port it picks itself, so no race) in its own process group and
 * waits until it answers `/health`.
 */
export async function startSpotlight(options: { readonly timeout?: number } = {}): Promise<Spotlight> {
  const bin = spotlightBin();
  const child = spawn(process.execPath, [bin, 'server', '-p', '0'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // The sidecar reports its own crashes to Sentry; keep it from relaying itself to another Spotlight.
    env: { ...process.env, SENTRY_SPOTLIGHT: '' },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the Spotlight sidecar');
  const killGroup = () => signalGroup(pid, 'SIGKILL');
  process.once('exit', killGroup);

  try {
    const port = await listeningPort(child, options.timeout ?? 15_000);
    const url = `http://localhost:${port}`;
    await waitForHealth(url, options.timeout ?? 15_000);
    return {
      url,
      dsn: `http://spotlight@localhost:${port}/0`,
      pid,
      received: () => readStream(url),
      async stop() {
        process.removeListener('exit', killGroup);
        await stopGroup(child, pid);
      },
    };
  } catch (error) {
    process.removeListener('exit', killGroup);
    await stopGroup(child, pid);
    throw error;
  }
}

/** The sidecar's CLI, as its package's `bin` names it, from the nearest node_modules that has it. */
function spotlightBin(): string {
  const require = createRequire(import.meta.url);
  for (const directory of require.resolve.paths('@spotlightjs/spotlight') ?? []) {
    const root = join(directory, '@spotlightjs', 'spotlight');
    if (!existsSync(join(root, 'package.json'))) continue;
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    if (manifest.bin?.spotlight) return join(root, manifest.bin.spotlight);
  }
  throw new Error('@spotlightjs/spotlight is not installed');
}

/** Spotlight logs `Spotlight listening on <port>` once its server is bound. */
function listeningPort(child: ChildProcess, timeout: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (\d+)/.exec(output);
      if (match) {
        done();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`Spotlight exited (code ${code}) before listening:\n${output}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`Spotlight did not listen within ${timeout} ms:\n${output}`));
    }, timeout);
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

async function waitForHealth(url: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Spotlight at ${url} did not become healthy within ${timeout} ms`);
}

/**
 * Reads Spotlight's event stream from the start of its buffer up to a marker posted now: the stream
 * never ends by itself, and the marker (an empty client report) is the last thing in the buffer.
 */
async function readStream(url: string): Promise<StreamedEnvelope[]> {
  const markerId = crypto.randomUUID();
  const marker = [
    JSON.stringify({ sdk: { name: END_MARKER }, marker_id: markerId }),
    JSON.stringify({ type: 'client_report' }),
    JSON.stringify({ timestamp: Date.now() / 1000, discarded_events: [] }),
  ].join('\n');
  const posted = await fetch(`${url}/stream`, {
    method: 'POST',
    headers: { 'content-type': ENVELOPE_TYPE },
    body: marker,
  });
  if (!posted.ok) throw new Error(`Spotlight refused the end marker: HTTP ${posted.status}`);

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  const response = await fetch(`${url}/stream`, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`Spotlight's stream answered HTTP ${response.status}`);
  const envelopes: StreamedEnvelope[] = [];
  try {
    for await (const message of serverSentEvents(response.body)) {
      if (message.event !== ENVELOPE_TYPE) continue;
      const envelope = JSON.parse(message.data) as StreamedEnvelope;
      if (envelope[0].marker_id === markerId) return envelopes;
      if ((envelope[0].sdk as { name?: unknown } | undefined)?.name !== END_MARKER) envelopes.push(envelope);
    }
    throw new Error("Spotlight's stream ended before the end marker");
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Server-sent events (`event:` and `data:` lines, a blank line ending each). */
async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffered = '';
  let event = 'message';
  let data: string[] = [];
  const reader = body.getReader();
  while (true) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      if (line === '') {
        if (data.length > 0) yield { event, data: data.join('\n') };
        event = 'message';
        data = [];
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      newline = buffered.indexOf('\n');
    }
  }
}

/** SIGTERM to the whole group, then SIGKILL if it has not exited within a second. */
async function stopGroup(child: ChildProcess, pid: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 1_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      // A negative pid signals the process group the detached sidecar leads (POSIX); the plain pid is
      // the fallback where there are no groups (Windows).
      process.kill(target, signal);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    }
  }
}
