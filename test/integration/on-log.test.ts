import { _INTERNAL_captureSerializedLog } from '@sentry/core';

type SerializedLog = Parameters<typeof _INTERNAL_captureSerializedLog>[1];

import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ExpectedErrorsOptions,
  expectedErrorsIntegration,
  type Rule,
  RuleConfigError,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

const rules: Rule[] = [
  { id: 'guard', kind: 'provider_key_rejected', action: 'report', any: ['invalid_api_key'] },
  {
    id: 'invalid-token',
    kind: 'session_expired',
    action: 'breadcrumb',
    all: ['API error (401', 'Invalid token'],
  },
  { id: 'analytics', kind: 'analytics', action: 'drop', any: ['/analytics/'] },
  { id: 'unauthorized', kind: 'unauthorized', action: 'drop', status: 401 },
];

/** A log envelope item as the SDK serializes it. */
interface SentLog {
  readonly level: string;
  readonly body: string;
  readonly severity_number?: number;
  readonly attributes?: Record<string, { value: unknown; type: string }>;
}

let capture: Capture;
function init(
  options: ExpectedErrorsOptions = { rules },
  sdkOptions: Partial<Sentry.NodeOptions> = {},
  extraIntegrations: ReturnType<typeof Sentry.consoleLoggingIntegration>[] = [],
): void {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    // @sentry/core 9 needs it; 10 defaults it to true; 11 always captures logs (and has no such option).
    ...({ enableLogs: true } as Partial<Sentry.NodeOptions>),
    sendClientReports: true,
    ...sdkOptions,
    integrations: [expectedErrorsIntegration(options), ...extraIntegrations],
  });
}
async function settle(): Promise<void> {
  await Sentry.flush(2_000);
  await Sentry.flush(2_000);
}
function sentLogs(): SentLog[] {
  return capture.envelopes.flatMap(([, items]) =>
    items
      .filter(([header]) => header.type === 'log')
      .flatMap(([, payload]) => (payload as { items: SentLog[] }).items),
  );
}
const bodies = () => sentLogs().map((log) => log.body);
const logWith = (text: string) => sentLogs().find((log) => log.body.includes(text));
function droppedLogs(reason: string): number {
  return capture
    .discarded()
    .filter((entry) => entry.category === 'log_item' && entry.reason === reason)
    .reduce((total, entry) => total + entry.quantity, 0);
}

afterEach(async () => {
  await Sentry.close();
});

