// Electron renderer (bundled into the window's script). The main process decides renderer events with its
// rules, mode and stats; the renderer passes on the one thing only it knows: the kind of a typed expected
// error it threw. Its breadcrumbs and logs are decided in main as they arrive.
import * as Sentry from '@sentry/electron/renderer';
import { ExpectedError, expectedErrorMarksIntegration } from 'sentry-expected-errors';

Sentry.init({ integrations: [expectedErrorMarksIntegration()] });

/** The renderer's own backend call: a 401 here is an expired session, known to be expected. */
export async function loadConversations(sessionToken: string): Promise<unknown> {
  const response = await fetch('https://api.example.com/v1/conversations', {
    headers: { authorization: `Bearer ${sessionToken}` },
  });
  if (response.status === 401) {
    // Dropped or demoted by main exactly as if it had been thrown there.
    throw new ExpectedError('session_expired', 'GET /v1/conversations: session token rejected');
  }
  if (!response.ok) throw new Error(`GET /v1/conversations failed (${response.status})`);
  return response.json();
}
