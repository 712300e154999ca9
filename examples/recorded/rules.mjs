// The example pack: every behaviour of the four seed classifiers, as rules of this package.
// Run it against the bundled recorded events with
//   npx sentry-expected-errors replay examples/recorded --rules examples/recorded/rules.mjs
import {
  byoKeyGuardRules,
  emitSiteRules,
  sessionExpiredRules,
  transientUpstreamRules,
} from 'sentry-expected-errors';

const INVALID_TOKEN_ENVELOPE = '"error":"Invalid token"';

/** @type {import('sentry-expected-errors').Rule[]} */
export const rules = [
  // Guards first for readability (a matching `report` rule wins wherever it sits): a user's own
  // provider key rejected is a misconfiguration the app must hear about.
  ...byoKeyGuardRules(),
  {
    id: 'backend-403-reports',
    kind: 'backend_permission_denied',
    action: 'report',
    description: 'a 403 is a permission/scope bug worth keeping, unlike a rejected session token (seed 001)',
    status: 403,
    examples: {
      match: [{ text: 'BackendApiError: forbidden on GET /teams', status: 403 }],
      noMatch: [{ text: 'BackendApiError: backend rejected session token on GET /teams', status: 401 }],
    },
  },

  // The model-fallback aggregate, only in its no-fallbacks-configured form: that branch alone renders
  // the config path into the message. The configured-fallbacks form is left to per-attempt rules.
  {
    id: 'model-fallback-aggregate',
    kind: 'provider_config_rejection',
    action: 'breadcrumb',
    description: 'reliable.rs format_failure_aggregate, no-fallbacks branch (OPENHUMAN-TAURI-4JS)',
    ignoreCase: true,
    any: ['may not be available on your provider', 'reliability.model_fallbacks'],
    examples: {
      match: [
        'The model `reasoning-quick-v1` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\nprovider=openhuman model=reasoning-quick-v1 attempt 1/3: non_retryable; error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
        'The model `gpt-5.5` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\nprovider=custom_openai model=gpt-5.5 attempt 1/3: non_retryable; error=custom_openai API error (404 Not Found): {"error":"model not found"}',
        'The model `gpt-4o` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\nprovider=custom_openai model=gpt-4o attempt 1/3: non_retryable; error=custom_openai API error (403 Forbidden): {"error":{"message":"This model is not available in your region."}}',
        'The model `x` may not be available on your provider. Configure a fallback chain via `reliability.model_fallbacks` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\n',
      ],
      noMatch: [
        'All providers/models failed. Attempts:\nprovider=openhuman model=gpt-5.5 attempt 1/3: non_retryable; error=OpenHuman API error (404 Not Found): {"error":"unknown model"}',
        'Internal server error',
      ],
    },
  },

  // Session expired, at every emit site that wraps the backend's JWT-invalid envelope: one line each.
  // The envelope anchor keeps a BYO-key 401 at the same site (`invalid_api_key`) out (seed 000).
  ...emitSiteRules({
    kind: 'session_expired',
    envelope: INVALID_TOKEN_ENVELOPE,
    sites: {
      'backend-chat-invalid-token': {
        prefix: 'OpenHuman API error (401',
        examples: {
          match: [
            'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
            'run_chat_task failed client_id=lssXhQidBfzGXG9k thread_id=thread-743193ba-f0c1-4008-b665-64d3030d1453 request_id=00696b71-fa05-4574-bcdb-5744a5dac6ea error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
          ],
          noMatch: [
            'OpenAI API error (401 Unauthorized): invalid_api_key',
            'Invalid token',
            'got an invalid token here',
          ],
        },
      },
      'backend-embedding-invalid-token': {
        prefix: 'Embedding API error (401',
        examples: {
          match: [
            'Embedding API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
            'openai_embed failed error=Embedding API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
          ],
          noMatch: [
            'Embedding API error (401 Unauthorized): invalid_api_key',
            'Embedding API error (401): authentication_error',
            'Embedding API error 500 Internal Server Error: {"error":"invalid token signature service down"}',
          ],
        },
      },
      'backend-streaming-invalid-token': {
        prefix: 'OpenHuman streaming API error (401',
        examples: {
          match: [
            'OpenHuman streaming API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
            'run_chat_task failed error=OpenHuman streaming API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
          ],
          noMatch: [
            'OpenAI streaming API error (401 Unauthorized): invalid_api_key',
            'Anthropic streaming API error (401): authentication_error',
          ],
        },
      },
      'backend-returned-invalid-token': {
        prefix: 'OpenHuman returned HTTP 401',
        examples: { match: ['OpenHuman returned HTTP 401: {"success":false,"error":"Invalid token"}'] },
      },
    },
  }),
  {
    id: 'session-expired-sentinel',
    kind: 'session_expired',
    action: 'breadcrumb',
    description: 'the SESSION_EXPIRED: sentinel a typed backend 401 is flattened to (case-sensitive)',
    any: ['SESSION_EXPIRED'],
    examples: {
      match: [
        'SESSION_EXPIRED: backend session not active — sign in to resume LLM work',
        'SESSION_EXPIRED: backend rejected session token on POST /openai/v1/audio/speech',
      ],
      noMatch: ['session_expired lowercase'],
    },
  },
  // Seed 001: the backend API client throws a typed error; its 401 is the user's session lapsing.
  {
    id: 'backend-401-typed',
    kind: 'session_expired',
    action: 'breadcrumb',
    description: 'BackendApiError with status 401 (OPENHUMAN-TAURI-4K8); its 403 keeps reporting',
    exceptionType: 'BackendApiError',
    status: 401,
    examples: {
      match: [
        {
          text: 'BackendApiError: backend rejected session token on POST /openai/v1/audio/speech',
          exceptionType: 'BackendApiError',
          status: 401,
        },
      ],
      noMatch: [{ text: 'BackendApiError: forbidden', exceptionType: 'BackendApiError', status: 403 }],
    },
  },
  {
    id: 'backend-401-bail',
    kind: 'session_expired',
    action: 'breadcrumb',
    description: 'the authed client bail format "<METHOD> <path> failed (401 Unauthorized): …"',
    all: [' failed (401 Unauthorized)'],
    pattern: /^(?:Error: )?(?:GET|POST|PUT|DELETE|PATCH) \/\S* failed \(401 Unauthorized\)/,
    examples: {
      match: [
        'GET /teams failed (401 Unauthorized): {"success":false}',
        'PUT /profile failed (401 Unauthorized): token expired',
        'PATCH /settings failed (401 Unauthorized): unauthorized',
      ],
      noMatch: [
        'backend returned 401 Unauthorized',
        'Discord API error: Discord list guilds failed (401): Unauthorized',
        'HEAD /teams failed (401 Unauthorized): unauthorized',
      ],
    },
  },
  ...sessionExpiredRules(),

  // 404 for a chat message that is already gone: typed, or as the backend client reports it.
  {
    id: 'message-not-found-typed',
    kind: 'message_not_found',
    action: 'drop',
    exceptionType: 'MessageNotFoundError',
    examples: {
      match: [
        {
          text: 'MessageNotFoundError: message not found on telegram: 1103',
          exceptionType: 'MessageNotFoundError',
        },
      ],
    },
  },
  {
    id: 'channel-message-404',
    kind: 'message_not_found',
    action: 'drop',
    description: 'PATCH/DELETE of /channels/<provider>/messages/<id> answered 404 (OPENHUMAN-TAURI-2Y)',
    all: ['/channels/', '/messages/'],
    status: 404,
    tags: { domain: 'backend_api', method: ['PATCH', 'DELETE'] },
    examples: {
      match: [
        {
          text: 'PATCH /channels/telegram/messages/1103 failed (404); response_body_len=172',
          status: 404,
          tags: { domain: 'backend_api', method: 'PATCH' },
        },
        {
          text: 'DELETE /channels/discord/messages/abc failed (404): Not Found',
          status: 404,
          tags: { domain: 'backend_api', method: 'DELETE' },
        },
      ],
      noMatch: [
        {
          text: 'GET /channels/telegram/messages/1103 failed (404)',
          status: 404,
          tags: { domain: 'backend_api', method: 'GET' },
        },
        {
          text: 'PATCH /auth/profile failed (404); response_body_len=42',
          status: 404,
          tags: { domain: 'backend_api', method: 'PATCH' },
        },
        {
          text: 'PATCH /channels/telegram/messages/1103 failed (403)',
          status: 403,
          tags: { domain: 'backend_api', method: 'PATCH' },
        },
      ],
    },
  },

  // Transient upstream statuses: nothing to fix, the next attempt usually works.
  ...transientUpstreamRules({ action: 'drop' }),
];

export default rules;
