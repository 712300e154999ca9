import * as SentryV10 from '@sentry/node-v10';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedErrorsIntegration, type Rule } from '../../src/index.js';

// The package resolves `@sentry/core` to one copy; this app runs `@sentry/node` 10 with its own nested
// `@sentry/core` (as `@sentry/electron` pins one). The integration must work through the client it is
// handed, not through global helpers of its own copy.
const rules: Rule[] = [
  { id: 'gone', kind: 'message_not_found', action: 'drop', any: ['message not found'] },
  { id: 'expired', kind: 'session_expired', action: 'breadcrumb', any: ['SESSION_EXPIRED'] },
  { id: 'noisy-crumb', kind: 'analytics', action: 'drop', any: ['/analytics/'] },
];

interface Sent {
  readonly events: SentryV10.Event[];
  readonly discarded: Array<{ reason: string; quantity: number }>;
}

async function run(scenario: () => Promise<void>): Promise<Sent> {
  const sent: Sent = { events: [], discarded: [] };
  SentryV10.init({
    dsn: 'http://public@127.0.0.1:9/1',
    sendClientReports: true,
    integrations: [expectedErrorsIntegration({ rules })],
    transport: () => ({
      send: async (envelope) => {
        for (const [header, payload] of envelope[1]) {
          if (header.type === 'event') sent.events.push(payload as SentryV10.Event);
          if (header.type === 'client_report')
            sent.discarded.push(...(payload as { discarded_events: Sent['discarded'] }).discarded_events);
        }
        return { statusCode: 200 };
      },
      flush: async () => true,
    }),
  });
  // Each scenario is one request: its breadcrumbs live on its own isolation scope.
  await SentryV10.withIsolationScope(scenario);
  await SentryV10.flush(2_000);
  await SentryV10.flush(2_000);
  return sent;
}

afterEach(async () => {
  await SentryV10.close();
});

describe('expectedErrorsIntegration with a second @sentry/core copy', () => {
  it('runs inside an SDK whose @sentry/core is another version', () => {
    expect(SentryV10.SDK_VERSION.split('.')[0]).toBe('10');
  });

  it('says once, with debug: true, that it runs beside another @sentry/core copy, naming both versions', async () => {
    const warned: string[] = [];
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warned.push(args.join(' '));
    });
    try {
      for (let init = 0; init < 2; init++) {
        SentryV10.init({
          dsn: 'http://public@127.0.0.1:9/1',
          debug: true,
          integrations: [expectedErrorsIntegration({ rules })],
        });
        await SentryV10.close();
      }
    } finally {
      spy.mockRestore();
      // The debug log's own lines became console breadcrumbs: leave no trail to the next test.
      for (const scope of [
        SentryV10.getIsolationScope(),
        SentryV10.getCurrentScope(),
        SentryV10.getGlobalScope(),
      ])
        scope.clearBreadcrumbs();
    }
    const ours = warned.filter((line) => line.includes('[ExpectedErrors] This package runs on @sentry/core'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain(`beside ${SentryV10.SDK_VERSION} that drives your SDK`);
  });

  it('drops, demotes (breadcrumb merged into the next event) and counts client reports', async () => {
    const sent = await run(async () => {
      SentryV10.captureException(new Error('message not found on telegram: 1103'));
      SentryV10.captureException(new Error('SESSION_EXPIRED: backend session not active'));
      await SentryV10.flush(2_000);
      SentryV10.captureException(new Error('a real bug'));
    });
    expect(sent.events.map((event) => event.exception?.values?.at(-1)?.value)).toEqual(['a real bug']);
    expect(sent.events[0]?.breadcrumbs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          category: 'expected_error',
          level: 'info',
          data: { kind: 'session_expired', rule: 'expired' },
        }),
      ]),
    );
    expect(
      sent.discarded
        .filter((entry) => entry.reason === 'event_processor')
        .reduce((sum, entry) => sum + entry.quantity, 0),
    ).toBe(2);
  });

  it('classifies breadcrumbs through the client options', async () => {
    const sent = await run(async () => {
      SentryV10.addBreadcrumb({ message: 'GET https://x.test/analytics/ping' });
      SentryV10.addBreadcrumb({ message: 'user clicked send' });
      SentryV10.captureException(new Error('a real bug'));
    });
    expect(sent.events[0]?.breadcrumbs?.map((breadcrumb) => breadcrumb.message)).toEqual([
      'user clicked send',
    ]);
  });
});
