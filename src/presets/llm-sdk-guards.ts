import type { Rule } from '../rules/types.js';
import { withTaxonomy } from './with-taxonomy.js';

const RATE_LIMITED = { type: 'rate_limited', retryable: true } as const;
const QUOTA_429 = { type: 'rate_limited', reason: 'quota_exhausted', retryable: false } as const;

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
      description:
        'a 429 that is a used-up quota, not a rate (OpenAI insufficient_quota, Gemini billing quota)',
      upstream: { type: 'rate_limited', reason: 'quota_exhausted' },
      examples: {
        match: [
          {
            text: 'Error: 429 You exceeded your current quota, please check your plan and billing details.',
            status: 429,
            upstream: QUOTA_429,
          },
          {
            text: 'AI_RetryError: Failed after 3 attempts. Last error: You exceeded your current quota, please check your plan and billing details.',
            upstream: QUOTA_429,
          },
        ],
        noMatch: [{ text: 'Error: 429 Rate limit reached for gpt-4o-mini', upstream: RATE_LIMITED }],
      },
    },
    {
      id: 'llm-billing-error',
      kind: 'quota_exhausted',
      action: 'report',
      description:
        'quota and billing codes in provider bodies: insufficient_quota, Anthropic 402 billing_error',
      ignoreCase: true,
      any: ['insufficient_quota', 'billing_error', 'credit balance is too low'],
      examples: {
        match: [
          'PaymentRequiredError: 402 {"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low to access the Anthropic API."}}',
          'OpenAI API error (429 Too Many Requests): {"error":{"code":"insufficient_quota"}}',
        ],
        noMatch: ['Error: 402 Payment Required', 'Error: Your card has insufficient funds.'],
      },
    },
    {
      id: 'llm-content-policy',
      kind: 'content_policy',
      action: 'report',
      description:
        'a safety system refused the prompt or the output (OpenAI content_policy_violation, moderation)',
      upstream: { reason: 'content_policy' },
      examples: {
        match: [
          {
            text: 'Error: 400 Your request was rejected as a result of our safety system.',
            status: 400,
            upstream: { type: 'bad_request', reason: 'content_policy', retryable: false },
          },
        ],
        noMatch: [
          {
            text: "Error: 400 This model's maximum context length is 128000 tokens.",
            upstream: { type: 'bad_request', reason: 'context_overflow', retryable: false },
          },
        ],
      },
    },
    {
      id: 'gemini-safety-blocked',
      kind: 'content_policy',
      action: 'report',
      description:
        '@google/generative-ai "Candidate was blocked due to SAFETY" / "Response was blocked due to …"',
      any: ['Candidate was blocked due to ', 'Response was blocked due to '],
      examples: {
        match: ['Error: [GoogleGenerativeAI Error]: Candidate was blocked due to SAFETY'],
        noMatch: ['Error: [GoogleGenerativeAI Error]: Error fetching from https://example.com: fetch failed'],
      },
    },
    {
      id: 'llm-permission-denied',
      kind: 'permission_denied',
      action: 'report',
      description:
        'valid credentials not allowed: OpenAI unsupported_country_region_territory, Anthropic permission_error',
      upstream: { reason: 'permission_denied' },
      examples: {
        match: [
          {
            text: 'Error: 403 Country, region, or territory not supported',
            status: 403,
            upstream: { type: 'unauthorized', reason: 'permission_denied', retryable: false },
          },
        ],
        noMatch: [{ text: 'Error: 403 Forbidden', upstream: { type: 'unauthorized', retryable: false } }],
      },
    },
  ]);
}
