// The instrument file Sentry's docs for Node frameworks prescribe, loaded with `node --import`:
// `Sentry.init` runs before the framework is imported.
import * as Sentry from '@sentry/node';
import { expectedErrors } from './scenario.mjs';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  integrations: [expectedErrors()],
});
