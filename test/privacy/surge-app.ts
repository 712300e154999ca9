// A server on the real `@sentry/node` named by SENTRY_SDK. Each request is one user's: it sets the user,
// a tag and a breadcrumb of its own on its scope, then raises an expired session that names the user's
// e-mail. The demotions cross the surge threshold; stdout gets the surge events as sent, one JSON line each.
import { createRequire } from 'node:module';
import { expectedErrorsIntegration } from 'sentry-expected-errors';

type Sdk = typeof import('@sentry/node');

const sdkName = process.env.SENTRY_SDK ?? '@sentry/node';
const requests = Number(process.env.REQUESTS ?? '200');
const Sentry = (await import(sdkName)) as Sdk;
const surges: unknown[] = [];

Sentry.init({
  dsn: 'http://public@127.0.0.1:9/1',
  integrations: [
    expectedErrorsIntegration({
      rules: [{ id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', all: ['jwt expired'] }],
      surge: { threshold: 50, windowMs: 60_000 },
    }),
  ],
  transport: () => ({
    send: async (envelope) => {
      for (const [header, payload] of envelope[1]) {
        const event = payload as { message?: string };
        if (header.type === 'event' && event.message?.startsWith('Expected error surge'))
          surges.push(payload);
      }
      return { statusCode: 200 };
    },
    flush: async () => true,
  }),
});

const http = createRequire(import.meta.url)('node:http') as typeof import('node:http');
const server = http.createServer((request, response) => {
  const user = new URL(request.url ?? '/', 'http://x').searchParams.get('user') ?? '?';
  Sentry.setUser({
    id: `user-${user}`,
    email: `user${user}@example.com`,
    ip_address: `10.0.0.${Number(user) % 250}`,
  });
  Sentry.setTag('tenant', `tenant-${user}`);
  Sentry.addBreadcrumb({ category: 'ui.click', message: `user-${user} opened settings` });
  Sentry.captureException(new Error(`jwt expired for user${user}@example.com (session ${user}000)`));
  void Sentry.flush(10_000).then(() => response.end('ok'));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as { port: number };
await Promise.all(
  Array.from({ length: requests }, (_, user) =>
    fetch(`http://127.0.0.1:${port}/settings?user=${user}&token=secret-${user}`),
  ),
);
await Sentry.flush(5_000);
server.close();
for (const surge of surges) process.stdout.write(`${JSON.stringify(surge)}\n`);
await Sentry.close(1_000);
