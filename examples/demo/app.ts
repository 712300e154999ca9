// The demo's app: an LLM-backed service's realistic mix of errors, captured through @sentry/node with the
// expected-errors integration and the example rule pack, sent to the DSN in SENTRY_DSN (the demo points
// it at a local Spotlight sidecar). Prints one JSON line per error: what the integration did with it; then
// a burst of expired sessions, above the demo's surge threshold, and the surge event it raised.
import type { Breadcrumb } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { expectedErrorsIntegration, patternSafety } from 'sentry-expected-errors';
import { rules } from '../recorded/rules.mjs';

/** The backend API client's error: it carries the HTTP status, as such clients do. */
class BackendApiError extends Error {
  override name = 'BackendApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

class MessageNotFoundError extends Error {
  override name = 'MessageNotFoundError';
}

/** One error the app runs into, and how it is captured. */
interface Scenario {
  readonly name: string;
  readonly error: Error;
  readonly tags?: Record<string, string | number>;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'session expiry (JWT)',
    error: Object.assign(
      new Error(
        'verify session failed: jwt expired (Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJl)',
      ),
      { name: 'TokenExpiredError' },
    ),
  },
  {
    name: 'backend 401 (chat)',
    error: new Error(
      'run_chat_task failed thread_id=thread-743193ba error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
    ),
  },
  {
    name: 'backend 401 (typed client)',
    error: new BackendApiError('backend rejected session token on POST /openai/v1/audio/speech', 401),
  },
  {
    name: 'BYO-key 401 (invalid_api_key)',
    error: new Error(
      'OpenAI API error (401 Unauthorized): {"error":{"message":"Incorrect API key provided: sk-proj-****abcd.","code":"invalid_api_key"}}',
    ),
  },
  { name: '403 forbidden', error: new BackendApiError('forbidden on GET /teams', 403) },
  {
    name: 'message not found (typed)',
    error: new MessageNotFoundError('message not found on telegram: 1103'),
  },
  {
    name: 'message not found (PATCH 404)',
    error: new Error('PATCH /channels/discord/messages/88 failed (404); response_body_len=172'),
    tags: { domain: 'backend_api', method: 'PATCH', status_code: 404 },
  },
  {
    name: 'model fallback aggregate',
    error: new Error(
      'The model `gpt-5.5` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\nprovider=custom_openai model=gpt-5.5 attempt 1/3: non_retryable; error=custom_openai API error (404 Not Found): {"error":"model not found"}',
    ),
  },
  {
    name: 'upstream 429',
    error: new Error('OpenAI API error (429 Too Many Requests): Rate limit reached for gpt-4o'),
  },
  { name: 'real bug (TypeError)', error: realBug() },
];

function realBug(): Error {
  const threads = new Map<string, { title: string }>();
  try {
    // The bug: reading a thread that was never loaded.
    return new Error((threads.get('thread-743193ba') as { title: string }).title);
  } catch (error) {
    return error as Error;
  }
}

/** The surge threshold of the demo, and the size of its burst of expired sessions. */
const SURGE_THRESHOLD = 20;
const BURST = 25;

const expectedErrors = expectedErrorsIntegration({
  rules,
  // The seed pack has rules of its own with a `pattern`: they need the pattern check.
  patterns: patternSafety,
  surge: { threshold: SURGE_THRESHOLD, windowMs: 60_000 },
});

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  // Spotlight's envelope endpoint needs the content type, which the Node transport does not set.
  transportOptions: { headers: { 'content-type': 'application/x-sentry-envelope' } },
  release: 'expected-errors-demo@1.0.0',
  environment: 'demo',
  // A small threshold so the demo's burst crosses it; the default is more than 100 in a minute.
  integrations: [expectedErrors],
});

const client = Sentry.getClient();
if (!client) throw new Error('Sentry did not start: is SENTRY_DSN set?');
const sent = new Set<string>();
const surgeIds: string[] = [];
const demotions: Breadcrumb[] = [];
client.on('beforeSendEvent', (event) => {
  if (event.event_id) sent.add(event.event_id);
  if (event.event_id && event.fingerprint?.[0] === 'expected-error-surge') surgeIds.push(event.event_id);
});
client.on('beforeAddBreadcrumb', (breadcrumb) => {
  if (breadcrumb.category === 'expected_error') demotions.push(breadcrumb);
});

for (const scenario of SCENARIOS) {
  const demotedBefore = demotions.length;
  const eventId = Sentry.withScope((scope) => {
    scope.setTags(scenario.tags ?? {});
    return Sentry.captureException(scenario.error);
  });
  // Processing is asynchronous; once flushed, the event was sent, dropped or demoted.
  await Sentry.flush(2_000);
  const demotion = demotions[demotedBefore];
  const outcome = sent.has(eventId) ? 'sent' : demotion ? 'breadcrumb' : 'dropped';
  process.stdout.write(
    `${JSON.stringify({
      scenario: scenario.name,
      eventId,
      outcome,
      ...(demotion ? { kind: demotion.data?.kind, rule: demotion.data?.rule } : {}),
    })}\n`,
  );
}
// The auth service goes down: every request's session check fails at once. Each message differs (the
// request id), as real ones do; Sentry's Dedupe would drop an exact repeat of the previous event.
for (let request = 1; request <= BURST; request++) {
  Sentry.captureException(
    Object.assign(new Error(`verify session failed for request req-${1000 + request}: jwt expired`), {
      name: 'TokenExpiredError',
    }),
  );
}
await Sentry.flush(2_000);
process.stdout.write(
  `${JSON.stringify({ burst: 'session expiry', count: BURST, threshold: SURGE_THRESHOLD, surgeIds })}\n`,
);
// Exact counts by kind and rule, as the app can read them at any time.
process.stdout.write(`${JSON.stringify({ stats: expectedErrors.getStats() })}\n`);
// The second flush sends the client report of the drops recorded while the first one ran.
await Sentry.flush(2_000);
await Sentry.close(2_000);
