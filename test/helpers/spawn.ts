import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Environment for TypeScript children run through tsx: `examples/tsconfig.json` maps the package name to
 * the source (as vitest's alias does in process), so nothing needs building first.
 */
export const SOURCE_ENVIRONMENT: NodeJS.ProcessEnv = {
  ...process.env,
  // The SDK's transport honours http_proxy; the receivers these tests start are local.
  no_proxy: '127.0.0.1,localhost',
  NO_PROXY: '127.0.0.1,localhost',
  TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../examples/tsconfig.json', import.meta.url)),
};

/** How a child process ended. */
export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node --import tsx [...nodeArguments] <script> ...args` from the repository root and collects its output. */
export function runTypeScript(
  script: string,
  args: readonly string[],
  options: {
    readonly input?: string;
    readonly environment?: NodeJS.ProcessEnv;
    readonly nodeArguments?: readonly string[];
  } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const nodeArguments = ['--import', 'tsx', ...(options.nodeArguments ?? [])];
    const child = spawn(process.execPath, [...nodeArguments, script, ...args], {
      cwd: REPOSITORY,
      env: { ...SOURCE_ENVIRONMENT, ...options.environment },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A running child whose stdout is read line by line. */
export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every stdout line so far. */
  readonly lines: readonly string[];
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the first stdout line (past or future) that matches, or rejects after `timeout` ms. */
  waitForLine(pattern: RegExp, timeout?: number): Promise<string>;
  /** Resolves when the child exits. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node [...nodeArguments] --import tsx <script>` from the repository root. */
export function startTypeScript(
  script: string,
  options: { readonly nodeArguments?: readonly string[]; readonly environment?: NodeJS.ProcessEnv } = {},
): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArguments ?? []), script], {
    cwd: REPOSITORY,
    env: { ...SOURCE_ENVIRONMENT, ...options.environment },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine(pattern, timeout = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find((line) => pattern.test(line));
          if (found === undefined) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no stdout line matched ${pattern} within ${timeout} ms; stderr: ${stderr}`));
        }, timeout);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
