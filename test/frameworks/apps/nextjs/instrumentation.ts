// Sentry's Next.js guide: `register` loads the server config in the Node.js runtime, and
// `onRequestError` reports errors of route handlers, server components and server actions.
import * as Sentry from '@sentry/nextjs';

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await import('./sentry.server.config');
  }
}

export const onRequestError = Sentry.captureRequestError;
