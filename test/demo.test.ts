import { describe, expect, it } from 'vitest';
import {
  type DemoResult,
  droppedByProcessors,
  formatDemo,
  isSurge,
  itemsOf,
  type ReceivedEvent,
  runDemo,
} from '../examples/demo/demo.js';

describe('npm run demo', () => {
  it('sends Spotlight only the actionable errors, with the demoted ones in the trail of the next', async () => {
    const result: DemoResult = await runDemo();

    // What the app saw the integration do, error by error.
    expect(result.scenarios.map(({ scenario, outcome, rule }) => [scenario, outcome, rule])).toEqual([
      ['session expiry (JWT)', 'breadcrumb', 'jwt-expired'],
      ['backend 401 (chat)', 'breadcrumb', 'backend-chat-invalid-token'],
      ['backend 401 (typed client)', 'breadcrumb', 'backend-401-typed'],
      ['BYO-key 401 (invalid_api_key)', 'sent', undefined],
      ['403 forbidden', 'sent', undefined],
      ['message not found (typed)', 'dropped', undefined],
      ['message not found (PATCH 404)', 'dropped', undefined],
      ['model fallback aggregate', 'breadcrumb', 'model-fallback-aggregate'],
      ['upstream 429', 'dropped', undefined],
      ['real bug (TypeError)', 'sent', undefined],
    ]);

    // What Spotlight, a real envelope receiver, actually holds.
    const received = itemsOf(result.received, 'event') as ReceivedEvent[];
    const events = received.filter((event) => !isSurge(event));
    const sentIds = result.scenarios
      .filter((scenario) => scenario.outcome === 'sent')
      .map((scenario) => scenario.eventId);
    expect(events.map((event) => event.event_id)).toEqual(sentIds);
    expect(events.map((event) => event.exception?.values?.at(-1)?.type)).toEqual([
      'Error',
      'BackendApiError',
      'TypeError',
    ]);
    // 7 of the ten errors, and the 25 of the burst.
    expect(droppedByProcessors(result.received)).toBe(32);
    const trail =
      events[2]?.breadcrumbs?.filter((breadcrumb) => breadcrumb.category === 'expected_error') ?? [];
    expect(trail.map((breadcrumb) => breadcrumb.data)).toEqual([
      { kind: 'session_expired', rule: 'jwt-expired' },
      { kind: 'session_expired', rule: 'backend-chat-invalid-token' },
      { kind: 'session_expired', rule: 'backend-401-typed' },
      { kind: 'provider_config_rejection', rule: 'model-fallback-aggregate' },
    ]);
    // The demoted JWT error's token never reaches Sentry, not even in its breadcrumb.
    expect(JSON.stringify(result.received)).not.toContain('eyJhbGciOiJIUzI1NiJ9');

    const printed = formatDemo(result);
    expect(printed).toMatch(/^ {2}upstream 429\s+dropped\s+-$/m);
    expect(printed).toMatch(/^ {2}403 forbidden\s+sent\s+received$/m);
    expect(printed).toContain('Spotlight received 3 of 10 error events; 3 were dropped and 4 demoted');
    expect(printed).toContain('Client reports count 32 events dropped by an event processor');

    // The burst of 25 expired sessions crossed the demo threshold (20 a minute): one surge event arrived,
    // counting the three session expiries demoted before the burst too.
    expect(result.burst).toMatchObject({ burst: 'session expiry', count: 25, threshold: 20 });
    const surges = received.filter(isSurge);
    expect(surges.map((event) => event.event_id)).toEqual(result.burst?.surgeIds);
    expect(surges).toHaveLength(1);
    expect(surges[0]).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/^Expected error surge: session_expired \(21 in 60 s, up to /),
      fingerprint: ['expected-error-surge', 'session_expired'],
      tags: { 'expected_error.surge': 'session_expired', 'expected_error.kind': 'session_expired' },
      contexts: {
        expected_error_surge: {
          kind: 'session_expired',
          count: 21,
          threshold: 20,
          windowMs: 60_000,
          rules: { 'jwt-expired': 19, 'backend-chat-invalid-token': 1, 'backend-401-typed': 1 },
        },
      },
    });
    // The surge carries no request's breadcrumbs, only parameterized examples of what was demoted.
    expect(surges[0]?.breadcrumbs ?? []).toEqual([]);
    expect(surges[0]?.contexts?.expected_error_surge?.examples).toContain(
      'session_expired: TokenExpiredError: verify session failed for request req-<int>: jwt expired',
    );
    expect(printed).toContain('Spotlight received 1 surge event for it:');

    // Exact counts by kind and rule, read from the integration.
    expect(result.stats?.kinds.session_expired).toEqual({
      drop: 0,
      breadcrumb: 28,
      sampled: 0,
      surges: 1,
      rules: { 'jwt-expired': 26, 'backend-chat-invalid-token': 1, 'backend-401-typed': 1 },
    });
    expect(printed).toContain(
      'session_expired: 0 dropped, 28 demoted, 0 sampled, 1 surge (jwt-expired 26, backend-chat-invalid-token 1, backend-401-typed 1)',
    );

    // The sidecar is gone.
    await expect(fetch(`${result.spotlightUrl}/health`)).rejects.toThrow();
  }, 60_000);
});
