import { JsonWebTokenError, JWTExpired, TokenExpiredError } from './app-errors.js';
import {
  captureError,
  captureText,
  demotes,
  llmProviderTags,
  passes,
  type Scenario,
  scenario,
} from './scenario.js';

/** The managed backend's answer to an expired or revoked JWT (openhuman §1.3). */
const INVALID_TOKEN = '{"success":false,"error":"Invalid token"}';
const CHAT_401 = `OpenHuman API error (401 Unauthorized): ${INVALID_TOKEN}`;
const EMBEDDING_401 = `Embedding API error (401 Unauthorized): ${INVALID_TOKEN}`;
const STREAMING_401 = `OpenHuman streaming API error (401 Unauthorized): ${INVALID_TOKEN}`;
const RETURNED_401 = `OpenHuman returned HTTP 401: ${INVALID_TOKEN}`;
const SESSION_EXPIRED_BODY =
  'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Session expired. Please log in again."}';

const SESSION = 'session_expired';
const webChannel = { domain: 'web_channel', operation: 'run_chat_task' };
const embeddings = { domain: 'embeddings', operation: 'openai_embed', status: '401', failure: 'non_2xx' };

/** The session lapsing at each emit site of the managed backend, bare, caller-wrapped and as a cause. */
export const sessionScenarios: readonly Scenario[] = [
  // Chat emit site (OPENHUMAN-TAURI-4P0).
  scenario('chat-invalid-token', demotes(SESSION, 'backend-chat-invalid-token'), () =>
    captureError(new Error(CHAT_401), { tags: llmProviderTags('openhuman', 401) }),
  ),
  scenario('chat-invalid-token-run-chat-task', demotes(SESSION, 'backend-chat-invalid-token'), () =>
    captureText(
      `run_chat_task failed client_id=lssXhQidBfzGXG9k thread_id=thread-743193ba-f0c1-4008-b665-64d3030d1453 request_id=00696b71-fa05-4574-bcdb-5744a5dac6ea error=${CHAT_401}`,
      'error',
      { tags: webChannel },
    ),
  ),
  scenario('chat-invalid-token-in-cause', demotes(SESSION, 'backend-chat-invalid-token'), () =>
    captureError(
      new Error('run_chat_task failed client_id=abc thread_id=t1 request_id=r1', {
        cause: new Error(CHAT_401),
      }),
      { tags: webChannel },
    ),
  ),
  scenario('chat-invalid-token-tauri-object-rejection', demotes(SESSION, 'backend-chat-invalid-token'), () =>
    // A Tauri `invoke` rejects with a plain object, not an Error.
    captureError(
      { message: CHAT_401, code: 'provider_error' },
      { tags: { domain: 'tauri', operation: 'invoke' } },
    ),
  ),

  // Embedding emit site (TAURI-RUST-4K5).
  scenario('embedding-invalid-token', demotes(SESSION, 'backend-embedding-invalid-token'), () =>
    captureError(new Error(EMBEDDING_401), { tags: embeddings }),
  ),
  scenario('embedding-invalid-token-wrapped', demotes(SESSION, 'backend-embedding-invalid-token'), () =>
    captureText(`openai_embed failed error=${EMBEDDING_401}`, 'error', { tags: embeddings }),
  ),
  scenario('embedding-invalid-token-in-cause', demotes(SESSION, 'backend-embedding-invalid-token'), () =>
    captureError(new Error('openai_embed failed', { cause: new Error(EMBEDDING_401) }), { tags: embeddings }),
  ),

  // Streaming emit site (TAURI-RUST-1EE): `streaming` breaks the chat prefix.
  scenario('streaming-invalid-token', demotes(SESSION, 'backend-streaming-invalid-token'), () =>
    captureError(new Error(STREAMING_401), { tags: llmProviderTags('openhuman', 401, 'stream_chat') }),
  ),
  scenario('streaming-invalid-token-run-chat-task', demotes(SESSION, 'backend-streaming-invalid-token'), () =>
    captureText(`run_chat_task failed error=${STREAMING_401}`, 'error', { tags: webChannel }),
  ),
  scenario('streaming-invalid-token-deep-cause', demotes(SESSION, 'backend-streaming-invalid-token'), () =>
    captureError(
      new Error('agent.run_single failed', {
        cause: new Error('stream_chat failed', { cause: new Error(STREAMING_401) }),
      }),
      { tags: { domain: 'agent', operation: 'run_single' } },
    ),
  ),

  // `{provider} returned HTTP {status}: {body}` (TAURI-RUST-N).
  scenario('returned-http-401-invalid-token', demotes(SESSION, 'backend-returned-invalid-token'), () =>
    captureError(new Error(RETURNED_401), { tags: llmProviderTags('openhuman', 401) }),
  ),
  scenario('returned-http-401-agent-wrapped', demotes(SESSION, 'backend-returned-invalid-token'), () =>
    captureError(new Error(`agent.run_single failed: ${RETURNED_401}`)),
  ),
  scenario('returned-http-401-in-cause', demotes(SESSION, 'backend-returned-invalid-token'), () =>
    captureError(new Error('tinyagents turn failed', { cause: new Error(RETURNED_401) })),
  ),

  // The backend saying so in words, and the flattened sentinel.
  scenario('session-expired-body', demotes(SESSION, 'session-expired-phrase'), () =>
    captureError(new Error(SESSION_EXPIRED_BODY), { tags: llmProviderTags('openhuman', 401) }),
  ),
  scenario('session-expired-body-run-chat-task', demotes(SESSION, 'session-expired-phrase'), () =>
    captureText(
      `run_chat_task failed client_id=abc thread_id=t1 request_id=r1 error=${SESSION_EXPIRED_BODY}`,
      'error',
      { tags: webChannel },
    ),
  ),
  scenario('sentinel-resume-llm-work', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureError(new Error('SESSION_EXPIRED: backend session not active — sign in to resume LLM work'), {
      tags: llmProviderTags('openhuman', 401),
    }),
  ),
  scenario('sentinel-custom-providers', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureText('SESSION_EXPIRED: backend session not active — sign in to use custom providers', 'error'),
  ),
  scenario('sentinel-flattened-backend-401', demotes(SESSION, 'session-expired-sentinel'), () =>
    captureError(
      new Error('SESSION_EXPIRED: backend rejected session token on POST /openai/v1/audio/speech'),
      {
        tags: { domain: 'backend_api', operation: 'authed_json', status: '401', failure: 'non_2xx' },
      },
    ),
  ),
  scenario('sentinel-tauri-string-rejection', demotes(SESSION, 'session-expired-sentinel'), () =>
    // A Tauri command rejecting with a bare string.
    captureError('SESSION_EXPIRED: no backend session — sign in to use OpenHuman'),
  ),
  scenario('sentinel-lowercase-look-alike', passes, () =>
    captureError(new Error('session_expired lowercase')),
  ),
  scenario('no-backend-session-token', demotes(SESSION, 'session-expired-phrase'), () =>
    captureError(new Error('no backend session token; run auth_store_session first')),
  ),
  scenario('session-jwt-required', demotes(SESSION, 'session-expired-phrase'), () =>
    captureText('session JWT required', 'error', { tags: { domain: 'rpc', operation: 'invoke_method' } }),
  ),
  scenario('composio-no-backend-session-token', demotes(SESSION, 'session-expired-phrase'), () =>
    captureError(
      new Error('composio unavailable: no backend session token. Sign in first (auth_store_session).'),
      { tags: { domain: 'composio', operation: 'list_connections' } },
    ),
  ),

  // JWT libraries.
  scenario('jwt-token-expired-error', demotes(SESSION, 'jwt-expired'), () =>
    captureError(new TokenExpiredError('jwt expired', new Date('2026-05-08T10:00:00Z'))),
  ),
  scenario('jwt-expired-in-cause', demotes(SESSION, 'jwt-expired'), () =>
    captureError(
      new Error('verify session failed', {
        cause: new TokenExpiredError('jwt expired', new Date('2026-05-08T10:00:00Z')),
      }),
    ),
  ),
  scenario('jose-jwt-expired', demotes(SESSION, 'jwt-expired'), () =>
    captureError(new JWTExpired('"exp" claim timestamp check failed')),
  ),
  scenario('jwt-invalid-signature', passes, () => captureError(new JsonWebTokenError('invalid signature'))),
];
