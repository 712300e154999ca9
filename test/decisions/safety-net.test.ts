import { originalConsoleMethods } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ExpectedErrorDecision,
  type ExpectedErrorsOptions,
  expectedErrorsIntegration,
  type Rule,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

const DSN = 'http://public@127.0.0.1:9/1';
const rules: Rule[] = [
  { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'] },
  { id: 'invalid-token', kind: 'session_expired', action: 'drop', any: ['Invalid token'] },
  { id: 'rate-limit', kind: 'rate_limited', action: 'drop', any: ['429 Too Many Requests'] },
  // Would claim the surge event's own message if the surge event were classified.
  { id: 'claims-surges', kind: 'noise', action: 'drop', any: ['Expected error surge'] },
];

let capture: Capture;
function init(options: ExpectedErrorsOptions, sdkOptions: Partial<Sentry.NodeOptions> = {}) {
  capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    transport: capture.transport,
    integrations: [expectedErrorsIntegration({ rules, ...options })],
    sendClientReports: true,
    ...sdkOptions,
  });
  return Sentry.getClient()?.getIntegrationByName('ExpectedErrors') as ReturnType<
    typeof expectedErrorsIntegration
  >;
}
async function settle(): Promise<void> {
  await Sentry.flush(2_000);
  await Sentry.flush(2_000);
}
/**
 * Captures expired-session errors with distinct messages (Sentry's Dedupe drops an event identical to the
 * one before it), letting the SDK process them in batches: it refuses more than 64 events in flight
 * (`queue_overflow`), and the integration reads the clock when it processes an event, not at capture.
 */
async function expire(count: number, from = 0): Promise<void> {
  for (let index = from; index < from + count; index++) {
    Sentry.captureException(new Error(`verify session #${index} failed: jwt expired`));
    if ((index - from) % 32 === 31) await processed();
  }
  await processed();
}
async function processed(): Promise<void> {
  await Sentry.flush(2_000);
}
const surges = () => capture.events().filter((event) => event.message?.startsWith('Expected error surge'));

beforeEach(() => {
  // Only the clock is faked: the SDK's own flushing needs real timers.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
});
afterEach(async () => {
  vi.useRealTimers();
  await Sentry.close();
  for (const scope of [Sentry.getIsolationScope(), Sentry.getCurrentScope(), Sentry.getGlobalScope()]) {
    scope.clearBreadcrumbs();
    scope.setTags({});
  }
});

describe('expectedErrorsIntegration surge', () => {
  it('sends one warning event per kind and window once drops + demotions exceed the threshold', async () => {
    init({ surge: { threshold: 3, windowMs: 60_000 } });
    await expire(2);
    Sentry.captureException(new Error('API error (401): {"error":"Invalid token"} #1'));
    // The SDK's own processors may hold an event back (reading source lines): the drop is the third
    // decision only once it has been processed.
    await processed();
    await expire(5, 2);
    await settle();
    expect(capture.events().filter((event) => !surges().includes(event))).toEqual([]);
    const [surge, ...others] = surges();
    expect(others).toEqual([]);
    expect(surge).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/^Expected error surge: session_expired \(4 in 60 s, up to \d{4}-/),
      fingerprint: ['expected-error-surge', 'session_expired'],
      tags: { 'expected_error.surge': 'session_expired', 'expected_error.kind': 'session_expired' },
      contexts: {
        expected_error_surge: {
          kind: 'session_expired',
          count: 4,
          threshold: 3,
          windowMs: 60_000,
          rules: { 'jwt-expired': 3, 'invalid-token': 1 },
        },
      },
    });
    // No one's data: the demoted events' summaries only as parameterized examples, no breadcrumbs.
    expect(surge?.contexts?.expected_error_surge?.examples).toEqual([
      'session_expired: Error: verify session #<int> failed: jwt expired',
    ]);
    expect(surge?.breadcrumbs ?? []).toEqual([]);
    // 8 matched events dropped or demoted; the surge event itself is not one of them.
    expect(capture.discardedCount('event_processor')).toBe(8);
  });

  it('counts within a sliding window: correct across window edges, one surge per window', async () => {
    init({ surge: { threshold: 3, windowMs: 60_000 } });
    await expire(3);
    vi.advanceTimersByTime(60_000); // the three have left the window: one more is not a surge
    await expire(1, 3);
    vi.advanceTimersByTime(30_000);
    await expire(2, 4); // three within 30 s: still not more than three
    await settle();
    expect(surges()).toHaveLength(0);

    vi.advanceTimersByTime(29_999); // the one at 60 s is still inside: four within the window
    await expire(1, 6);
    await expire(20, 7); // same window: no second surge
    await settle();
    expect(surges().map((event) => event.contexts?.expected_error_surge?.count)).toEqual([4]);

    vi.advanceTimersByTime(60_000); // a new window, and the storm goes on
    await expire(4, 27);
    await settle();
    expect(surges()).toHaveLength(2);
  });

  it('counts kinds apart, and never classifies its own event', async () => {
    init({ surge: { threshold: 2 } });
    for (let index = 0; index < 3; index++) {
      Sentry.captureException(new Error(`OpenAI API error (429 Too Many Requests) #${index}`));
      Sentry.captureException(new Error(`verify session #${index} failed: jwt expired`));
    }
    await settle();
    expect(
      surges()
        .map((event) => event.tags?.['expected_error.surge'])
        .sort(),
    ).toEqual(['rate_limited', 'session_expired']);
  });

  it('raises nothing in dry-run, and tags the event that would have raised it', async () => {
    const integration = init({ mode: 'dry-run', surge: { threshold: 3 } });
    await expire(5);
    await settle();
    expect(surges()).toEqual([]);
    const wouldFire = capture
      .events()
      .filter((event) => event.tags?.['expected_error.surge_would_fire'] !== undefined);
    // The fourth to be processed (processing order may differ from capture order).
    expect(wouldFire).toHaveLength(1);
    expect(wouldFire[0]?.tags?.['expected_error.surge_would_fire']).toBe('session_expired');
    expect(integration.getStats().kinds.session_expired).toMatchObject({ breadcrumb: 5, surges: 1 });
  });

  it('is off with surge: false', async () => {
    init({ surge: false });
    await expire(200);
    await settle();
    expect(surges()).toEqual([]);
    expect(capture.discardedCount('event_processor')).toBe(200);
  });

  it('is on by default: more than 100 in a minute', async () => {
    init({});
    await expire(100);
    await settle();
    expect(surges()).toEqual([]);
    await expire(1, 100);
    await settle();
    expect(surges()).toHaveLength(1);
  });
});

