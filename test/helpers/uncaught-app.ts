// A child process for test/event/crash.test.ts: a real @sentry/node app with the integration, whose rules
// match the error it then leaves uncaught (`exception`) or unhandled (`rejection`). With `allowed`, the
// rules set `uncaught: true`. Prints every decision the integration reports as a JSON line.
import * as Sentry from '@sentry/node';
import { expectedErrorsIntegration, type Rule } from 'sentry-expected-errors';

const [scenario, permission] = process.argv.slice(2);
const uncaught = permission === 'allowed' ? { uncaught: true } : {};
const rules: Rule[] = [
  { id: 'connection-lost', kind: 'connection_lost', action: 'drop', any: ['connection lost'], ...uncaught },
  { id: 'jwt-expired', kind: 'session_expired', action: 'breadcrumb', any: ['jwt expired'], ...uncaught },
];

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  integrations: [
    expectedErrorsIntegration({
      rules,
      onDecision: ({ kind, rule, action }) => {
        process.stdout.write(`${JSON.stringify({ action, kind, rule })}\n`);
      },
    }),
  ],
});

// The same rules drop a handled error: the guard is about errors nobody caught.
Sentry.captureException(new Error('handled: connection lost'));
await Sentry.flush(2_000);

if (scenario === 'exception') {
  // Sentry's handler captures it, flushes and exits with code 1, as Node would.
  setTimeout(() => {
    throw new Error('worker crashed: connection lost');
  }, 0);
} else {
  void Promise.reject(new Error('token refresh failed: jwt expired'));
  setTimeout(async () => {
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);
    process.exit(0);
  }, 200);
}
