import type { BuiltInRuleDocs } from './types.js';
import { QUOTA_429, RATE_LIMITED } from './upstream-facts.js';

/** The description and examples of each rule of `llmSdkRules`' guards (`llm-sdk-guards.ts`), by rule id: only `checkRules` reads them. */
export const LLM_SDK_GUARDS_DOCS: BuiltInRuleDocs = {
  'llm-quota-exhausted-429': {
    description:
      'a 429 that is a used-up quota, not a rate (OpenAI insufficient_quota, Gemini billing quota)',
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
  'llm-billing-error': {
    description:
      'quota and billing codes in provider bodies: insufficient_quota, Anthropic 402 billing_error',
    examples: {
      match: [
        'PaymentRequiredError: 402 {"type":"error","error":{"type":"billing_error","message":"Your credit balance is too low to access the Anthropic API."}}',
        'OpenAI API error (429 Too Many Requests): {"error":{"code":"insufficient_quota"}}',
      ],
      noMatch: ['Error: 402 Payment Required', 'Error: Your card has insufficient funds.'],
    },
  },
  'llm-content-policy': {
    description:
      'a safety system refused the prompt or the output (OpenAI content_policy_violation, moderation)',
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
  'gemini-safety-blocked': {
    description:
      '@google/generative-ai "Candidate was blocked due to SAFETY" / "Response was blocked due to …"',
    examples: {
      match: ['Error: [GoogleGenerativeAI Error]: Candidate was blocked due to SAFETY'],
      noMatch: ['Error: [GoogleGenerativeAI Error]: Error fetching from https://example.com: fetch failed'],
    },
  },
  'llm-permission-denied': {
    description:
      'valid credentials not allowed: OpenAI unsupported_country_region_territory, Anthropic permission_error',
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
};
