import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import {
  captureError,
  captureText,
  demotes,
  drops,
  guarded,
  llmProviderTags,
  passes,
  type Scenario,
  scenario,
} from './scenario.js';

const CONFIG = 'provider_config_rejection';
const AGGREGATE = 'model-fallback-aggregate';
const TRANSIENT = 'transient_upstream';
const BY_STATUS = 'transient-status';
const BY_TEXT = 'transient-status-text';

/** `reliable.rs::format_failure_aggregate` when no fallback chain is configured (§3.6). */
function noFallbacksAggregate(model: string, attempts: string): string {
  return `The model \`${model}\` may not be available on your provider. Configure a fallback chain via \`reliability.model_fallbacks\` in your OpenHuman config, or change your default model in Settings → AI.\n\nAll providers/models failed. Attempts:\n${attempts}`;
}
const allExhausted = { domain: 'llm_provider', operation: 'chat', failure: 'all_exhausted' };
const responseHeaders = () => new Headers({ 'x-request-id': 'req_01JTZ3Q8D6X5' });

/** The model-fallback aggregate: only its no-fallbacks form names the config path. */
export const modelFallbackScenarios: readonly Scenario[] = [
  scenario('model-fallback-invalid-token-attempt', demotes(CONFIG, AGGREGATE), () =>
    captureError(
      new Error(
        noFallbacksAggregate(
          'reasoning-quick-v1',
          'provider=openhuman model=reasoning-quick-v1 attempt 1/3: non_retryable; error=OpenHuman API error (401 Unauthorized): {"success":false,"error":"Invalid token"}',
        ),
      ),
      { tags: allExhausted },
    ),
  ),
  scenario('model-fallback-model-not-found', demotes(CONFIG, AGGREGATE), () =>
    captureError(
      new Error(
        noFallbacksAggregate(
          'gpt-5.5',
          'provider=custom_openai model=gpt-5.5 attempt 1/3: non_retryable; error=custom_openai API error (404 Not Found): {"error":"model not found"}',
        ),
      ),
      { tags: allExhausted },
    ),
  ),
  scenario('model-fallback-region-unavailable', demotes(CONFIG, AGGREGATE), () =>
    captureError(
      new Error(
        noFallbacksAggregate(
          'gpt-4o',
          'provider=custom_openai model=gpt-4o attempt 1/3: non_retryable; error=custom_openai API error (403 Forbidden): {"error":{"message":"This model is not available in your region."}}',
        ),
      ),
      { tags: allExhausted },
    ),
  ),
  scenario('model-fallback-no-attempts', demotes(CONFIG, AGGREGATE), () =>
    captureError(new Error(noFallbacksAggregate('x', '')), { tags: allExhausted }),
  ),
  scenario('model-fallback-configured-chain', passes, () =>
    captureError(
      new Error(
        'All providers/models failed. Attempts:\nprovider=openhuman model=gpt-5.5 attempt 1/3: non_retryable; error=OpenHuman API error (404 Not Found): {"error":"unknown model"}',
      ),
      { tags: allExhausted },
    ),
  ),
  scenario('model-fallback-byo-key-attempt', guarded('provider_key_rejected', 'openai-invalid-api-key'), () =>
    // The guard wins over the aggregate: the user's own key was rejected on the way.
    captureError(
      new Error(
        noFallbacksAggregate(
          'gpt-4.1',
          'provider=openai model=gpt-4.1 attempt 1/3: non_retryable; error=OpenAI API error (401 Unauthorized): invalid_api_key',
        ),
      ),
      { tags: allExhausted },
    ),
  ),
];

