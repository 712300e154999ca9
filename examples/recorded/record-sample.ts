// Records the sample corpus in ./events with the real @sentry/node SDK and a capturing transport (no
// network, no expected-errors integration: every event is kept, as an app without it would send them).
//   npx tsx examples/recorded/record-sample.ts
// Then pin the outcomes again:
//   npx sentry-expected-errors replay examples/recorded --rules examples/recorded/rules.mjs \
//     --write-expect examples/recorded/expected.json
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport, type Envelope, parseEnvelope } from '@sentry/core';
import * as Sentry from '@sentry/node';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'events');

/** The error type of the app's backend client: it carries the HTTP status. */
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

const sent: Array<{ body: string | Uint8Array; envelope: Envelope }> = [];
Sentry.init({
  dsn: 'https://public@sentry.example.invalid/1',
  serverName: 'sample-host',
  release: 'sample-app@1.4.2',
  environment: 'production',
  sendClientReports: false,
  integrations: (defaults) => [
    // Nothing about the recording machine (OS, device, installed modules): it says nothing about the errors.
    ...defaults.filter((integration) => integration.name !== 'Context' && integration.name !== 'Modules'),
    // Frames as `app:///examples/recorded/…`, not this machine's absolute paths.
    Sentry.rewriteFramesIntegration({ root: join(directory, '..', '..', '..') }),
  ],
  transport: (options) =>
    createTransport(options, async ({ body }) => {
      sent.push({ body, envelope: parseEnvelope(body) });
      return { statusCode: 200 };
    }),
});

/** Captures one error (with tags, like an app that tags the HTTP status) and returns what was sent. */
async function record(capture: () => void, tags: Record<string, string | number> = {}): Promise<Recorded> {
  const before = sent.length;
  Sentry.withScope((scope) => {
    scope.setTags(tags);
    capture();
  });
  await Sentry.flush(2_000);
  const found = sent
    .slice(before)
    .find(({ envelope }) => envelope[1].some(([item]) => item.type === 'event'));
  if (!found) throw new Error('no event was sent');
  const [, event] = found.envelope[1].find(([item]) => item.type === 'event') as [
    unknown,
    Record<string, unknown>,
  ];
  return { event, body: found.body };
}
interface Recorded {
  readonly event: Record<string, unknown>;
  readonly body: string | Uint8Array;
}
const exception = (error: Error) => () => Sentry.captureException(error);

// One event per file, as downloaded from Sentry.
const sessionExpired = await record(
  exception(
    new Error(
      'run_chat_task failed client_id=lssXhQidBfzGXG9k thread_id=thread-743193ba-f0c1-4008-b665-64d3030d1453 request_id=00696b71-fa05-4574-bcdb-5744a5dac6ea error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
    ),
  ),
);
const sessionExpiredWithKey = await record(
  exception(
    new Error(
      'POST https://api.example.com/v1/chat?api_key=sk-proj-EXAMPLEexample0000000000 failed: {"error":"Session expired. Please log in again."}',
    ),
  ),
);
const byoKeyRejected = await record(
  exception(
    new Error(
      'OpenAI API error (401 Unauthorized): {"error":{"message":"Incorrect API key provided: sk-proj-************************************abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}',
    ),
  ),
);
const forbidden = await record(exception(new BackendApiError('forbidden on GET /teams', 403)), {
  status_code: 403,
});

// An array of events in one file.
const messageNotFound = [
  await record(exception(new MessageNotFoundError('message not found on telegram: 1103'))),
  await record(
    exception(new Error('PATCH /channels/telegram/messages/1103 failed (404); response_body_len=172')),
    { domain: 'backend_api', method: 'PATCH', status_code: 404 },
  ),
];

// JSON Lines: one event per line.
const burst = [
  await record(
    exception(new BackendApiError('backend rejected session token on POST /openai/v1/audio/speech', 401)),
    { status_code: 401 },
  ),
  await record(
    exception(new Error('GET /teams failed (401 Unauthorized): {"success":false,"error":"Unauthorized"}')),
  ),
  await record(
    exception(
      new Error(
        'The model `reasoning-quick-v1` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\nprovider=openhuman model=reasoning-quick-v1 attempt 1/3: non_retryable; error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
      ),
    ),
  ),
  await record(
    exception(
      new Error(
        'OpenAI API error (429 Too Many Requests): {"error":{"message":"Rate limit reached for gpt-4o in organization org-EXAMPLE on tokens per min (TPM): Limit 30000, Used 29847, Requested 1200.","type":"tokens","code":"rate_limit_exceeded"}}',
      ),
    ),
  ),
  await record(
    exception(new Error('529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}')),
    {
      status_code: 529,
    },
  ),
  await record(() =>
    Sentry.captureMessage(
      'SESSION_EXPIRED: backend session not active — sign in to resume LLM work',
      'warning',
    ),
  ),
  await record(
    exception(
      new Error('chat stream aborted', {
        cause: new Error(
          'OpenHuman streaming API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
        ),
      }),
    ),
  ),
];

// An envelope exactly as the transport sent it: the event and an attachment whose bytes hold a newline.
const realBug = await record(() => {
  Sentry.getCurrentScope().addAttachment({
    filename: 'request.jsonl',
    data: '{"threadId":"thread-743193ba"}\n{"messages":2}\n',
    contentType: 'application/x-ndjson',
  });
  const threads = new Map<string, { id: string }>();
  try {
    // A real bug: the lookup of a thread that was never loaded comes back empty.
    const thread = threads.get('thread-743193ba') as { id: string };
    console.log(thread.id);
  } catch (error) {
    Sentry.captureException(error);
  }
});

await rm(directory, { recursive: true, force: true });
await mkdir(directory, { recursive: true });
const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
await writeFile(join(directory, 'session-expired.json'), pretty(sessionExpired.event));
await writeFile(join(directory, 'session-expired-key-in-url.json'), pretty(sessionExpiredWithKey.event));
await writeFile(join(directory, 'byo-key-rejected.json'), pretty(byoKeyRejected.event));
await writeFile(join(directory, 'backend-403.json'), pretty(forbidden.event));
await writeFile(join(directory, 'message-not-found.json'), pretty(messageNotFound.map(({ event }) => event)));
await writeFile(
  join(directory, 'backend-burst.jsonl'),
  `${burst.map(({ event }) => JSON.stringify(event)).join('\n')}\n`,
);
await writeFile(join(directory, 'real-bug.envelope'), realBug.body);
await Sentry.close();
console.log(`Recorded ${4 + messageNotFound.length + burst.length + 1} events into ${directory}`);
