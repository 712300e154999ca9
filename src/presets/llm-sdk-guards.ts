import type { Rule } from '../rules/types.js';
import { withTaxonomy } from './with-taxonomy.js';

/**
 * The guards (`report`) of `llmSdkRules`: failures of an LLM call that a human must act on — an
 * exhausted quota or billing failure, a content-policy refusal, a permission failure.
 */
export function llmSdkGuards(): Rule[] {
  return withTaxonomy([
    {
      id: 'llm-quota-exhausted-429',
      kind: 'quota_exhausted',
      action: 'report',
      upstream: { type: 'rate_limited', reason: 'quota_exhausted' },
    },
    {
      id: 'llm-billing-error',
      kind: 'quota_exhausted',
      action: 'report',
      ignoreCase: true,
      any: ['insufficient_quota', 'billing_error', 'credit balance is too low'],
    },
    {
      id: 'llm-content-policy',
      kind: 'content_policy',
      action: 'report',
      upstream: { reason: 'content_policy' },
    },
    {
      id: 'gemini-safety-blocked',
      kind: 'content_policy',
      action: 'report',
      any: ['Candidate was blocked due to ', 'Response was blocked due to '],
    },
    {
      id: 'llm-permission-denied',
      kind: 'permission_denied',
      action: 'report',
      upstream: { reason: 'permission_denied' },
    },
  ]);
}
