// A Node sidecar a Tauri app spawns: JSON requests in on stdin, JSON responses out on stdout, one per
// line. Errors are captured with Sentry and the expected-errors integration; stdout carries nothing but
// responses (the SDK logs to stderr, and this file never calls `console`).
//   SENTRY_DSN=… node --import tsx examples/tauri-sidecar/sidecar.ts
import { createInterface } from 'node:readline';
import * as Sentry from '@sentry/node';
import {
  byoKeyGuardRules,
  ExpectedError,
  expectedErrorsIntegration,
  transientUpstreamRules,
} from 'sentry-expected-errors';
import { callBackend } from './backend.js';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  // A desktop sidecar has no HTTP server to instrument, and its stdout is the protocol.
  integrations: (defaults) => [
    ...defaults.filter((integration) => integration.name !== 'Console'),
    expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...transientUpstreamRules()] }),
  ],
});

/** A request from the app. */
interface Request {
  readonly id: number | string;
  readonly method: string;
  readonly params?: Record<string, unknown>;
}

/** What the app shows: a code it can switch on and a sentence that never echoes provider text. */
const USER_MESSAGES: Record<string, string> = {
  session_expired: 'Your session expired. Sign in again.',
  rate_limited: 'The model is busy. Try again in a moment.',
  provider_key_rejected: 'Your API key was rejected. Check it in Settings.',
  internal_error: 'Something went wrong. It has been reported.',
};

async function handle(request: Request): Promise<unknown> {
  switch (request.method) {
    case 'ping':
      return { pong: true };
    case 'complete':
      return { text: await callBackend(String(request.params?.prompt ?? ''), request.params?.simulate) };
    case 'flush':
      // The app asks before it suspends or quits: every captured error is processed and sent.
      return { flushed: await Sentry.flush(2_000) };
    default:
      throw Object.assign(new Error(`unknown method ${request.method}`), { code: 'unknown_method' });
  }
}

function errorCode(error: unknown): string {
  if (ExpectedError.isInstance(error)) return error.kind;
  const status = (error as { status?: unknown }).status;
  if (status === 429 || status === 529) return 'rate_limited';
  if (status === 401) return 'provider_key_rejected';
  return 'internal_error';
}

function respond(response: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(response)}\n`);
}

async function onLine(line: string): Promise<void> {
  if (line.trim() === '') return;
  let request: Request;
  try {
    request = JSON.parse(line) as Request;
  } catch {
    respond({ id: null, error: { code: 'bad_request', message: 'Each line must be one JSON request.' } });
    return;
  }
  try {
    respond({ id: request.id, result: await handle(request) });
  } catch (error) {
    // Everything is captured; the integration keeps expected states from paging anyone.
    Sentry.captureException(error);
    const code = errorCode(error);
    respond({
      id: request.id,
      error: { code, message: USER_MESSAGES[code] ?? USER_MESSAGES.internal_error },
    });
  }
}

// Requests are answered in order, one at a time, like a simple command channel.
let queue = Promise.resolve();
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  queue = queue.then(() => onLine(line));
});
// The app closes stdin when it quits: send what is queued (and the client report), then exit.
input.on('close', () => {
  queue.then(() => Sentry.close(2_000)).finally(() => process.exit(0));
});
