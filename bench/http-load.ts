// A child process of `bench/http-server.ts`: the load generator, on loopback, in a process of its own so
// it does not share an event loop with the server it measures. Started with an IPC channel
// (child_process.fork); each `{ port, requests, concurrency, maxMs }` message runs one round against that
// port and is answered with a `LoadResult`; `'exit'` ends it.
//
// `concurrency` keep-alive connections each send one request at a time, the route cycling through
// ROUTES, until `requests` have been answered or `maxMs` has passed.
import { Agent, request } from 'node:http';
import { ROUTES } from './http-modes.js';

export interface LoadRound {
  readonly port: number;
  readonly requests: number;
  readonly concurrency: number;
  readonly maxMs: number;
}

export interface LoadResult {
  readonly completed: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Latency percentiles of the round, in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  /** Responses by status code. */
  readonly statuses: Record<string, number>;
}

async function round({ port, requests, concurrency, maxMs }: LoadRound): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const start = performance.now();
  const deadline = start + maxMs;
  const one = (path: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const sent = performance.now();
      const outgoing = request({ host: '127.0.0.1', port, path, agent }, (response) => {
        response.on('data', () => {});
        response.on('end', () => {
          latencies.push(performance.now() - sent);
          const status = String(response.statusCode);
          statuses[status] = (statuses[status] ?? 0) + 1;
          resolve();
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
  const worker = async (): Promise<void> => {
    while (next < requests && performance.now() < deadline) {
      const index = next++;
      await one(ROUTES[index % ROUTES.length] as string);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1_000;
  agent.destroy();
  latencies.sort((left, right) => left - right);
  const at = (quantile: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] as number;
  return {
    completed: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    statuses,
  };
}

process.on('message', (message: LoadRound | 'exit') => {
  if (message === 'exit') {
    process.exit(0);
  }
  round(message).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: String(error) }),
  );
});
