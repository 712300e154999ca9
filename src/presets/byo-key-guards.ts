import type { Rule } from '../rules/types.js';
import { withTaxonomy } from './with-taxonomy.js';

/**
 * Guards (`report`) for a user's own provider key being rejected: that is a misconfiguration the app must
 * hear about, so these always reach Sentry whatever other rule matches — list them with any pack whose
 * substrings could also appear in a provider 401. Kind `provider_key_rejected`. The last guard asks
 * `categorizeUpstreamError` (reason `invalid_api_key`), so a key rejected behind an HTTP client or an SDK
 * it reads is kept too; the others read the wire text, which a recorded event still has.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...transientUpstreamRules()] });
 */
export function byoKeyGuardRules(): Rule[] {
  return withTaxonomy([
    {
      id: 'mistral-unauthorized',
      kind: 'provider_key_rejected',
      action: 'report',
      any: ['API error occurred: Status 401'],
    },
    {
      id: 'openai-invalid-api-key',
      kind: 'provider_key_rejected',
      action: 'report',
      ignoreCase: true,
      any: ['invalid_api_key', 'Incorrect API key provided'],
    },
    {
      id: 'anthropic-authentication-error',
      kind: 'provider_key_rejected',
      action: 'report',
      ignoreCase: true,
      any: ['authentication_error', 'invalid x-api-key'],
    },
    {
      id: 'gemini-api-key-invalid',
      kind: 'provider_key_rejected',
      action: 'report',
      ignoreCase: true,
      any: ['API_KEY_INVALID', 'API key not valid. Please pass a valid API key.'],
    },
    {
      id: 'cohere-voyage-key-rejected',
      kind: 'provider_key_rejected',
      action: 'report',
      ignoreCase: true,
      any: ['invalid api token', 'no api key supplied', 'no api key provided', 'provided api key is invalid'],
    },
    {
      id: 'upstream-invalid-api-key',
      kind: 'provider_key_rejected',
      action: 'report',
      upstream: { reason: 'invalid_api_key' },
    },
  ]);
}
