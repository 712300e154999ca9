// The instrument file of Sentry's NestJS guide (@sentry/nestjs), loaded with `node --import` so
// `Sentry.init` runs before Nest is imported.
import * as Sentry from '@sentry/nestjs';
import { expectedErrors } from '../shared/scenario.mjs';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  integrations: [expectedErrors()],
});
