import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, RUN_IN_BROWSER } from '../helpers/chromium.js';
import type { EnvelopeReceiver } from '../helpers/envelope-receiver.js';
import {
  type Api,
  type BrowserScenario,
  type PageServer,
  runPage,
  startBrowserScenario,
  waitUntil,
} from '../helpers/page-server.js';

interface SentEvent {
  exception?: { values: Array<{ type: string; value: string }> };
  breadcrumbs?: Array<{ category?: string; data?: Record<string, unknown> }>;
}

/** The providers' answers, verbatim from their documentation, and the app's own backend failing. */
const API: Api = {
  '/openai/v1/chat/completions': (body) =>
    body.includes('"rate"')
      ? {
          status: 429,
          headers: { 'retry-after-ms': '150', 'x-request-id': 'req_1' },
          body: '{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-x on tokens per min (TPM): Limit 200000, Used 199000, Requested 1500. Please try again in 150ms.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}',
        }
      : {
          status: 401,
          body: '{"error":{"message":"Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
        },
  '/anthropic/v1/messages': {
    status: 529,
    headers: { 'request-id': 'req_2' },
    body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  },
  '/api/resource': { status: 500, body: '{"error":"internal"}' },
};

/** A loopback port nothing listens on: a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let scenario: BrowserScenario | undefined;
let receiver: EnvelopeReceiver;
let pageServer: PageServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!RUN_IN_BROWSER) return;
  // Minified as an app's production build is: the libraries' class names do not survive it.
  scenario = await startBrowserScenario('test/browser/libraries-page.ts', API, { minify: true });
  ({ receiver, pageServer, browser } = scenario);
}, 60_000);

afterAll(async () => {
  await scenario?.close();
});

describe.runIf(RUN_IN_BROWSER)(
  'recommendedRules() in Chromium, on a minified build, with real libraries',
  () => {
    it('demotes the expired session, the rate limit, the overload and the refused connection; sends the forged token, the rejected key, the backend 500 and the bug', async () => {
      const refused = `http://127.0.0.1:${await closedPort()}/`;
      await runPage(
        browser as Browser,
        `${pageServer?.url}?dsn=${encodeURIComponent(receiver.dsn)}&refused=${encodeURIComponent(refused)}`,
      );
      await waitUntil(() => receiver.itemsOf('event').length >= 4);

      // The minified build renamed jose's error class: a rule on its class name would miss it.
      const names = await (browser as Browser).page.evaluate(
        () => (globalThis as { errorNames?: string[] }).errorNames,
      );
      expect(names).not.toEqual(['JWTExpired']);

      const events = receiver.itemsOf('event') as SentEvent[];
      const sent = events.map((event) => event.exception?.values.at(-1)?.value ?? '');
      expect(sent).toHaveLength(4);
      expect(sent[0]).toBe('signature verification failed');
      expect(sent[1]).toMatch(/^401 Incorrect API key provided/);
      expect(sent[2]).toMatch(/^Request failed with status code 500 Internal Server Error: GET /);
      expect(sent[3]).toMatch(/Cannot read properties of undefined/);

      // The bug's trail: the four demoted failures, in order, each with the rule that named its library.
      const trail = (events[3]?.breadcrumbs ?? []).filter((crumb) => crumb.category === 'expected_error');
      expect(trail.map((crumb) => crumb.data)).toEqual([
        { kind: 'session_expired', rule: 'jwt-expired' },
        { kind: 'transient_upstream', rule: 'llm-sdk-transient-status' },
        { kind: 'transient_upstream', rule: 'llm-sdk-transient-status' },
        { kind: 'connection_failed', rule: 'browser-fetch-failed' },
      ]);
    }, 40_000);
  },
);
