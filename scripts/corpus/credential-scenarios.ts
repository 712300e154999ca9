import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { BackendApiError } from './app-errors.js';
import {
  backendApiTags,
  captureError,
  captureText,
  demotes,
  guarded,
  llmProviderTags,
  passes,
  type Scenario,
  scenario,
} from './scenario.js';

const KEY_REJECTED = 'provider_key_rejected';
const OPENAI_GUARD = 'openai-invalid-api-key';
const ANTHROPIC_GUARD = 'anthropic-authentication-error';
const SESSION = 'session_expired';
const OPENAI_INVALID_KEY_BODY = '{"error":{"code":"invalid_api_key","message":"Incorrect API key provided"}}';
const responseHeaders = () => new Headers({ 'x-request-id': 'req_01JTZ3Q8D6X4' });

/** A user's own provider key rejected: each must reach Sentry, whatever else its text contains. */
export const byoKeyScenarios: readonly Scenario[] = [
  scenario('openai-invalid-api-key', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    captureError(new Error('OpenAI API error (401 Unauthorized): invalid_api_key'), {
      tags: llmProviderTags('openai', 401),
    }),
  ),
  scenario('openai-invalid-api-key-json-body', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    captureError(new Error(`OpenAI API error (401 Unauthorized): ${OPENAI_INVALID_KEY_BODY}`), {
      tags: llmProviderTags('openai', 401),
    }),
  ),
  scenario('openai-sdk-authentication-error', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    captureError(
      OpenAI.APIError.generate(
        401,
        {
          error: {
            message:
              'Incorrect API key provided: sk-abc12***. You can find your API key at https://platform.openai.com/account/api-keys.',
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        },
        undefined,
        responseHeaders(),
      ),
      { tags: llmProviderTags('openai', 401) },
    ),
  ),
  scenario('anthropic-authentication-error', guarded(KEY_REJECTED, ANTHROPIC_GUARD), () =>
    captureError(new Error('Anthropic API error (401 Unauthorized): authentication_error'), {
      tags: llmProviderTags('anthropic', 401),
    }),
  ),
  scenario('anthropic-sdk-authentication-error', guarded(KEY_REJECTED, ANTHROPIC_GUARD), () =>
    captureError(
      Anthropic.APIError.generate(
        401,
        { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
        undefined,
        responseHeaders(),
      ),
      { tags: llmProviderTags('anthropic', 401) },
    ),
  ),
  scenario('openai-streaming-invalid-api-key', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    captureError(new Error('OpenAI streaming API error (401 Unauthorized): invalid_api_key'), {
      tags: llmProviderTags('openai', 401, 'stream_chat'),
    }),
  ),
  scenario('anthropic-streaming-authentication-error', guarded(KEY_REJECTED, ANTHROPIC_GUARD), () =>
    captureError(new Error('Anthropic streaming API error (401): authentication_error'), {
      tags: llmProviderTags('anthropic', 401, 'stream_chat'),
    }),
  ),
  scenario('embedding-byo-invalid-api-key', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    // Same emit-site prefix as the backend's session lapse; the body is what tells them apart.
    captureError(new Error(`Embedding API error (401 Unauthorized): ${OPENAI_INVALID_KEY_BODY}`), {
      tags: { domain: 'embeddings', operation: 'openai_embed', status: '401', failure: 'non_2xx' },
    }),
  ),
  scenario('embedding-byo-authentication-error', guarded(KEY_REJECTED, ANTHROPIC_GUARD), () =>
    captureError(new Error('Embedding API error (401): authentication_error'), {
      tags: { domain: 'embeddings', operation: 'voyage_embed', status: '401', failure: 'non_2xx' },
    }),
  ),
  scenario('cohere-invalid-api-token', guarded(KEY_REJECTED, 'cohere-voyage-key-rejected'), () =>
    captureError(new Error('Cohere embed API error (401 Unauthorized): {"message":"invalid api token"}'), {
      tags: { domain: 'embeddings', operation: 'cohere_embed', status: '401', failure: 'non_2xx' },
    }),
  ),
  scenario('openai-invalid-api-key-in-cause', guarded(KEY_REJECTED, OPENAI_GUARD), () =>
    captureError(
      new Error('run_chat_task failed client_id=abc thread_id=t2', {
        cause: new Error('OpenAI API error (401 Unauthorized): invalid_api_key'),
      }),
      { tags: { domain: 'web_channel', operation: 'run_chat_task' } },
    ),
  ),
];

/** 401s that are not the managed session lapsing: lookalikes the session rules must leave alone. */
export const unauthorizedLookalikeScenarios: readonly Scenario[] = [
  scenario('bare-invalid-token', passes, () => captureError(new Error('Invalid token'))),
  scenario('invalid-token-in-prose', passes, () => captureText('got an invalid token here', 'error')),
  scenario('server-returned-401', passes, () =>
    captureError(new Error('server returned 401'), { tags: { domain: 'integrations', status: '401' } }),
  ),
  scenario('discord-list-guilds-401', passes, () =>
    captureError(new Error('Discord API error: Discord list guilds failed (401): Unauthorized'), {
      tags: { domain: 'channels', provider: 'discord', status: '401', failure: 'non_2xx' },
    }),
  ),
  scenario('discord-bot-token-401', passes, () =>
    captureError(new Error('Discord API error: Discord get bot user failed (401): bad token'), {
      tags: { domain: 'channels', provider: 'discord', status: '401', failure: 'non_2xx' },
    }),
  ),
  scenario('runbook-mentions-401', passes, () =>
    captureText('see runbook for 401 handling at https://example.com/401', 'warning'),
  ),
  scenario('backend-returned-401-unauthorized', passes, () =>
    captureError(new Error('backend returned 401 Unauthorized')),
  ),
  scenario('openai-401-without-code', passes, () =>
    captureError(new Error('OpenAI API error (401): unauthorized'), { tags: llmProviderTags('openai', 401) }),
  ),
  // A third-party key rejected behind the backend: the taxonomy reads `Invalid API key`, so the
  // key guard that asks categorizeUpstreamError keeps it (it reached Sentry before too).
  scenario('composio-401-inside-backend-500', guarded(KEY_REJECTED, 'upstream-invalid-api-key'), () =>
    captureError(
      new Error(
        '[composio] list_connections failed: Backend returned 500 Internal Server Error for GET https://api.tinyhumans.ai/agent-integrations/composio/connections: 401 {"error":{"message":"Invalid API key: ak_o1Og5*****","code":10401,"slug":"HTTP_Unauthorized","status":401}}',
      ),
      { tags: { domain: 'composio', operation: 'list_connections', status: '500', failure: 'non_2xx' } },
    ),
  ),
  scenario('authed-bail-head-401', passes, () =>
    captureError(new Error('HEAD /teams failed (401 Unauthorized): unauthorized')),
  ),
];

/** The authed backend client: its typed 401 and its bail format demote; a 403 always reports. */
export const backendApiScenarios: readonly Scenario[] = [
  scenario('backend-api-error-401', demotes(SESSION, 'backend-401-typed'), () =>
    captureError(
      new BackendApiError(
        401,
        'GET',
        '/referral/stats',
        'backend rejected session token on GET /referral/stats',
      ),
      { tags: backendApiTags('GET', '/referral/stats', 401) },
    ),
  ),
  scenario('backend-api-error-401-speech', demotes(SESSION, 'backend-401-typed'), () =>
    captureError(
      new BackendApiError(
        401,
        'POST',
        '/openai/v1/audio/speech',
        'backend rejected session token on POST /openai/v1/audio/speech',
      ),
      { tags: backendApiTags('POST', '/openai/v1/audio/speech', 401) },
    ),
  ),
  scenario('backend-api-error-401-response-context', demotes(SESSION, 'backend-401-typed'), () =>
    captureError(new BackendApiError(401, 'GET', '/teams', 'backend rejected session token on GET /teams'), {
      tags: { domain: 'backend_api', operation: 'authed_json' },
      responseStatus: 401,
    }),
  ),
  scenario('backend-api-error-401-in-cause', demotes(SESSION, 'backend-401-typed'), () =>
    captureError(
      new Error('load referral stats failed', {
        cause: new BackendApiError(
          401,
          'GET',
          '/referral/stats',
          'backend rejected session token on GET /referral/stats',
        ),
      }),
      { tags: backendApiTags('GET', '/referral/stats', 401) },
    ),
  ),
  scenario('backend-api-error-403', guarded('backend_permission_denied', 'backend-403-reports'), () =>
    captureError(new BackendApiError(403, 'GET', '/teams/me/usage', 'forbidden on GET /teams/me/usage'), {
      tags: backendApiTags('GET', '/teams/me/usage', 403),
    }),
  ),
  scenario('authed-bail-get-teams-401', demotes(SESSION, 'backend-401-bail'), () =>
    captureError(new Error('GET /teams failed (401 Unauthorized): {"success":false}'), {
      tags: backendApiTags('GET', '/teams', 401),
    }),
  ),
  scenario('authed-bail-delete-session-401', demotes(SESSION, 'backend-401-bail'), () =>
    captureText('DELETE /sessions/abc failed (401 Unauthorized): unauthorized', 'error', {
      tags: backendApiTags('DELETE', '/sessions/abc', 401),
    }),
  ),
  scenario('authed-bail-post-session-expired', demotes(SESSION, 'backend-401-bail'), () =>
    captureError(new Error('POST /auth/token failed (401 Unauthorized): session expired')),
  ),
  scenario('authed-bail-in-cause', demotes(SESSION, 'backend-401-bail'), () =>
    captureError(
      new Error('rpc.invoke_method failed', {
        cause: new Error('PATCH /settings failed (401 Unauthorized): unauthorized'),
      }),
      { tags: { domain: 'rpc', operation: 'invoke_method' } },
    ),
  ),
];
