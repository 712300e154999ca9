// The page test/browser/real-browser.test.ts loads in Chromium: @sentry/browser with the integration and
// the built-in packs, then what a web app (or a Tauri webview, or an Electron renderer) runs into: an
// expired session, a transient 503 from fetch, an overloaded stream, a stale bundle's chunk error, a
// rejected BYO key, a real bug and an unhandled rejection. The server behind it answers /api/* the way
// the real backends do; the DSN points at a local receiver. `?rules=basic` keeps only the session pack;
// otherwise the page also has rules of its own with an `upstream` condition and a `pattern`, and imports
// the taxonomy and the pattern check they need.
import * as Sentry from '@sentry/browser';
import {
  byoKeyGuardRules,
  expectedErrorsIntegration,
  patternSafety,
  type Rule,
  sessionExpiredRules,
  transientUpstreamRules,
  upstreamTaxonomy,
} from 'sentry-expected-errors';

declare global {
  interface Window {
    /** Set when every scenario has run and been sent; the test waits for it. */
    scenarioDone?: boolean;
  }
}

const parameters = new URLSearchParams(location.search);
const basic = parameters.get('rules') === 'basic';
/** Rules of the app's own whose conditions need the taxonomy and the pattern check. */
const ownRules: Rule[] = [
  // A provider error sent mid-stream (HTTP 200): only the upstream taxonomy sees it is an overload.
  { id: 'overloaded', kind: 'transient_upstream', action: 'breadcrumb', upstream: { type: 'overloaded' } },
  // A deploy replaced the bundle under an open tab (webpack's ChunkLoadError).
  {
    id: 'stale-chunk',
    kind: 'stale_bundle',
    action: 'drop',
    pattern: /^ChunkLoadError: Loading chunk \d{1,6} failed/,
  },
];

Sentry.init({
  dsn: parameters.get('dsn') ?? undefined,
  integrations: [
    expectedErrorsIntegration({
      ...(basic
        ? { rules: sessionExpiredRules() }
        : {
            rules: [
              ...byoKeyGuardRules(),
              ...sessionExpiredRules(),
              ...transientUpstreamRules(),
              ...ownRules,
            ],
            taxonomy: upstreamTaxonomy,
            patterns: patternSafety,
          }),
    }),
  ],
});

/** What the app's API client throws for a failed response: the status on the error, the body in its text. */
class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;

  constructor(method: string, path: string, status: number, statusText: string, body: string) {
    super(`${method} ${path} failed (${status} ${statusText}): ${body}`);
    this.status = status;
  }
}

async function call(method: string, path: string): Promise<unknown> {
  const response = await fetch(path, { method });
  const body = await response.text();
  if (!response.ok) throw new ApiError(method, path, response.status, response.statusText, body);
  return JSON.parse(body);
}

/** Calls the API and reports a failure the way an app's error boundary would. */
async function reportFailure(method: string, path: string): Promise<void> {
  try {
    await call(method, path);
  } catch (error) {
    Sentry.captureException(error);
  }
  // One scenario at a time: its event is processed (and its breadcrumb left) before the next starts.
  await Sentry.flush(2_000);
}

async function run(): Promise<void> {
  await reportFailure('GET', '/api/session');
  await reportFailure('POST', '/api/chat');
  if (!basic) {
    const streamed = await (await fetch('/api/stream', { method: 'POST' })).text();
    Sentry.captureException(new Error(`chat stream failed: ${streamed}`));
    await Sentry.flush(2_000);
    const stale = new Error('Loading chunk 42 failed.\n(error: https://app.example/static/42.js)');
    stale.name = 'ChunkLoadError';
    Sentry.captureException(stale);
    await Sentry.flush(2_000);
  }
  await reportFailure('POST', '/api/complete');
  // A real bug, thrown where nothing catches it, and a promise nobody awaits.
  setTimeout(() => {
    const conversation = JSON.parse('{}') as { messages?: Array<{ id: string }> };
    void (conversation.messages as Array<{ id: string }>)[0]?.id;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  void Promise.reject(new RangeError('Invalid time value'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await Sentry.flush(2_000);
  // Client reports (what was dropped) go out when the page is hidden: the user switches tabs.
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  await Sentry.flush(2_000);
  window.scenarioDone = true;
}

void run();
