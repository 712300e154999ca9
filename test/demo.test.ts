import { describe, expect, it } from 'vitest';
import {
  type DemoResult,
  droppedByProcessors,
  formatDemo,
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
    const events = itemsOf(result.received, 'event') as ReceivedEvent[];
    const sentIds = result.scenarios
      .filter((scenario) => scenario.outcome === 'sent')
      .map((scenario) => scenario.eventId);
    expect(events.map((event) => event.event_id)).toEqual(sentIds);
    expect(events.map((event) => event.exception?.values?.at(-1)?.type)).toEqual([
      'Error',
      'BackendApiError',
      'TypeError',
    ]);
    expect(droppedByProcessors(result.received)).toBe(7);
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
    expect(printed).toContain(
      'Spotlight received 3 of 10 error events; client reports count 7 dropped by an event processor',
    );

    // The sidecar is gone.
    await expect(fetch(`${result.spotlightUrl}/health`)).rejects.toThrow();
  }, 60_000);
});