describe('getStats', () => {
  it('counts every decision by kind and rule since the integration was created', async () => {
    const since = Date.now();
    const integration = init({ surge: { threshold: 3 } });
    await expire(4);
    Sentry.captureException(new Error('API error (401): {"error":"Invalid token"}'));
    Sentry.captureException(new Error('OpenAI API error (429 Too Many Requests)'));
    Sentry.captureException(new Error('a real bug'));
    await settle();
    expect(integration.getStats()).toEqual({
      since,
      mode: 'enforce',
      kinds: {
        session_expired: {
          drop: 1,
          breadcrumb: 4,
          sampled: 0,
          surges: 1,
          rules: { 'jwt-expired': 4, 'invalid-token': 1 },
        },
        rate_limited: { drop: 1, breadcrumb: 0, sampled: 0, surges: 0, rules: { 'rate-limit': 1 } },
      },
    });
  });
});

describe('onDecision', () => {
  it('is called for every drop, demotion and surge, with the event', async () => {
    const decisions: ExpectedErrorDecision[] = [];
    init({ surge: { threshold: 2 }, onDecision: (decision) => decisions.push(decision) });
    await expire(2);
    Sentry.captureException(new Error('API error (401): {"error":"Invalid token"}'));
    await settle();
    expect(decisions.map(({ kind, rule, action, mode }) => [kind, rule, action, mode])).toEqual([
      ['session_expired', 'jwt-expired', 'breadcrumb', 'enforce'],
      ['session_expired', 'jwt-expired', 'breadcrumb', 'enforce'],
      ['session_expired', 'invalid-token', 'drop', 'enforce'],
      ['session_expired', 'invalid-token', 'surge', 'enforce'],
    ]);
    expect(decisions[0]?.event.exception?.values?.at(-1)?.value).toMatch(
      /^verify session #[01] failed: jwt expired$/,
    );
    expect(decisions[3]?.event.message).toMatch(/^Expected error surge: session_expired \(/);
  });

  it('changes nothing when it throws, and says so in the debug log', async () => {
    const logs: string[] = [];
    const saved = originalConsoleMethods as Record<string, ((...args: unknown[]) => void) | undefined>;
    const [originalWarn, savedWarn] = [console.warn, saved.warn];
    console.warn = (...args: unknown[]) => logs.push(args.map(String).join(' '));
    saved.warn = console.warn;
    try {
      const integration = init(
        {
          surge: { threshold: 1 },
          onDecision: () => {
            throw new Error('callback bug');
          },
        },
        { debug: true },
      );
      await expire(2);
      Sentry.captureException(new Error('a real bug'));
      await settle();
      expect(
        capture.events().map((event) => event.exception?.values?.at(-1)?.value ?? event.message),
      ).toEqual([expect.stringMatching(/^Expected error surge: session_expired \(/), 'a real bug']);
      expect(integration.getStats().kinds.session_expired).toMatchObject({ breadcrumb: 2, surges: 1 });
    } finally {
      console.warn = originalWarn;
      saved.warn = savedWarn;
    }
    expect(logs.filter((line) => line.includes('onDecision threw'))).toHaveLength(3);
  });
});

describe('expectedErrorsIntegration options', () => {
  it.each([
    [{ surge: { threshold: 0 } }, /`surge.threshold` must be a positive integer \(got 0\)/],
    [{ surge: { threshold: 2.5 } }, /`surge.threshold` must be a positive integer \(got 2.5\)/],
    [{ surge: { threshold: '100' } }, /`surge.threshold` must be a positive integer \(got "100"\)/],
    [{ surge: { threshold: 5, windowMs: 0 } }, /`surge.windowMs` must be a positive finite number/],
    [{ surge: { threshold: 5, windowMs: Number.NaN } }, /`surge.windowMs`/],
    [{ surge: true }, /`surge` must be \{ threshold, windowMs\? \} or false \(got true\)/],
    [{ metrics: 'yes' }, /`metrics` must be a boolean \(got "yes"\)/],
    [{ onDecision: 'log' }, /`onDecision` must be a function \(got "log"\)/],
  ])('refuses %j at construction', (options, message) => {
    expect(() => expectedErrorsIntegration(options as unknown as ExpectedErrorsOptions)).toThrowError(
      expect.objectContaining({
        name: 'RuleConfigError',
        message: expect.stringMatching(new RegExp(`^expectedErrorsIntegration: ${message.source}`)),
      }),
    );
  });
});
