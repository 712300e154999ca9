import * as Sentry from '@sentry/nextjs';
// @ts-expect-error -- plain ESM shared with the other framework apps
import { expectedErrors } from '../shared/scenario.mjs';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  integrations: [expectedErrors()],
});
