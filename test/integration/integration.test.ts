import { originalConsoleMethods } from '@sentry/core';
import * as Sentry from '@sentry/node';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ExpectedError,
  type ExpectedErrorsOptions,
  expectedErrorsIntegration,
  markExpected,
  type Rule,
  upstreamTaxonomy,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

const DSN = 'http://public@127.0.0.1:9/1';
const rules: Rule[] = [
  { id: 'guard', kind: 'provider_key_rejected', action: 'report', any: ['invalid_api_key'] },
  {
    id: 'invalid-token',
    kind: 'session_expired',
    action: 'breadcrumb',
    all: ['API error (401', '"error":"Invalid token"'],
  },
  { id: 'gone', kind: 'message_not_found', action: 'drop', exceptionType: 'MessageNotFoundError' },
  { id: 'unauthorized', kind: 'unauthorized', action: 'drop', status: 401 },
  { id: 'noisy-crumb', kind: 'analytics', action: 'drop', all: ['/analytics/'] },
  {
    id: 'private',
    kind: 'disk_full',
    action: 'breadcrumb',
    any: ['no space left on device'],
    summary: 'withheld',
  },
];

let capture: Capture;
function init(
  options: ExpectedErrorsOptions = { rules },
  sdkOptions: Partial<Sentry.NodeOptions> = {},
): void {
  capture = captureTransport();
  Sentry.init({
    dsn: DSN,
    transport: capture.transport,
    integrations: [expectedErrorsIntegration(options)],
    sendClientReports: true,
    ...sdkOptions,
  });
}
async function settle(): Promise<void> {
  await Sentry.flush(2_000);
  await Sentry.flush(2_000);
}
const messages = () =>
  capture.events().map((event) => event.exception?.values?.at(-1)?.value ?? event.message);

class MessageNotFoundError extends Error {
  override name = 'MessageNotFoundError';
}

afterEach(async () => {
  await Sentry.close();
  for (const scope of [Sentry.getIsolationScope(), Sentry.getCurrentScope(), Sentry.getGlobalScope()]) {
    scope.clearBreadcrumbs();
    scope.setTags({});
  }
});

