import { afterEach, describe, expect, it } from 'vitest';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { type Running, startTypeScript } from '../helpers/spawn.js';

let receiver: EnvelopeReceiver | undefined;
let sidecar: Running | undefined;
afterEach(async () => {
  sidecar?.child.kill('SIGKILL');
  await receiver?.close();
});

interface SentEvent {
  exception?: { values: Array<{ type: string; value: string }> };
  breadcrumbs?: Array<{
    category?: string;
    level?: string;
    message?: string;
    data?: Record<string, unknown>;
  }>;
}

describe('examples/tauri-sidecar', () => {
  it('answers JSON-line requests, and Sentry receives only the bad key and the bug, with the expected states as breadcrumbs', async () => {
    receiver = await startEnvelopeReceiver();
    sidecar = startTypeScript('examples/tauri-sidecar/sidecar.ts', {
      environment: { SENTRY_DSN: receiver.dsn },
    });
    const requests = [
      { id: 1, method: 'ping' },
      { id: 2, method: 'complete', params: { prompt: 'hi' } },
      { id: 3, method: 'complete', params: { prompt: 'hi', simulate: 'session-expired' } },
      { id: 4, method: 'complete', params: { prompt: 'hi', simulate: 'rate-limited' } },
      { id: 5, method: 'complete', params: { prompt: 'hi', simulate: 'bad-key' } },
      // Processing is asynchronous: once flushed, the expiry's breadcrumb is on the scope for what follows.
      { id: 6, method: 'flush' },
      { id: 7, method: 'complete', params: { prompt: 'hi', simulate: 'bug' } },
    ];

    sidecar.child.stdin.write(`${requests.map((request) => JSON.stringify(request)).join('\n')}\nnot json\n`);
    await sidecar.waitForLine(/"bad_request"/);
    sidecar.child.stdin.end();
    const exit = await sidecar.exited;

    expect(exit.code).toBe(0);
    expect(sidecar.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 1, result: { pong: true } },
      { id: 2, result: { text: 'echo: hi' } },
      { id: 3, error: { code: 'session_expired', message: 'Your session expired. Sign in again.' } },
      { id: 4, error: { code: 'rate_limited', message: 'The model is busy. Try again in a moment.' } },
      {
        id: 5,
        error: { code: 'provider_key_rejected', message: 'Your API key was rejected. Check it in Settings.' },
      },
      { id: 6, result: { flushed: true } },
      { id: 7, error: { code: 'internal_error', message: 'Something went wrong. It has been reported.' } },
      { id: null, error: { code: 'bad_request', message: 'Each line must be one JSON request.' } },
    ]);
    const sent = receiver.itemsOf('event') as SentEvent[];
    expect(sent.map((event) => event.exception?.values.at(-1)?.type)).toEqual(['ProviderError', 'TypeError']);
    expect(sent[0]?.exception?.values.at(-1)?.value).toContain('authentication_error');
    // Both expected states left a breadcrumb (in the order their processing finished) on the next real error.
    const trail =
      sent[1]?.breadcrumbs?.filter((breadcrumb) => breadcrumb.category === 'expected_error') ?? [];
    expect(trail.map(({ level, message, data }) => ({ level, message, data })).sort(byMessage)).toEqual([
      {
        level: 'info',
        message: 'session_expired: ExpectedError: backend rejected session token on POST /v1/chat',
        data: { kind: 'session_expired', rule: 'typed:session_expired' },
      },
      {
        level: 'info',
        message:
          'transient_upstream: ProviderError: Anthropic API error (529): {"type":"overloaded_error","message":"Overloaded"}',
        data: { kind: 'transient_upstream', rule: 'transient-status' },
      },
    ]);
    const discarded = (receiver.itemsOf('client_report') as Array<{ discarded_events: unknown[] }>).flatMap(
      (report) => report.discarded_events,
    );
    const dropped = (discarded as Array<{ reason: string; quantity: number }>)
      .filter((outcome) => outcome.reason === 'event_processor')
      .reduce((total, outcome) => total + outcome.quantity, 0);
    expect(dropped).toBe(2);
  });
});

function byMessage(left: { message?: string | undefined }, right: { message?: string | undefined }): number {
  return (left.message ?? '').localeCompare(right.message ?? '');
}
