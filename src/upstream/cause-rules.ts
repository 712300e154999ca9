import { type SignalRule, signalRule } from './signals.js';

/**
 * Phrases that name a cause a retry cannot fix. They are read before the HTTP status: a 429 that says
 * `insufficient_quota` is an exhausted quota, not a rate limit; a 400 that says `prompt is too long` is a
 * context overflow. Phrases are provider wording, matched case-insensitively; each rule names its source.
 */
export const CAUSE_RULES: readonly SignalRule[] = [
  signalRule({
    id: 'quota-billing',
    kind: 'quota_exhausted',
    any: [
      'insufficient_quota',
      'insufficient quota',
      'check your plan and billing details',
      'credit balance is too low',
      'insufficient credits',
      'out of credits',
      'billing_hard_limit_reached',
    ],
  }),
  signalRule({
    id: 'quota-exceeded',
    kind: 'quota_exceeded',
    any: ['exceeded your current quota', 'quota has been exhausted', 'quota exhausted', 'usage quota'],
  }),
  signalRule({
    id: 'context-overflow',
    kind: 'context_overflow',
    any: [
      'context_length_exceeded',
      'context length exceeded',
      'maximum context length',
      "model's maximum context limit",
      "is longer than the model's context length",
      'exceed context limit',
      'exceeds the context window',
      'context window exceeds limit',
      'prompt is too long',
      'input is too long',
      'too many input tokens',
      'prompt has too many tokens',
      'exceeds the maximum number of tokens allowed',
      'maximum prompt length is',
      'please reduce the length of the messages',
      'exceeds the available context size',
      'greater than the context length',
      'prompt token count of',
      'exceeded model token limit',
      'too large for model with',
      'context length is only',
      'string too long. expected a string with maximum length',
    ],
  }),
  signalRule({
    id: 'context-overflow-too-many-tokens',
    kind: 'context_overflow',
    any: ['too many tokens'],
    none: ['please wait', 'rate limit', 'too many requests', 'throttl', 'max tokens must be'],
  }),
  signalRule({
    id: 'request-too-large',
    kind: 'request_too_large',
    any: [
      'request_too_large',
      'request entity too large',
      'payload too large',
      'request too large',
      'request payload size exceeds',
    ],
  }),
  signalRule({
    id: 'content-policy',
    kind: 'content_policy',
    any: [
      'content_policy_violation',
      'violating our usage policy',
      'as a result of the safety system',
      'as a result of our safety system',
      "azure openai's content management",
      'content management policy',
      'content_filter',
      'content filtering policy',
      'the response was blocked',
      'responsibleaipolicyviolation',
    ],
  }),
  signalRule({
    id: 'model-not-found',
    kind: 'model_not_found',
    any: [
      'model_not_found',
      'deploymentnotfound',
      'does not exist or you do not have access to it',
      'model not found',
    ],
  }),
  signalRule({
    id: 'anthropic-model-not-found',
    kind: 'model_not_found',
    all: ['not_found_error', 'model:'],
  }),
  signalRule({
    id: 'invalid-api-key',
    kind: 'invalid_api_key',
    any: [
      'invalid_api_key',
      'invalid api key',
      'incorrect api key provided',
      'api key not valid',
      'invalid x-api-key',
      'api_key_invalid',
      'invalid api token',
      'no api key provided',
      'incorrect authentication token',
      'the security token included in the request is invalid',
      'unable to locate credentials',
      'authorization denied for',
      'the api_key client option must be set',
      'all configured keys failed authentication',
    ],
  }),
  signalRule({
    id: 'permission-denied',
    kind: 'permission_denied',
    any: [
      'accessdeniedexception',
      'country, region, or territory not supported',
      'ip not authorized',
      'you must be a member of an organization to use the api',
    ],
  }),
];
