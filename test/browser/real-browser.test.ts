import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, RUN_IN_BROWSER } from '../helpers/chromium.js';
import type { EnvelopeReceiver } from '../helpers/envelope-receiver.js';
import {
  type Api,
  type BrowserScenario,
  runPage as openPage,
  type PageServer,
  startBrowserScenario,
  waitUntil,
} from '../helpers/page-server.js';

interface SentEvent {
  level?: string;
  exception?: {
    values: Array<{ type: string; value: string; mechanism?: { type?: string; handled?: boolean } }>;
  };
  breadcrumbs?: Array<{
    category?: string;
    level?: string;
    message?: string;
    data?: Record<string, unknown>;
  }>;
}

/** What the app's backend and its LLM provider answer (the BYO-key body is OpenAI's, verbatim). */
const API: Api = {
  '/api/session': { status: 401, body: '{"success":false,"error":"Session expired. Please log in again."}' },
  '/api/chat': { status: 503, body: '{"error":"upstream connect error or disconnect/reset before headers"}' },
  // Anthropic's error event inside a stream that started with HTTP 200.
  '/api/stream': {
    status: 200,
    body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  },
  '/api/complete': {
    status: 401,
    body: '{"error":{"message":"Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
  },
};

let scenario: BrowserScenario | undefined;
let receiver: EnvelopeReceiver;
let pageServer: PageServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!RUN_IN_BROWSER) return;
  // Bundled for the browser as an app's bundler splits dynamic imports (there are none: `page.js` alone).
  scenario = await startBrowserScenario('test/browser/page.ts', API, {
    splitting: true,
    chunkNames: '[name]-[hash]',
  });
  ({ receiver, pageServer, browser } = scenario);
}, 60_000);

afterAll(async () => {
  await scenario?.close();
});

/** Opens the page and waits until its scenario has run (or says what the page printed). */
const runPage = (query: string) => openPage(browser as Browser, `${pageServer?.url}?${query}`);

describe.runIf(RUN_IN_BROWSER)('expectedErrorsIntegration in Chromium with @sentry/browser', () => {
  it('loads one script and nothing after it: no code is loaded later', async () => {
    // No DSN: the SDK sends nothing; the page runs its scenario all the same.
    pageServer?.scripts.splice(0);
    await runPage('rules=basic');

    expect(pageServer?.scripts).toEqual(['/page.js']);
  });

  it('sends the rejected key, the bug and the unhandled rejection; the expired session, the 503, the overloaded stream and the stale chunk are demoted or dropped', async () => {
    pageServer?.scripts.splice(0);
    await runPage(`dsn=${encodeURIComponent(receiver.dsn)}`);
    const dropped = () =>
      (
        receiver.itemsOf('client_report') as Array<{
          discarded_events: Array<{ reason: string; quantity: number }>;
        }>
      )
        .flatMap((report) => report.discarded_events)
        .filter((outcome) => outcome.reason === 'event_processor')
        .reduce((total, outcome) => total + outcome.quantity, 0);
    await waitUntil(() => receiver.itemsOf('event').length >= 3 && dropped() >= 4);

    // Decisions, demotions, the taxonomy and the pattern check: all in the one script the page loaded.
    expect(pageServer?.scripts).toEqual(['/page.js']);
    const events = receiver.itemsOf('event') as SentEvent[];
    const outermost = events.map((event) => event.exception?.values.at(-1));
    expect(outermost.map((exception) => exception?.type)).toEqual(['ApiError', 'TypeError', 'RangeError']);
    expect(outermost[0]?.value).toContain('invalid_api_key');
    expect(outermost[1]?.mechanism).toMatchObject({ handled: false });
    expect(outermost[2]).toMatchObject({
      value: 'Invalid time value',
      mechanism: { type: 'auto.browser.global_handlers.onunhandledrejection', handled: false },
    });
    expect(dropped()).toBe(4);

    // The bug's trail: the three demoted errors, in order, and the 503 fetch breadcrumb marked as expected.
    const trail = events[1]?.breadcrumbs ?? [];
    expect(trail.filter((crumb) => crumb.category === 'expected_error').map((crumb) => crumb.data)).toEqual([
      { kind: 'session_expired', rule: 'session-expired-phrase' },
      { kind: 'transient_upstream', rule: 'transient-status' },
      { kind: 'transient_upstream', rule: 'overloaded' },
    ]);
    const fetches = trail.filter((crumb) => crumb.category === 'fetch');
    expect(fetches.map((crumb) => [crumb.data?.url, crumb.data?.status_code, crumb.level])).toEqual([
      ['/api/session', 401, 'warning'],
      ['/api/chat', 503, 'info'],
      ['/api/stream', 200, undefined],
      ['/api/complete', 401, 'warning'],
    ]);
    expect(fetches[1]?.data).toMatchObject({ 'expected_error.kind': 'transient_upstream' });
    const [header] = receiver.envelopes[0] ?? [];
    expect(header).toMatchObject({ sdk: { name: 'sentry.javascript.browser' } });
  }, 30_000);
});
