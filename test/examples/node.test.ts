import { afterEach, describe, expect, it } from 'vitest';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { type Running, startTypeScript } from '../helpers/spawn.js';

let receiver: EnvelopeReceiver | undefined;
let service: Running | undefined;
afterEach(async () => {
  service?.child.kill('SIGKILL');
  await receiver?.close();
});

interface SentEvent {
  event_id: string;
  exception?: { values: Array<{ type: string; value: string }> };
}

describe('examples/node', () => {
  it('serves requests and sends Sentry only the actionable errors: a bad provider key and a real bug', async () => {
    receiver = await startEnvelopeReceiver();
    service = startTypeScript('examples/node/server.ts', {
      nodeArguments: ['--import', './examples/node/instrument.ts'],
      environment: { SENTRY_DSN: receiver.dsn, PORT: '0', NODE_ENV: 'production' },
    });
    const base = (await service.waitForLine(/^listening on /)).replace('listening on ', '');

    const statuses = [];
    for (const [path, headers] of [
      ['/completion', {}],
      ['/me', { authorization: 'Bearer expired' }],
      ['/completion?fail=rate-limit', {}],
      ['/completion?fail=bad-key', {}],
      ['/report', {}],
    ] as const) {
      statuses.push((await fetch(`${base}${path}`, { headers })).status);
    }
    service.child.kill('SIGTERM');
    const exit = await service.exited;

    expect(statuses).toEqual([200, 401, 429, 401, 500]);
    expect(exit.code).toBe(0);
    expect(service.lines.slice(1)).toEqual([
      'GET /completion → 200',
      expect.stringMatching(/^GET \/me → 401 \(captured [0-9a-f]{32}\)$/),
      expect.stringMatching(/^GET \/completion\?fail=rate-limit → 429 \(captured [0-9a-f]{32}\)$/),
      expect.stringMatching(/^GET \/completion\?fail=bad-key → 401 \(captured [0-9a-f]{32}\)$/),
      expect.stringMatching(/^GET \/report → 500 \(captured [0-9a-f]{32}\)$/),
      'stopped',
    ]);
    const sent = receiver.itemsOf('event') as SentEvent[];
    expect(sent.map((event) => event.exception?.values.at(-1)?.type)).toEqual(['ProviderError', 'TypeError']);
    expect(sent[0]?.exception?.values.at(-1)?.value).toContain('invalid_api_key');
    const captured = service.lines
      .map((line) => /\(captured ([0-9a-f]{32})\)/.exec(line)?.[1])
      .filter(Boolean);
    expect(sent.map((event) => event.event_id)).toEqual([captured[2], captured[3]]);
    // The expired session and the rate limit were dropped by an event processor, which Sentry counts.
    const discarded = (receiver.itemsOf('client_report') as Array<{ discarded_events: unknown[] }>).flatMap(
      (report) => report.discarded_events,
    );
    expect(discarded).toEqual([{ reason: 'event_processor', category: 'error', quantity: 2 }]);
  });
});