/** Transient upstream statuses, by structured status and by the text emit sites print (§2.3, §3.7). */
export const transientScenarios: readonly Scenario[] = [
  scenario('transient-429-status-tag', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('POST /v1/chat/completions failed'), { tags: llmProviderTags('openai', 429) }),
  ),
  scenario('transient-408-status-tag', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('POST /v1/embeddings failed'), {
      tags: llmProviderTags('openai', 408, 'openai_embed'),
    }),
  ),
  scenario('transient-502-custom-openai', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('custom_openai API error (502 Bad Gateway): upstream gateway blip'), {
      tags: llmProviderTags('custom_openai', 502),
    }),
  ),
  scenario('transient-503-status-tag', drops(TRANSIENT, BY_STATUS), () =>
    captureText('GET /agent-integrations/tools failed (503); response_body_len=19', 'error', {
      tags: { domain: 'integrations', operation: 'list_tools', status: '503', failure: 'non_2xx' },
    }),
  ),
  scenario('transient-504-status-tag', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('stream_chat failed before the first token'), {
      tags: llmProviderTags('openhuman', 504, 'stream_chat'),
    }),
  ),
  scenario('transient-520-status-tag', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('chat completion failed behind the CDN'), {
      tags: llmProviderTags('openhuman', 520),
    }),
  ),
  scenario('transient-429-openai-sdk', drops(TRANSIENT, BY_STATUS), () =>
    captureError(
      OpenAI.APIError.generate(
        429,
        {
          error: {
            message:
              'Rate limit reached for gpt-4o in organization org-3kd9 on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000.',
            type: 'tokens',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
        undefined,
        responseHeaders(),
      ),
      { tags: llmProviderTags('openai', 429) },
    ),
  ),
  scenario('transient-529-anthropic-sdk', drops(TRANSIENT, BY_STATUS), () =>
    captureError(
      Anthropic.APIError.generate(
        529,
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
        undefined,
        responseHeaders(),
      ),
      { tags: llmProviderTags('anthropic', 529) },
    ),
  ),
  scenario('transient-503-response-context', drops(TRANSIENT, BY_STATUS), () =>
    captureError(new Error('embeddings upstream unavailable'), { responseStatus: 503 }),
  ),
  scenario('transient-429-text', drops(TRANSIENT, BY_TEXT), () =>
    captureError(new Error('OpenAI API error (429 Too Many Requests): rate limit')),
  ),
  scenario('transient-503-text-backend', drops(TRANSIENT, BY_TEXT), () =>
    captureText('GET /teams/me/usage failed (503 Service Unavailable)', 'error'),
  ),
  scenario('transient-502-rpc-wrapped-text', drops(TRANSIENT, BY_TEXT), () =>
    captureText('rpc.invoke_method failed: GET /teams failed (502 Bad Gateway)', 'error', {
      tags: { domain: 'rpc', operation: 'invoke_method' },
    }),
  ),
  scenario('transient-520-text', drops(TRANSIENT, BY_TEXT), () =>
    captureError(new Error('OpenHuman API error (520 <unknown status code>): cf')),
  ),
  scenario('transient-504-websocket-text', drops(TRANSIENT, BY_TEXT), () =>
    captureError(new Error('WebSocket connect: HTTP error: 504\nupstream gateway')),
  ),
  scenario('transient-408-embedding-text', drops(TRANSIENT, BY_TEXT), () =>
    captureError(new Error('Embedding API error 408 Request Timeout: upstream timed out')),
  ),
  scenario('transient-429-in-cause', drops(TRANSIENT, BY_TEXT), () =>
    captureError(
      new Error('agent.run_single failed', {
        cause: new Error('OpenAI API error (429 Too Many Requests): Rate limit reached for gpt-4o'),
      }),
    ),
  ),
  scenario('transient-aggregate-error', drops(TRANSIENT, BY_TEXT), () =>
    captureError(
      new AggregateError(
        [
          new Error('Embedding API error (503 Service Unavailable): upstream overloaded'),
          new Error('Embedding API error (502 Bad Gateway): error code: 502'),
        ],
        'embedding batch failed: 2 of 2 requests failed',
      ),
    ),
  ),
];

/** Digit runs and status mentions that are not a transient status (polarity guards of the text rule). */
export const statusLookalikeScenarios: readonly Scenario[] = [
  scenario('http-error-5023', passes, () => captureError(new Error('HTTP error: 5023'))),
  scenario('runbook-mentions-504', passes, () =>
    captureText('see runbook for 504 handling at https://example.com/504', 'warning'),
  ),
  scenario('process-502-exited', passes, () => captureError(new Error('process 502 exited unexpectedly'))),
  scenario('port-5023', passes, () => captureError(new Error('unrelated error with port 5023'))),
  scenario('api-error-5042-sentinel', passes, () =>
    captureError(new Error('provider returned api error 5042 (custom internal sentinel)')),
  ),
  scenario('requested-429-tokens', passes, () =>
    captureError(new Error('provider API error (400): You requested 429 tokens, but can only afford 402.')),
  ),
  scenario('openai-500-status-tag', passes, () =>
    captureError(new Error('OpenAI API error (500): internal server error'), {
      tags: llmProviderTags('openai', 500),
    }),
  ),
];
