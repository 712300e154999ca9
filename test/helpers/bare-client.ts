import * as Sentry from '@sentry/node';
import { afterAll, beforeAll } from 'vitest';
import { captureTransport } from './capture-transport.js';

/**
 * A real `@sentry/node` client with no integrations, for a describe block that drives an integration's
 * hooks directly: started before its tests, closed after them. Read `client()` inside the tests.
 */
export function useBareClient(): { client(): Sentry.NodeClient } {
  let client: Sentry.NodeClient | undefined;
  beforeAll(() => {
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: captureTransport().transport,
      integrations: [],
    });
    client = Sentry.getClient() as Sentry.NodeClient;
  });
  afterAll(async () => {
    await Sentry.close();
  });
  return {
    client() {
      if (!client) throw new Error('the client starts in beforeAll');
      return client;
    },
  };
}
