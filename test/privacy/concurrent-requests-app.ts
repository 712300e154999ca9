// A server on the real `@sentry/node` named by SENTRY_SDK (another major, or another copy of the same
// major, than the `@sentry/core` this package resolves). Each request demotes an expired session that
// names its user, then captures a real bug; stdout gets one JSON line per real-bug event with the
// demotion breadcrumbs it carries.
import { createRequire } from 'node:module';
import { expectedErrorsIntegration } from 'sentry-expected-errors';

type Sdk = typeof import('@sentry/node');
interface SentEvent {
  readonly message?: string;
  readonly exception?: { values?: Array<{ value?: string }> };
  readonly breadcrumbs?: Array<{ category?: string; message?: string }>;
}

const sdkName = process.env.SENTRY_SDK ?? '@sentry/node';
const requests = Number(process.env.REQUESTS ?? '200');
const Sentry = (await import(sdkName)) as Sdk;
const sent: SentEvent[] = [];

Sentry.init({
  dsn: 'http://public@127.0.0.1:9/1',
  integrations: [
    expectedErrorsIntegration({
      rules: [{ id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', all: ['jwt expired'] }],
    }),
  ],
  // The app's scrubber: every breadcrumb, ours included, must pass through it.
  beforeBreadcrumb: (breadcrumb) =>
    breadcrumb.message === undefined
      ? breadcrumb
      : { ...breadcrumb, message: breadcrumb.message.replace(/<[^>]*@[^>]*>/g, '<[email]>') },
  transport: () => ({
    send: async (envelope) => {
      for (const [header, payload] of envelope[1])
        if (header.type === 'event') sent.push(payload as SentEvent);
      return { statusCode: 200 };
    },
    flush: async () => true,
  }),
});

// Required after init, as an app's instrument file arranges, so the SDK's request isolation applies.
const http = createRequire(import.meta.url)('node:http') as typeof import('node:http');
const server = http.createServer((request, response) => {
  const user = new URL(request.url ?? '/', 'http://x').searchParams.get('user') ?? '?';
  Sentry.captureException(new Error(`jwt expired for user-${user} <user${user}@example.com>`));
  // Let the demoted event finish processing before the real bug is captured (flush waits for every
  // event in the pipeline).
  void Sentry.flush(10_000).then(() => {
    Sentry.captureException(new Error(`bug in request of user-${user}`));
    response.end('ok');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
await Promise.all(
  Array.from({ length: requests }, (_, user) => fetch(`http://127.0.0.1:${port}/?user=${user}`)),
);
await Sentry.flush(5_000);
server.close();
for (const event of sent) {
  const value = event.exception?.values?.at(-1)?.value ?? event.message ?? '';
  if (!value.startsWith('bug in request')) continue;
  const trail = (event.breadcrumbs ?? [])
    .filter((breadcrumb) => breadcrumb.category === 'expected_error')
    .map((breadcrumb) => breadcrumb.message);
  process.stdout.write(`${JSON.stringify({ value, trail })}\n`);
}
await Sentry.close(1_000);
