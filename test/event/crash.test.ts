import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedErrorsIntegration, type Rule } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';
import { startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { runTypeScript } from '../helpers/spawn.js';

interface SentEvent {
  readonly level?: string;
  readonly exception?: { values: Array<{ value: string; mechanism?: { type: string; handled: boolean } }> };
}

/** Runs the child app against a local receiver; returns what it printed and what Sentry received. */
async function runApp(scenario: 'exception' | 'rejection', permission: 'guarded' | 'allowed') {
  const receiver = await startEnvelopeReceiver();
  try {
    const finished = await runTypeScript('test/helpers/uncaught-app.ts', [scenario, permission], {
      environment: { SENTRY_DSN: receiver.dsn },
    });
    const decisions = finished.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { action: string; rule: string });
    const events = receiver.itemsOf('event') as SentEvent[];
    const dropped = (
      receiver.itemsOf('client_report') as Array<{
        discarded_events: Array<{ reason: string; quantity: number }>;
      }>
    )
      .flatMap((report) => report.discarded_events)
      .filter((entry) => entry.reason === 'event_processor')
      .reduce((total, entry) => total + entry.quantity, 0);
    return { code: finished.code, stderr: finished.stderr, decisions, events, dropped };
  } finally {
    await receiver.close();
  }
}

const lastException = (event: SentEvent | undefined) => event?.exception?.values.at(-1);

describe('uncaught guard (a real @sentry/node child process)', { timeout: 45_000 }, () => {
  it('sends an uncaught exception a drop rule matches, and the process still exits with code 1', async () => {
    const run = await runApp('exception', 'guarded');
    expect(run.code, run.stderr).toBe(1);
    expect(run.events).toHaveLength(1);
    expect(run.events[0]?.level).toBe('fatal');
    expect(lastException(run.events[0])).toMatchObject({
      value: 'worker crashed: connection lost',
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });
    // The handled error with the same text was dropped.
    expect(run.decisions).toEqual([{ action: 'drop', kind: 'connection_lost', rule: 'connection-lost' }]);
  });

  it('drops it when the rule sets uncaught: true', async () => {
    const run = await runApp('exception', 'allowed');
    expect(run.code, run.stderr).toBe(1);
    expect(run.events).toEqual([]);
    expect(run.decisions.map(({ action, rule }) => [action, rule])).toEqual([
      ['drop', 'connection-lost'],
      ['drop', 'connection-lost'],
    ]);
  });

  it('sends an unhandled rejection a breadcrumb rule matches', async () => {
    const run = await runApp('rejection', 'guarded');
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.map((event) => lastException(event))).toEqual([
      expect.objectContaining({
        value: 'token refresh failed: jwt expired',
        mechanism: expect.objectContaining({ type: 'auto.node.onunhandledrejection', handled: false }),
      }),
    ]);
    expect(run.dropped).toBe(1);
  });

  it('demotes it when the rule sets uncaught: true', async () => {
    const run = await runApp('rejection', 'allowed');
    expect(run.code, run.stderr).toBe(0);
    expect(run.events).toEqual([]);
    expect(run.decisions.map(({ action, rule }) => [action, rule])).toEqual([
      ['drop', 'connection-lost'],
      ['breadcrumb', 'jwt-expired'],
    ]);
    expect(run.dropped).toBe(2);
  });
});

describe('uncaught guard (in process)', () => {
  const rules: Rule[] = [{ id: 'expired', kind: 'session_expired', action: 'drop', any: ['jwt expired'] }];
  afterEach(async () => {
    await Sentry.close();
  });

  it('sends a fatal event, and in dry-run tags a guarded event expected_error.uncaught', async () => {
    for (const mode of ['enforce', 'dry-run'] as const) {
      const capture = captureTransport();
      Sentry.init({
        dsn: 'http://public@127.0.0.1:9/1',
        transport: capture.transport,
        integrations: [expectedErrorsIntegration({ rules, mode })],
      });
      Sentry.captureException(new Error('session check: jwt expired'), { level: 'fatal' });
      Sentry.captureException(new Error('next request: jwt expired'));
      await Sentry.flush(2_000);
      const sent = capture.events();
      if (mode === 'enforce') {
        expect(sent.map((event) => event.level)).toEqual(['fatal']);
      } else {
        expect(sent.map((event) => event.tags?.['expected_error.uncaught'])).toEqual(['true', undefined]);
      }
      await Sentry.close();
    }
  });
});
