import * as SentryCore from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExpectedErrorsOptions, expectedErrorsIntegration, type Rule } from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

// Runs against the @sentry major SENTRY_MAJOR selects (package.json `test:peer`): 11 and 10 (≥ 10.25) have
// `metrics.count`, 9 has none.
const SDK_HAS_METRICS =
  typeof (SentryCore as unknown as { metrics?: { count?: unknown } }).metrics?.count === 'function';

const rules: Rule[] = [
  { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'] },
  { id: 'rate-limit', kind: 'rate_limited', action: 'drop', any: ['429 Too Many Requests'] },
];

/** A `trace_metric` item as the SDK serializes it (attributes typed). */
interface MetricItem {
  readonly name: string;
  readonly type: string;
  readonly value: number;
  readonly attributes: Record<string, { readonly value: unknown; readonly type: string }>;
}

let capture: Capture;
function init(options: ExpectedErrorsOptions = {}, sdkOptions: Partial<Sentry.NodeOptions> = {}): void {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    // Room for a whole burst in flight (the SDK refuses more than 64 by default: queue_overflow).
    transportOptions: { bufferSize: 20_000 },
    integrations: [expectedErrorsIntegration({ rules, surge: false, ...options })],
    ...sdkOptions,
  });
}
/** Our counts are handed to the SDK when it flushes; 10.x sends its metric buffer before we add to it. */
async function settle(): Promise<void> {
  for (let flush = 0; flush < 3; flush++) await Sentry.flush(10_000);
}
function decisionMetrics(): Array<{ kind: unknown; rule: unknown; action: unknown; value: number }> {
  return capture.envelopes
    .flatMap(([, items]) => items.filter(([header]) => header.type === 'trace_metric'))
    .flatMap(([, payload]) => (payload as { items: MetricItem[] }).items)
    .filter((item) => item.name === 'expected_error.events')
    .map((item) => {
      expect(item.type).toBe('counter');
      return {
        kind: item.attributes.kind?.value,
        rule: item.attributes.rule?.value,
        action: item.attributes.action?.value,
        value: item.value,
        ...(item.attributes.mode ? { mode: item.attributes.mode.value } : {}),
      };
    });
}
function burst(count: number): void {
  for (let index = 0; index < count; index++)
    Sentry.captureException(new Error(`OpenAI API error (429 Too Many Requests) request #${index}`));
}

afterEach(async () => {
  await Sentry.close();
});

describe.runIf(SDK_HAS_METRICS)('metrics: expected_error.events', () => {
  it('reports a burst of 1,000 drops as one counter item per kind, rule and action', async () => {
    init();
    burst(1_000);
    for (let index = 0; index < 3; index++)
      Sentry.captureException(new Error(`verify session #${index} failed: jwt expired`));
    await settle();
    expect(capture.discardedCount('event_processor')).toBe(1_003);
    expect(decisionMetrics().sort((left, right) => right.value - left.value)).toEqual([
      { kind: 'rate_limited', rule: 'rate-limit', action: 'drop', value: 1_000 },
      { kind: 'session_expired', rule: 'jwt-expired', action: 'breadcrumb', value: 3 },
    ]);
  });

  it('reports only what changed since the last report, and surges as action `surge`', async () => {
    init({ surge: { threshold: 4 } });
    burst(3);
    await settle();
    burst(2);
    await settle();
    expect(decisionMetrics()).toEqual([
      { kind: 'rate_limited', rule: 'rate-limit', action: 'drop', value: 3 },
      { kind: 'rate_limited', rule: 'rate-limit', action: 'drop', value: 2 },
      { kind: 'rate_limited', rule: 'rate-limit', action: 'surge', value: 1 },
    ]);
  });

  it('reports every 5 s while decisions come in, without waiting for a flush', async () => {
    // `_flushInterval`: how long the SDK itself buffers metrics (5 s by default).
    init({}, { _flushInterval: 50 } as Partial<Sentry.NodeOptions>);
    burst(5);
    await new Promise((resolve) => setTimeout(resolve, 5_600));
    expect(decisionMetrics()).toEqual([
      { kind: 'rate_limited', rule: 'rate-limit', action: 'drop', value: 5 },
    ]);
  }, 15_000);

  it('marks the counts of dry-run with mode: dry-run', async () => {
    init({ mode: 'dry-run' });
    burst(2);
    await settle();
    expect(decisionMetrics()).toEqual([
      { kind: 'rate_limited', rule: 'rate-limit', action: 'drop', value: 2, mode: 'dry-run' },
    ]);
  });

  it('sends no metric with metrics: false, and decides the same', async () => {
    init({ metrics: false });
    burst(20);
    await settle();
    expect(decisionMetrics()).toEqual([]);
    expect(capture.discardedCount('event_processor')).toBe(20);
  });

  it("goes through the SDK's own pipeline (beforeSendMetric sees and can drop them)", async () => {
    const seen: string[] = [];
    init(
      {},
      {
        beforeSendMetric: (metric) => {
          seen.push(metric.name);
          return null;
        },
      },
    );
    burst(2);
    await settle();
    expect(seen).toEqual(['expected_error.events']);
    expect(decisionMetrics()).toEqual([]);
  });
});

describe.skipIf(SDK_HAS_METRICS)('metrics on an SDK without metrics.count', () => {
  it('are silently absent: decisions and counts are unchanged', async () => {
    init({ surge: { threshold: 2 } });
    burst(3);
    await settle();
    expect(decisionMetrics()).toEqual([]);
    expect(capture.discardedCount('event_processor')).toBe(3);
    expect(capture.events().map((event) => event.message)).toEqual([
      expect.stringMatching(/^Expected error surge: rate_limited \(/),
    ]);
    const integration = Sentry.getClient()?.getIntegrationByName('ExpectedErrors') as ReturnType<
      typeof expectedErrorsIntegration
    >;
    expect(integration.getStats().kinds.rate_limited).toMatchObject({ drop: 3, surges: 1 });
  });
});
