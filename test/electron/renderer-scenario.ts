// An Electron renderer, run in Node: @sentry/electron's real preload bridge and renderer SDK (on
// @sentry/browser), whose IPC messages the fake `electron` module prints as JSON lines for the main
// process scenario. `--marks` installs expectedErrorMarksIntegration, `--rules` the full integration.
import {
  ExpectedError,
  expectedErrorMarksIntegration,
  expectedErrorsIntegration,
  markExpected,
} from 'sentry-expected-errors';
import { rules } from './rules.js';

Object.assign(globalThis, { window: globalThis });
await import('@sentry/electron/preload');
const Sentry = await import('@sentry/electron/renderer');

const integrations = process.argv.includes('--marks')
  ? [expectedErrorMarksIntegration()]
  : process.argv.includes('--rules')
    ? [expectedErrorsIntegration({ rules })]
    : [];
Sentry.init({ integrations });

// Breadcrumbs go to main with each scope update, never through main's beforeBreadcrumb.
Sentry.addBreadcrumb({
  category: 'fetch',
  data: { method: 'POST', url: 'https://api.example.com/analytics/track', status_code: 200 },
});
Sentry.addBreadcrumb({
  category: 'console',
  level: 'error',
  message: 'chat: OpenHuman API error (401): {"error":"Invalid token"}',
});
Sentry.addBreadcrumb({ category: 'ui.click', message: 'button#send' });

Sentry.logger.error('POST https://api.example.com/analytics/track failed');
Sentry.logger.error('the renderer log of a real failure');

Sentry.captureException(new ExpectedError('session_expired', 'GET /v1/profile: session token rejected'));
await Sentry.getClient()?.flush(2_000);
Sentry.captureException(
  markExpected(new Error('GET /v1/teams answered 401'), 'session_expired', { action: 'drop' }),
);
await Sentry.getClient()?.flush(2_000);
Sentry.captureException(new Error('a real renderer bug'));
await Sentry.getClient()?.flush(2_000);
// The SDK's log buffer keeps a timer alive; everything has been handed over.
process.exit(0);
