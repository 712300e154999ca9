// The webview side of a Tauri v2 app: its UI bundle, built for the browser (Vite, esbuild…), with
// @sentry/browser and the expected-errors integration. Rust commands are called through Tauri's
// `invoke`; a command that fails rejects with the error it serialized (here `CommandError`), not an
// `Error`, so the app turns it into one that carries its status and, where the state is known to be
// expected, its kind. The Node sidecar (../tauri-sidecar) has its own `@sentry/node` setup.
import * as Sentry from '@sentry/browser';
import {
  byoKeyGuardRules,
  expectedErrorsIntegration,
  markExpected,
  sessionExpiredRules,
  transientUpstreamRules,
} from 'sentry-expected-errors';

/** What the Rust commands reject with: `#[derive(Serialize)] struct CommandError { code, status, message }`. */
interface CommandError {
  readonly code: string;
  readonly status?: number;
  readonly message: string;
}

/** Tauri's `invoke`: `window.__TAURI__.core` with `app.withGlobalTauri`, or `@tauri-apps/api/core`. */
type Invoke = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;

declare global {
  interface Window {
    __TAURI__?: { readonly core: { readonly invoke: Invoke } };
    /** Where the app reads its DSN from (set by the host page; a real app builds it in). */
    SENTRY_DSN?: string;
  }
}

Sentry.init({
  dsn: window.SENTRY_DSN,
  integrations: [
    expectedErrorsIntegration({
      rules: [...byoKeyGuardRules(), ...sessionExpiredRules(), ...transientUpstreamRules()],
    }),
  ],
});

/** Calls a Rust command; a rejection becomes an `Error` with the command's status and code. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  const invoke = window.__TAURI__?.core.invoke;
  if (!invoke) throw new Error('Tauri is not available: run the UI inside the app (withGlobalTauri: true)');
  try {
    return await invoke<T>(command, args);
  } catch (rejection) {
    throw commandError(command, rejection);
  }
}

function commandError(command: string, rejection: unknown): Error {
  const { code, status, message } = (
    typeof rejection === 'object' && rejection !== null
      ? rejection
      : { code: 'unknown', message: String(rejection) }
  ) as CommandError;
  const error = Object.assign(new Error(`${command} failed (${code}): ${message}`), { code, status });
  // The backend said the session lapsed: an expected state, whatever its wording.
  return code === 'session_expired' ? markExpected(error, 'session_expired') : error;
}

/** Sends a chat message; what the user sees never depends on Sentry. */
export async function send(prompt: string): Promise<string> {
  try {
    return await call<string>('complete', { prompt });
  } catch (error) {
    Sentry.captureException(error);
    return 'Something went wrong. Please try again.';
  }
}
