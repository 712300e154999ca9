// The framework matrix (test/frameworks/*.test.ts): starts one framework app as a child process sending
// to a loopback Sentry receiver, hits every route of test/frameworks/apps/shared/scenario.mjs, then makes
// the process crash with an expected message. What arrived is then asserted by the test files.
// The apps run the BUILT package: `npm run build` first.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { REPOSITORY } from '../helpers/spawn.js';
import {
  BUG_MESSAGE,
  CRASH_MESSAGE,
  DOUBLE_BUG_MESSAGE,
  DOUBLE_EXPECTED_MESSAGE,
  EXPECTED_ROUTES,
  ODD_BUG_MESSAGES,
  ODD_EXPECTED_MESSAGES,
} from './apps/shared/scenario.mjs';

export interface FrameworkApp {
  readonly name: string;
  /** The command (run from the repository root); `port` is a free port for apps that cannot take 0. */
  command(port: number): { readonly file: string; readonly args: readonly string[] };
  /** How long the app may take to print `listening <port>` (or, for `ready`, to answer `/flush`). */
  readonly startTimeout: number;
  /** A line the app prints once it serves, when it does not print `listening <port>` itself. */
  readonly ready?: RegExp;
}

interface SentException {
  readonly type?: string;
  readonly value?: string;
  readonly mechanism?: { readonly type?: string; readonly handled?: boolean };
}
interface SentEvent {
  readonly message?: string;
  readonly level?: string;
  readonly exception?: { readonly values?: readonly SentException[] };
}

const EXPECTED_MESSAGES = [
  ...Object.values(EXPECTED_ROUTES).map((route) => route.message as string),
  DOUBLE_EXPECTED_MESSAGE,
  ...ODD_EXPECTED_MESSAGES,
];

/** Every text of an event: its message and every exception value (causes included). */
function textsOf(event: SentEvent): string[] {
  const values = event.exception?.values ?? [];
  return [event.message ?? '', ...values.map((value) => value.value ?? '')];
}

function eventsMentioning(events: readonly SentEvent[], message: string): SentEvent[] {
  return events.filter((event) => textsOf(event).some((text) => text === message));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(what: string, timeout: number, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Declares the matrix's tests for one framework app. */
export function describeFramework(app: FrameworkApp): void {
  describe(app.name, () => {
    let receiver: EnvelopeReceiver;
    let child: ChildProcess | undefined;
    let output = '';
    let exited: Promise<unknown>;
    const statuses = new Map<string, number>();

    const decisions = () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('decision '))
        .map((line) => JSON.parse(line.slice('decision '.length)) as { rule: string; messages: string[] });
    const errorEvents = () =>
      (receiver.itemsOf('event') as SentEvent[]).filter((event) => event.exception || event.message);

    beforeAll(async () => {
      receiver = await startEnvelopeReceiver();
      const port = await freePort();
      const { file, args } = app.command(port);
      child = spawn(file, args, {
        cwd: REPOSITORY,
        env: {
          ...process.env,
          SENTRY_DSN: receiver.dsn,
          NEXT_TELEMETRY_DISABLED: '1',
          NODE_ENV: 'production',
          no_proxy: '127.0.0.1,localhost',
          NO_PROXY: '127.0.0.1,localhost',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
      exited = new Promise((resolve) => child?.on('exit', resolve));
      const listening = await until(`${app.name} listening`, app.startTimeout, () => {
        if (child?.exitCode !== null) throw new Error(`${app.name} exited: ${output}`);
        if (app.ready) return app.ready.test(output) ? port : undefined;
        const match = /listening (\d+)/.exec(output);
        return match ? Number(match[1]) : undefined;
      });
      const base = `http://127.0.0.1:${listening}`;
      const get = async (path: string) => {
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        statuses.set(path, response.status);
      };

      // Every route once, one at a time (a framework's capture is asynchronous; order keeps logs readable).
      for (const name of Object.keys(EXPECTED_ROUTES)) await get(`/expected/${name}`);
      for (const path of ['/bug', '/double/bug', '/double/expected', '/odd']) await get(path);
      await get('/flush');
      await until(`${app.name}: the bug's event`, 5_000, () =>
        eventsMentioning(errorEvents(), BUG_MESSAGE).length > 0 ? true : undefined,
      );

      // The crash: an uncaught exception with an expected message, which ends a plain Node app.
      await get('/crash');
      await until(`${app.name}: the crash's event (output: ${output.slice(-2000)})`, 10_000, () =>
        eventsMentioning(errorEvents(), CRASH_MESSAGE).length > 0 ? true : undefined,
      );
      // Late duplicates, if any, get a moment to arrive.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 500))]);
    }, app.startTimeout + 30_000);

    afterAll(async () => {
      // FRAMEWORKS_DEBUG=1 prints what each app decided and what reached the receiver.
      if (process.env.FRAMEWORKS_DEBUG) {
        const sent = errorEvents().map((event) => ({
          level: event.level,
          values: (event.exception?.values ?? []).map((value) => [value.type, value.value, value.mechanism]),
        }));
        process.stderr.write(
          `${app.name} decisions:\n${decisions()
            .map((d) => JSON.stringify(d))
            .join('\n')}\n`,
        );
        process.stderr.write(`${app.name} sent:\n${sent.map((e) => JSON.stringify(e)).join('\n')}\n`);
      }
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await receiver?.close();
    });

    it('hands every expected route error to the integration, which decides it', () => {
      for (const name of Object.keys(EXPECTED_ROUTES))
        expect(statuses.get(`/expected/${name}`), name).toBe(500);
      const decided = decisions();
      for (const message of EXPECTED_MESSAGES) {
        expect(
          decided.some((decision) => decision.messages.includes(message)),
          `no decision on "${message}"; output:\n${output.slice(-3000)}`,
        ).toBe(true);
      }
    });

    it('sends no event for an expected route error', () => {
      for (const message of EXPECTED_MESSAGES) {
        expect(eventsMentioning(errorEvents(), message), message).toEqual([]);
      }
    });

    it('sends every bug exactly once', () => {
      expect(statuses.get('/bug')).toBe(500);
      expect(statuses.get('/odd')).toBe(200);
      for (const message of [BUG_MESSAGE, DOUBLE_BUG_MESSAGE, ...ODD_BUG_MESSAGES]) {
        expect(eventsMentioning(errorEvents(), message), message).toHaveLength(1);
      }
    });

    it('sends the uncaught exception that carries an expected message', () => {
      const crashes = eventsMentioning(errorEvents(), CRASH_MESSAGE);
      expect(crashes).toHaveLength(1);
      const mechanism = crashes[0]?.exception?.values?.at(-1)?.mechanism;
      expect(mechanism?.type).toMatch(/onuncaughtexception$/);
    });

    it('throws nothing while deciding (no callback_error client report)', () => {
      const reports = receiver.itemsOf('client_report') as { discarded_events?: { reason: string }[] }[];
      const reasons = reports.flatMap((report) => report.discarded_events ?? []).map((entry) => entry.reason);
      expect(reasons).not.toContain('callback_error');
    });
  });
}
