// Loaded before the app (`node --import ./instrument.js server.js`), as Sentry's Node SDK asks of ESM
// apps, so its instrumentation is in place before `node:http` is imported.
import * as Sentry from '@sentry/node';
import {
  byoKeyGuardRules,
  expectedErrorsIntegration,
  sessionExpiredRules,
  transientUpstreamRules,
} from 'sentry-expected-errors';

Sentry.init({
  // Unset: the SDK stays disabled and the service runs without Sentry.
  dsn: process.env.SENTRY_DSN,
  environment: process.env.NODE_ENV ?? 'development',
  integrations: [
    expectedErrorsIntegration({
      // Guards first: a user's own provider key rejected always reaches Sentry.
      rules: [...byoKeyGuardRules(), ...sessionExpiredRules(), ...transientUpstreamRules({ action: 'drop' })],
      // 'dry-run' sends everything, tagged with what would have been dropped or demoted.
      mode: process.env.EXPECTED_ERRORS_MODE === 'dry-run' ? 'dry-run' : 'enforce',
    }),
  ],
});
