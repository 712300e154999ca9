// A child process of `bench/http-server.ts`: a plain node:http app instrumented by @sentry/node (default
// integrations) in one of three modes, with a transport that serializes nothing and discards everything, so
// the network is not measured. Run as `node --import tsx bench/http-app.ts <mode>` with an IPC channel
// (child_process.fork): it sends `{ port }` once listening, answers `'cpu'` with the CPU time it has used,
// `'counts'` with the envelope items its transport was handed, starts and stops a CPU profile on
// `{ profile: 'start' }` / `{ profile: 'stop', file }`, and exits on `'exit'`.
//
// Routes (the load generator picks them):
//   /bug      a real bug: a TypeError, captured
//   /expired  jsonwebtoken's TokenExpiredError thrown by jwt.verify on an expired token, captured
//   /limited  an OpenAI SDK RateLimitError (429, built by the SDK's own APIError.generate), captured
//   /ok       a plain 200
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';
import { expectedErrorsIntegration, recommendedRules } from '../src/index.js';
import { expiredSessionError, providerRateLimitError } from './expected-errors.js';
import { IGNORED_ERRORS, MODES, type Mode } from './http-modes.js';

// tsx turns source maps on; an app run from compiled JavaScript has them off, and with them on every
// captured error's stack goes through the source-map machinery, which would weigh on all three modes.
process.setSourceMapsEnabled(false);

const mode = process.argv[2] as Mode;
if (!MODES.includes(mode)) throw new Error(`mode must be one of ${MODES.join(', ')}, not ${mode}`);

/** Envelope items handed to the transport, by item type (`event`, `sessions`, `trace_metric`…). */
const items: Record<string, number> = {};

Sentry.init({
  dsn: 'http://public@127.0.0.1:9/1',
  transport: (options) => {
    const discard = Sentry.createTransport(options, async () => ({ statusCode: 200 }));
    return {
      send(envelope) {
        for (const [header] of envelope[1]) items[header.type] = (items[header.type] ?? 0) + 1;
        return discard.send(envelope);
      },
      flush: (timeout) => discard.flush(timeout),
    };
  },
  integrations:
    mode === 'integration'
      ? [expectedErrorsIntegration({ rules: recommendedRules() })]
      : mode === 'eventFilters'
        ? [Sentry.eventFiltersIntegration({ ignoreErrors: [...IGNORED_ERRORS] })]
        : [],
});

let bugs = 0;

function route(path: string | undefined): { status: number; body: string } {
  switch (path) {
    case '/bug':
      // A different property each time ("Cannot read properties of null (reading 'line17')"): distinct
      // bugs, so that the Dedupe integration does not drop one as a repeat of the last event sent.
      bugs++;
      try {
        const order = JSON.parse('{"lines":null}') as { lines: Record<string, number> };
        return { status: 200, body: String(order.lines[`line${bugs}`]) };
      } catch (error) {
        Sentry.captureException(error);
        return { status: 500, body: '{"error":"internal"}' };
      }
    case '/expired':
      Sentry.captureException(expiredSessionError());
      return { status: 401, body: '{"error":"session expired"}' };
    case '/limited':
      Sentry.captureException(providerRateLimitError());
      return { status: 503, body: '{"error":"try again"}' };
    default:
      return { status: 200, body: '{"ok":true}' };
  }
}

const server = createServer((request, response) => {
  const { status, body } = route(request.url);
  response.writeHead(status, { 'content-type': 'application/json' }).end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

const profiler = new Session();
process.on('message', (message) => {
  if (message === 'cpu') {
    // CPU time this process has used so far (all threads), in microseconds.
    const { user, system } = process.cpuUsage();
    process.send?.({ cpu: user + system });
  } else if (typeof message === 'object' && message !== null && 'profile' in message) {
    const { profile, file } = message as { profile: 'start' | 'stop'; file?: string };
    if (profile === 'start') {
      profiler.connect();
      profiler.post('Profiler.enable', () =>
        profiler.post('Profiler.start', () => process.send?.({ profiling: true })),
      );
    } else {
      profiler.post('Profiler.stop', (error, result) => {
        if (!error && file) writeFileSync(file, JSON.stringify(result.profile));
        profiler.disconnect();
        process.send?.(error ? { error: String(error) } : { profiling: false });
      });
    }
  } else if (message === 'counts') {
    void Sentry.flush(5_000).then(() => process.send?.({ items }));
  } else if (message === 'exit') {
    server.closeAllConnections();
    server.close();
    void Sentry.close(2_000).then(() => process.exit(0));
  }
});