describe('expectedErrorsIntegration', () => {
  it('drops an event a `drop` rule matches and counts it as an event_processor client report', async () => {
    init();
    Sentry.captureException(new MessageNotFoundError('message not found on telegram: 1103'));
    Sentry.captureException(new Error('a real bug'));
    await settle();
    expect(messages()).toEqual(['a real bug']);
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('demotes a `breadcrumb` match: not sent, and the next event carries a redacted breadcrumb', async () => {
    init();
    Sentry.captureException(
      new Error(
        'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"} key=sk-proj-abcdefghijklmnop1234',
      ),
    );
    await Sentry.flush(2_000);
    Sentry.captureException(new Error('the next real bug'));
    await settle();
    const [event] = capture.events();
    expect(messages()).toEqual(['the next real bug']);
    const demoted = event?.breadcrumbs?.find((breadcrumb) => breadcrumb.category === 'expected_error');
    expect(demoted).toMatchObject({
      level: 'info',
      data: { kind: 'session_expired', rule: 'invalid-token' },
    });
    expect(demoted?.message).toContain('session_expired: Error: OpenHuman API error (401 Unauthorized)');
    expect(demoted?.message).not.toContain('abcdefghijklmnop1234');
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('never adds the breadcrumb of one isolation scope (request) to an event of another', async () => {
    init();
    await Sentry.withIsolationScope(async () => {
      Sentry.captureException(new Error('API error (401): {"error":"Invalid token"}'));
      await Sentry.flush(2_000);
    });
    await Sentry.withIsolationScope(async () => {
      Sentry.captureException(new Error('another request'));
      await settle();
    });
    const [event] = capture.events();
    expect(event?.exception?.values?.at(-1)?.value).toBe('another request');
    expect(
      event?.breadcrumbs?.filter((breadcrumb) => breadcrumb.category === 'expected_error') ?? [],
    ).toEqual([]);
  });

  it('withholds the summary of a rule with `summary: withheld`', async () => {
    init();
    Sentry.captureException(new Error('write /Users/alice/notes.db: no space left on device'));
    await Sentry.flush(2_000);
    Sentry.captureMessage('next');
    await settle();
    const demoted = capture
      .events()[0]
      ?.breadcrumbs?.find((breadcrumb) => breadcrumb.category === 'expected_error');
    expect(demoted?.message).toBe('disk_full (message withheld)');
    expect(JSON.stringify(capture.events()[0]?.breadcrumbs)).not.toContain('alice');
  });

  it('sends a guarded event untouched, identical to what the SDK sends without the integration', async () => {
    const sendOnce = async (integrations: ReturnType<typeof expectedErrorsIntegration>[]) => {
      capture = captureTransport();
      Sentry.init({ dsn: DSN, transport: capture.transport, integrations, sendClientReports: true });
      const error = new Error('OpenAI API error (401): {"error":"Invalid token"} invalid_api_key');
      Sentry.captureException(error, { tags: { status: 401 } });
      await settle();
      const [event] = capture.events();
      await Sentry.close();
      return event;
    };
    const without = await sendOnce([]);
    const withIntegration = await sendOnce([expectedErrorsIntegration({ rules })]);
    // Everything but what differs between any two captures (ids, clocks, the call stack of the capture).
    const comparable = (event: Sentry.Event | undefined) => ({
      ...event,
      event_id: 0,
      timestamp: 0,
      sdk: 0,
      contexts: 0,
      exception: event?.exception?.values?.map(({ stacktrace: _stacktrace, ...value }) => value),
    });
    expect(withIntegration?.exception?.values?.[0]?.stacktrace?.frames?.length).toBeGreaterThan(0);
    expect(comparable(withIntegration)).toEqual(comparable(without));
    expect(withIntegration?.tags).toEqual({ status: 401 });
  });

  it('reads the status of a live error (hint.originalException): drops the 401, sends the 403', async () => {
    init();
    // One message for both: only the status, which the serialized event does not carry, tells them apart.
    const unauthorized = Sentry.captureException(Object.assign(new Error('GET /me failed'), { status: 401 }));
    const forbidden = Sentry.captureException(Object.assign(new Error('GET /me failed'), { status: 403 }));
    await settle();
    expect(capture.events().map((event) => event.event_id)).toEqual([forbidden]);
    expect(unauthorized).not.toBe(forbidden);
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('reads the status along the cause chain and in the fields HTTP clients use', async () => {
    init();
    const gotError = Object.assign(new Error('Response code 401 (Unauthorized)'), { name: 'HTTPError' });
    // got defines `response` non-enumerable: only the live error shows the status.
    Object.defineProperty(gotError, 'response', { enumerable: false, value: { statusCode: 401 } });
    Sentry.captureException(gotError);
    Sentry.captureException(new Error('sync failed', { cause: { status: 401, message: 'GET /me' } }));
    const sent = Sentry.captureException(new Error('sync failed', { cause: { status: 403 } }));
    await settle();
    expect(capture.events().map((event) => event.event_id)).toEqual([sent]);
    expect(capture.discardedCount('event_processor')).toBe(2);
  });

  it('leaves transactions and other non-error events alone', async () => {
    init({ rules: [{ kind: 'k', action: 'drop', any: ['checkout'] }] });
    const client = Sentry.getClient() as Sentry.NodeClient;
    const integration = client.getIntegrationByName('ExpectedErrors');
    const transaction: Sentry.Event = { type: 'transaction', transaction: 'checkout', message: 'checkout' };
    expect(integration?.processEvent?.(transaction, {}, client)).toBe(transaction);
    // The first decision may wait for the bookkeeping, loaded on demand.
    expect(await integration?.processEvent?.({ message: 'checkout' }, {}, client)).toBeNull();
  });

  describe('typed expected errors', () => {
    it('demotes an ExpectedError without any rule', async () => {
      init({});
      Sentry.captureException(
        new ExpectedError('session_expired', 'backend rejected session token on GET /teams'),
      );
      await Sentry.flush(2_000);
      Sentry.captureMessage('after');
      await settle();
      expect(messages()).toEqual(['after']);
      expect(capture.events()[0]?.breadcrumbs?.at(-1)).toMatchObject({
        category: 'expected_error',
        data: { kind: 'session_expired', rule: 'typed:session_expired' },
      });
    });

    it('drops a marked error, and an error whose cause is marked', async () => {
      init({});
      class BackendApiError extends Error {}
      Sentry.captureException(
        markExpected(new BackendApiError('401 on /teams'), 'session_expired', { action: 'drop' }),
      );
      Sentry.captureException(
        new Error('tts failed', { cause: markExpected(new BackendApiError('401'), 'session_expired') }),
      );
      Sentry.captureException(new BackendApiError('403 on /teams'));
      await settle();
      expect(messages()).toEqual(['403 on /teams']);
      expect(capture.discardedCount('event_processor')).toBe(2);
    });

    it('keeps the mark out of the serialized event', () => {
      const error = markExpected(new Error('x'), 'session_expired');
      expect(JSON.stringify({ ...error })).toBe('{}');
      expect(Object.keys(error)).toEqual([]);
    });

    it('marks a frozen error through the shared registry', async () => {
      init({});
      Sentry.captureException(
        markExpected(Object.freeze(new Error('frozen 401')), 'session_expired', { action: 'drop' }),
      );
      Sentry.captureException(Object.freeze(new Error('frozen and unmarked')));
      await settle();
      expect(messages()).toEqual(['frozen and unmarked']);
      expect(capture.discardedCount('event_processor')).toBe(1);
    });
  });

  describe('breadcrumbs', () => {
    it('drops, demotes or keeps breadcrumbs as they are recorded', async () => {
      init();
      Sentry.addBreadcrumb({
        category: 'fetch',
        data: { url: 'https://x.test/analytics/track', status_code: 200 },
      });
      Sentry.addBreadcrumb({
        category: 'http',
        level: 'warning',
        data: { url: 'https://api.test/me', status_code: 401 },
      });
      Sentry.addBreadcrumb({
        category: 'app',
        message: 'chat: OpenHuman API error (401): {"error":"Invalid token"}',
        level: 'error',
      });
      Sentry.addBreadcrumb({ category: 'app', message: 'ordinary step' });
      Sentry.captureMessage('bug');
      await settle();
      const breadcrumbs = capture.events()[0]?.breadcrumbs ?? [];
      expect(breadcrumbs.map((breadcrumb) => breadcrumb.data?.url ?? breadcrumb.message)).toEqual([
        'chat: OpenHuman API error (401): {"error":"Invalid token"}',
        'ordinary step',
      ]);
      expect(breadcrumbs[0]).toMatchObject({
        level: 'info',
        data: { 'expected_error.kind': 'session_expired' },
      });
      expect(breadcrumbs[1]?.level).toBeUndefined();
    });

    it("runs the app's own beforeBreadcrumb after ours", async () => {
      const seen: string[] = [];
      init(
        { rules },
        {
          beforeBreadcrumb: (breadcrumb) => {
            seen.push(String(breadcrumb.message));
            return breadcrumb.message === 'secret step'
              ? null
              : { ...breadcrumb, data: { ...breadcrumb.data, app: true } };
          },
        },
      );
      Sentry.addBreadcrumb({ message: 'GET https://x.test/analytics/ping' });
      Sentry.addBreadcrumb({ message: 'secret step' });
      Sentry.addBreadcrumb({ message: 'kept step' });
      Sentry.captureMessage('bug');
      await settle();
      expect(seen).toEqual(['secret step', 'kept step']);
      expect(capture.events()[0]?.breadcrumbs).toEqual([
        expect.objectContaining({ message: 'kept step', data: { app: true } }),
      ]);
    });

    it("drops the breadcrumb when the app's beforeBreadcrumb throws, as the SDK does", async () => {
      init(
        { rules },
        {
          beforeBreadcrumb: (breadcrumb) => {
            if (breadcrumb.message?.includes('password')) throw new Error('scrubber bug');
            return breadcrumb;
          },
        },
      );
      Sentry.addBreadcrumb({ message: 'connect host=db password=Hunter2Secret' });
      Sentry.addBreadcrumb({ message: 'user clicked send' });
      Sentry.captureMessage('bug');
      await settle();
      const stored = capture.events()[0]?.breadcrumbs?.map((breadcrumb) => breadcrumb.message);
      expect(stored).toEqual(['user clicked send']);
      expect(JSON.stringify(capture.events()[0]?.breadcrumbs)).not.toContain('Hunter2');
    });

    it("leaves breadcrumbs alone with breadcrumbs: 'ignore'", async () => {
      init({ rules, breadcrumbs: 'ignore' });
      Sentry.addBreadcrumb({ message: 'GET https://x.test/analytics/ping' });
      Sentry.captureMessage('bug');
      await settle();
      expect(capture.events()[0]?.breadcrumbs).toEqual([
        expect.objectContaining({ message: 'GET https://x.test/analytics/ping' }),
      ]);
      expect(capture.events()[0]?.breadcrumbs?.[0]?.data).toBeUndefined();
    });
  });

  describe("mode: 'dry-run'", () => {
    it('sends everything, tags what it would have done, and records no client report', async () => {
      init({ rules, mode: 'dry-run' });
      Sentry.captureException(new MessageNotFoundError('gone'));
      Sentry.captureException(new Error('API error (401): {"error":"Invalid token"}'));
      Sentry.captureException(new Error('unclassified'));
      Sentry.addBreadcrumb({ message: 'GET https://x.test/analytics/ping' });
      Sentry.captureMessage('bug');
      await settle();
      // Events can reach the transport in any order (processing is asynchronous): key them by text.
      const byText = new Map(
        capture.events().map((event) => [event.exception?.values?.at(-1)?.value ?? event.message, event]),
      );
      expect(byText.size).toBe(4);
      expect(byText.get('gone')?.tags?.['expected_error.kind']).toBe('message_not_found');
      expect(byText.get('API error (401): {"error":"Invalid token"}')?.tags).toMatchObject({
        'expected_error.kind': 'session_expired',
        'expected_error.action': 'breadcrumb',
        'expected_error.rule': 'invalid-token',
      });
      expect(byText.get('unclassified')?.tags).toBeUndefined();
      expect(byText.get('bug')?.tags).toBeUndefined();
      const analytics = byText
        .get('bug')
        ?.breadcrumbs?.find((crumb) => crumb.message?.includes('/analytics/'));
      expect(analytics?.data).toMatchObject({
        'expected_error.kind': 'analytics',
        'expected_error.action': 'drop',
      });
      expect(capture.discardedCount('event_processor')).toBe(0);
    });
  });

  describe("upstreamTags: 'tag'", () => {
    it('tags sent events with their upstream error type, from the live error or the recorded text', async () => {
      init({ upstreamTags: 'tag', taxonomy: upstreamTaxonomy });
      const body = {
        error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' },
      };
      Sentry.captureException(
        OpenAI.APIError.generate(429, body, undefined, new Headers({ 'retry-after': '2' })),
      );
      Sentry.captureEvent({
        exception: { values: [{ type: 'Error', value: 'OpenAI API error (503 Service Unavailable)' }] },
      });
      Sentry.captureException(new TypeError("Cannot read properties of undefined (reading 'id')"));
      await settle();
      const tagsOf = (text: string) =>
        capture.events().find((event) => event.exception?.values?.at(-1)?.value?.includes(text))?.tags;
      expect(tagsOf('Rate limit reached')).toEqual({
        'upstream.type': 'rate_limited',
        'upstream.retryable': 'true',
      });
      expect(tagsOf('503 Service Unavailable')).toMatchObject({ 'upstream.type': 'server_error' });
      expect(tagsOf('Cannot read properties')).toBeUndefined();
    });
  });

  describe('failing open', () => {
    it('passes an event it cannot read and says why in the debug log', () => {
      init({ rules }, { debug: true });
      const client = Sentry.getClient();
      const integration = client?.getIntegrationByName('ExpectedErrors');
      const hostile = {
        exception: {
          get values(): never {
            throw new Error('hostile getter');
          },
        },
      };
      const logs: unknown[][] = [];
      // Sentry's debug logger prints through the console methods it saved before instrumenting them.
      const saved = originalConsoleMethods as Record<string, ((...args: unknown[]) => void) | undefined>;
      const originalWarn = console.warn;
      const savedWarn = saved.warn;
      console.warn = (...args: unknown[]) => logs.push(args);
      saved.warn = console.warn;
      try {
        const result = integration?.processEvent?.(hostile as Sentry.Event, {}, client as Sentry.NodeClient);
        expect(result).toBe(hostile);
      } finally {
        console.warn = originalWarn;
        saved.warn = savedWarn;
      }
      expect(logs.flat().join(' ')).toMatch(
        /\[ExpectedErrors\] Passing event .*unclassified after an internal error/,
      );
    });

    it('passes an event when processEvent is called without a client, naming the rule in one debug line', () => {
      init({ rules }, { debug: true });
      const integration = Sentry.getClient()?.getIntegrationByName('ExpectedErrors');
      const logs: string[] = [];
      const saved = originalConsoleMethods as Record<string, ((...args: unknown[]) => void) | undefined>;
      const [originalWarn, savedWarn] = [console.warn, saved.warn];
      console.warn = (...args: unknown[]) => logs.push(args.join(' '));
      saved.warn = console.warn;
      try {
        const dropped: Sentry.Event = {
          exception: { values: [{ type: 'MessageNotFoundError', value: 'gone' }] },
        };
        const unmatched: Sentry.Event = { message: 'a real bug' };
        expect(integration?.processEvent?.(dropped, {}, undefined as never)).toBe(dropped);
        expect(integration?.processEvent?.(unmatched, {}, undefined as never)).toBe(unmatched);
      } finally {
        console.warn = originalWarn;
        saved.warn = savedWarn;
      }
      expect(logs.filter((line) => line.includes('[ExpectedErrors]'))).toEqual([
        expect.stringMatching(/Passing event .*\(rule "gone"\): no Sentry client was given/),
      ]);
    });

    it('returns the very same event object when no rule matches', () => {
      init();
      const client = Sentry.getClient();
      const event: Sentry.Event = { message: 'nothing to see', tags: { status: 500 } };
      expect(
        client
          ?.getIntegrationByName('ExpectedErrors')
          ?.processEvent?.(event, {}, client as Sentry.NodeClient),
      ).toBe(event);
    });
  });
});
