import * as Sentry from '@sentry/node';
import { CORPUS_SECRETS } from '../../test/helpers/recorded-corpus.js';
import {
  backendApiTags,
  captureError,
  captureText,
  demotes,
  drops,
  passes,
  type Scenario,
  scenario,
} from './scenario.js';

const [OPENAI_KEY, BEARER_TOKEN, DATABASE_PASSWORD] = CORPUS_SECRETS;
const SESSION = 'session_expired';

/** Runs `body` and captures what it throws, as an app's error boundary does. */
function captureThrown(body: () => unknown): void {
  try {
    body();
  } catch (error) {
    captureError(error);
  }
}

/** Actionable bugs: no rule may claim them. */
export const bugScenarios: readonly Scenario[] = [
  scenario('type-error-reading-undefined', passes, () =>
    captureThrown(() => {
      const settings = JSON.parse('{"theme":"dark"}') as { provider: { model: string } };
      return settings.provider.model;
    }),
  ),
  scenario('range-error-to-fixed', passes, () => captureThrown(() => (0.5).toFixed(Number('200')))),
  scenario('syntax-error-truncated-body', passes, () => captureThrown(() => JSON.parse('{"success":fal'))),
  scenario('aggregate-error-of-bugs', passes, () =>
    captureError(
      new AggregateError(
        [new TypeError('tool.execute is not a function'), new RangeError('Maximum call stack size exceeded')],
        'tool batch failed',
      ),
    ),
  ),
  scenario('aggregate-error-of-session-lapses', demotes(SESSION, 'backend-chat-invalid-token'), () =>
    captureError(
      new AggregateError(
        [
          new Error('OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}'),
          new Error('Embedding API error (401 Unauthorized): {"success":false,"error":"Invalid token"}'),
        ],
        'sync failed: 2 requests rejected',
      ),
    ),
  ),
];

/** `captureMessage` and `Sentry.parameterize` events (`message`, `logentry`). */
export const messageScenarios: readonly Scenario[] = [
  scenario('message-max-iterations', passes, () =>
    captureText('Agent exceeded maximum tool iterations (25)', 'warning', {
      tags: { domain: 'agent', operation: 'tool_loop' },
    }),
  ),
  scenario('parameterized-sync-failure', passes, () =>
    captureText(Sentry.parameterize`Failed to sync ${3} threads for workspace ${'ws_42'}`, 'error'),
  ),
  scenario('parameterized-session-expired', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureText(
      Sentry.parameterize`SESSION_EXPIRED: backend rejected session token on ${'GET'} ${'/teams/me/usage'}`,
      'error',
    ),
  ),
  scenario('parameterized-transient', drops('transient_upstream', 'transient-status-text'), () =>
    captureText(Sentry.parameterize`GET ${'/teams/me/usage'} failed (503 Service Unavailable)`, 'error'),
  ),
];

/** Messages recorded with `attachStacktrace: false`: `message` / `logentry` alone, no synthetic exception. */
export const messageOnlyScenarios: readonly Scenario[] = [
  scenario('message-only-sentinel', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureText('SESSION_EXPIRED: backend session not active — sign in to use OpenHuman', 'error'),
  ),
  scenario('message-only-channel-message-404', drops('message_not_found', 'channel-message-404'), () =>
    captureText('DELETE /channels/discord/messages/abc failed (404); response_body_len=48', 'error', {
      tags: backendApiTags('DELETE', '/channels/discord/messages/abc', 404),
    }),
  ),
  scenario('message-only-logentry-transient', drops('transient_upstream', 'transient-status-text'), () =>
    captureText(Sentry.parameterize`${'GET'} /teams/me/usage failed (503 Service Unavailable)`, 'error'),
  ),
  scenario('message-only-scheduler-warning', passes, () =>
    captureText('scheduler tick took 12000ms', 'warning', { tags: { domain: 'scheduler' } }),
  ),
].map((entry) => ({ ...entry, sdk: 'no-stacktrace' as const }));

/** Demoted events whose text carries a credential: the breadcrumb left for them must not. */
export const secretScenarios: readonly Scenario[] = [
  scenario('secret-openai-key-in-jwt-expired', demotes(SESSION, 'jwt-expired'), () =>
    captureError(new Error(`refresh failed: jwt expired; fallback key ${OPENAI_KEY} was not tried`)),
  ),
  scenario('secret-bearer-token-in-sentinel', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureError(
      new Error(
        `SESSION_EXPIRED: GET /teams/me rejected Authorization: Bearer ${BEARER_TOKEN} (token revoked)`,
      ),
    ),
  ),
  scenario('secret-database-url-in-session-expired', demotes(SESSION, 'session-expired-phrase'), () =>
    captureError(
      new Error(
        `session expired: could not refresh session in postgres://openhuman:${DATABASE_PASSWORD}@db.internal:5432/sessions`,
      ),
    ),
  ),
];
