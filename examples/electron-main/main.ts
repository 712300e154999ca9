// Electron main process with @sentry/electron and the expected-errors integration. Renderer events,
// breadcrumbs and logs reach main and are decided here, with these rules; a renderer adds only
// expectedErrorMarksIntegration (see renderer.ts) so that its typed expected errors keep their kind.
import * as Sentry from '@sentry/electron/main';
import { app, BrowserWindow, ipcMain } from 'electron';
import {
  byoKeyGuardRules,
  ExpectedError,
  expectedErrorsIntegration,
  sessionExpiredRules,
  transientUpstreamRules,
} from 'sentry-expected-errors';

// As early as possible, before the app is ready.
Sentry.init({
  dsn: process.env.SENTRY_DSN,
  integrations: [
    expectedErrorsIntegration({
      rules: [...byoKeyGuardRules(), ...sessionExpiredRules(), ...transientUpstreamRules({ action: 'drop' })],
      // Try a release in 'dry-run' first: nothing is dropped, classified events are tagged.
      mode: app.isPackaged ? 'enforce' : 'dry-run',
    }),
  ],
});

/** The app's backend client, called from the renderer through IPC. */
async function fetchProfile(sessionToken: string): Promise<unknown> {
  const response = await fetch('https://api.example.com/v1/profile', {
    headers: { authorization: `Bearer ${sessionToken}` },
  });
  if (response.status === 401) {
    // Known to be expected right here: typed, so no text rule is needed. It is demoted to a breadcrumb.
    throw new ExpectedError('session_expired', 'GET /v1/profile: session token rejected');
  }
  if (!response.ok) {
    throw Object.assign(new Error(`GET /v1/profile failed (${response.status})`), {
      status: response.status,
    });
  }
  return response.json();
}

ipcMain.handle('profile:get', async (_event, sessionToken: string) => {
  try {
    return { profile: await fetchProfile(sessionToken) };
  } catch (error) {
    Sentry.captureException(error);
    return { error: ExpectedError.isInstance(error) ? error.kind : 'unavailable' };
  }
});

app.whenReady().then(() => {
  const window = new BrowserWindow({ width: 960, height: 640 });
  void window.loadURL('https://example.com/');
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
