import * as SentryV10 from '@sentry/node-v10';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedErrorsIntegration, type Rule } from '../../src/index.js';

// The package resolves `@sentry/core` to one copy; this app runs `@sentry/node` 10 with its own nested
// `@sentry/core` (as `@sentry/electron` pins one). Surges go through the client the hooks receive; metrics
// are the SDK's own business and stay off rather than feeding another copy's buffers.
const rules: Rule[] = [
  { id: 'expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'] },
];

afterEach(async () => {
  await SentryV10.close();
});

describe('surge and counts with a second @sentry/core copy', () => {
  it('sends the surge through that client, counts, and sends no metric', async () => {
    const sent: Array<[string, unknown]> = [];
    SentryV10.init({
      dsn: 'http://public@127.0.0.1:9/1',
      integrations: [expectedErrorsIntegration({ rules, surge: { threshold: 2 } })],
      transport: () => ({
        send: async (envelope) => {
          for (const [header, payload] of envelope[1]) sent.push([header.type, payload]);
          return { statusCode: 200 };
        },
        flush: async () => true,
      }),
    });
    for (let index = 0; index < 4; index++)
      SentryV10.captureException(new Error(`verify session #${index} failed: jwt expired`));
    for (let flush = 0; flush < 3; flush++) await SentryV10.flush(2_000);

    const events = sent.filter(([type]) => type === 'event').map(([, payload]) => payload as SentryV10.Event);
    expect(events.map((event) => event.message)).toEqual([
      expect.stringMatching(/^Expected error surge: session_expired \(/),
    ]);
    // No breadcrumbs of any request: the demotions only as one parameterized example.
    expect(events[0]?.breadcrumbs ?? []).toEqual([]);
    expect(events[0]?.contexts?.expected_error_surge?.examples).toEqual([
      'session_expired: Error: verify session #<int> failed: jwt expired',
    ]);
    expect(sent.filter(([type]) => type === 'trace_metric')).toEqual([]);
    const integration = SentryV10.getClient()?.getIntegrationByName('ExpectedErrors') as ReturnType<
      typeof expectedErrorsIntegration
    >;
    expect(integration.getStats().kinds.session_expired).toMatchObject({ breadcrumb: 4, surges: 1 });
  });
});