describe('expectedErrorsIntegration: logs (Sentry.logger, the console logging integration)', () => {
  it('drops a log a `drop` rule matches (counted as a before_send log_item) and sends the rest', async () => {
    init();
    Sentry.logger.error('POST https://x.test/analytics/track failed');
    Sentry.logger.error('a real failure');
    await settle();
    expect(bodies()).toEqual(['a real failure']);
    expect(logWith('a real failure')).toMatchObject({ level: 'error', severity_number: 17 });
    expect(logWith('a real failure')?.attributes?.['expected_error.kind']).toBeUndefined();
    expect(droppedLogs('before_send')).toBe(1);
  });

  it('demotes a `breadcrumb` match: sent at level info with the attribute expected_error.kind', async () => {
    init();
    Sentry.logger.error('OpenHuman API error (401 Unauthorized): {"error":"Invalid token"}', {
      route: '/chat',
    });
    await settle();
    expect(sentLogs()).toHaveLength(1);
    expect(sentLogs()[0]).toMatchObject({
      level: 'info',
      severity_number: 9,
      attributes: {
        'expected_error.kind': { value: 'session_expired', type: 'string' },
        route: { value: '/chat', type: 'string' },
      },
    });
  });

  it('reads the rendered message of a Sentry.logger.fmt template, and status attributes', async () => {
    init();
    const url = 'https://x.test/analytics/track';
    Sentry.logger.warn(Sentry.logger.fmt`POST ${url} took ${1200} ms`);
    Sentry.logger.warn('GET /me failed', { status: 401 });
    Sentry.logger.warn('GET /me failed', { 'http.response.status_code': 403 });
    Sentry.logger.warn(
      Sentry.logger.fmt`GET ${'/teams'} answered ${'OpenAI API error (401): invalid_api_key'}`,
    );
    await settle();
    expect(bodies()).toEqual([
      'GET /me failed',
      'GET /teams answered OpenAI API error (401): invalid_api_key',
    ]);
    expect(sentLogs()[1]?.attributes?.['sentry.message.template']?.value).toBe('GET %s answered %s');
  });

  it('classifies what the console logging integration captures', async () => {
    init(undefined, {}, [Sentry.consoleLoggingIntegration({ levels: ['error', 'log'] })]);
    console.error('chat: OpenHuman API error (401): {"error":"Invalid token"}');
    console.error('sending %s', 'https://x.test/analytics/ping');
    console.log('ordinary step', 7);
    await settle();
    expect(sentLogs().map((log) => [log.body, log.level])).toEqual([
      ['chat: OpenHuman API error (401): {"error":"Invalid token"}', 'info'],
      ['ordinary step 7', 'info'],
    ]);
    expect(sentLogs()[0]?.attributes?.['expected_error.kind']?.value).toBe('session_expired');
    expect(sentLogs()[0]?.severity_number).toBe(9);
    expect(sentLogs()[1]?.attributes?.['expected_error.kind']).toBeUndefined();
    // console.log's own severity (10) stays on a log no rule claims.
    expect(sentLogs()[1]?.severity_number).toBe(10);
  });

  it("tags instead of changing in mode: 'dry-run'", async () => {
    init({ rules, mode: 'dry-run' });
    Sentry.logger.error('POST https://x.test/analytics/track failed');
    Sentry.logger.error('API error (401): Invalid token');
    await settle();
    expect(sentLogs()).toHaveLength(2);
    expect(logWith('/analytics/')).toMatchObject({
      level: 'error',
      attributes: {
        'expected_error.kind': { value: 'analytics' },
        'expected_error.action': { value: 'drop' },
        'expected_error.rule': { value: 'analytics' },
      },
    });
    expect(logWith('Invalid token')?.level).toBe('error');
    expect(droppedLogs('before_send')).toBe(0);
  });

  it("runs the app's own beforeSendLog after ours, on what remains", async () => {
    const seen: string[] = [];
    init(
      { rules },
      {
        beforeSendLog: (log) => {
          seen.push(String(log.message));
          return String(log.message).includes('secret') ? null : log;
        },
      },
    );
    Sentry.logger.error('POST https://x.test/analytics/track failed');
    Sentry.logger.error('secret step');
    Sentry.logger.error('API error (401): Invalid token');
    await settle();
    expect(seen).toEqual(['secret step', 'API error (401): Invalid token']);
    expect(bodies()).toEqual(['API error (401): Invalid token']);
    expect(sentLogs()[0]?.level).toBe('info');
  });

  it("leaves logs alone with logs: 'ignore'", async () => {
    init({ rules, logs: 'ignore' });
    Sentry.logger.error('POST https://x.test/analytics/track failed');
    await settle();
    expect(bodies()).toEqual(['POST https://x.test/analytics/track failed']);
  });

  it('refuses any other value of `logs`, naming the option', () => {
    expect.hasAssertions();
    try {
      expectedErrorsIntegration({ logs: 'drop' as never });
    } catch (error) {
      expect(RuleConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toBe(
        "expectedErrorsIntegration: `logs` must be 'classify' or 'ignore' (got \"drop\")",
      );
    }
  });

  it("decides serialized records that never pass beforeSendLog (an Electron renderer's, handed to main as they are)", async () => {
    init();
    const client = Sentry.getClient() as Sentry.NodeClient;
    const serialized = (body: string, attributes: Record<string, { value: unknown; type: string }> = {}) =>
      ({
        timestamp: Date.now() / 1000,
        level: 'error',
        body,
        severity_number: 17,
        attributes: { 'electron.process': { value: 'renderer', type: 'string' }, ...attributes },
      }) as SerializedLog;
    _INTERNAL_captureSerializedLog(client, serialized('POST https://x.test/analytics/track failed'));
    _INTERNAL_captureSerializedLog(
      client,
      serialized('GET /me failed', { status: { value: 401, type: 'integer' } }),
    );
    _INTERNAL_captureSerializedLog(client, serialized('chat: API error (401): Invalid token'));
    _INTERNAL_captureSerializedLog(
      client,
      serialized('POST https://x.test/analytics/ping', {
        'expected_error.kind': { value: 'decided_in_renderer', type: 'string' },
      }),
    );
    _INTERNAL_captureSerializedLog(client, serialized('a real renderer failure'));
    await settle();
    expect(sentLogs().map((log) => [log.body, log.level, log.severity_number])).toEqual([
      ['chat: API error (401): Invalid token', 'info', 9],
      ['POST https://x.test/analytics/ping', 'error', 17],
      ['a real renderer failure', 'error', 17],
    ]);
    expect(sentLogs()[0]?.attributes?.['expected_error.kind']).toEqual({
      value: 'session_expired',
      type: 'string',
    });
    expect(droppedLogs('before_send')).toBe(2);
  });

  it('sends nothing when every record of a log envelope is dropped', async () => {
    init();
    _INTERNAL_captureSerializedLog(Sentry.getClient() as Sentry.NodeClient, {
      timestamp: Date.now() / 1000,
      level: 'error',
      body: 'POST https://x.test/analytics/track failed',
      attributes: {},
    });
    await settle();
    // No log item, and no envelope emptied of its items, reached the transport.
    expect(
      capture.envelopes.filter(
        ([, items]) => items.length === 0 || items.some(([header]) => header.type === 'log'),
      ),
    ).toEqual([]);
    expect(droppedLogs('before_send')).toBe(1);
  });

  it.runIf(Sentry.SDK_VERSION.startsWith('9.'))(
    "wraps @sentry/core 9's _experiments.beforeSendLog without shadowing it",
    async () => {
      const seen: string[] = [];
      init({ rules }, {
        _experiments: {
          beforeSendLog: (log: { message: unknown }) => {
            seen.push(String(log.message));
            return log;
          },
        },
      } as Partial<Sentry.NodeOptions>);
      Sentry.logger.error('POST https://x.test/analytics/track failed');
      Sentry.logger.error('kept');
      await settle();
      expect(seen).toEqual(['kept']);
      expect(bodies()).toEqual(['kept']);
    },
  );
});
