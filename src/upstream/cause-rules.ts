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
    description:
      'OpenAI insufficient_quota ("check your plan and billing details"), Anthropic "credit balance is too low", OpenRouter 402 insufficient credits',
    any: [
      'insufficient_quota',
      'insufficient quota',
      'check your plan and billing details',
      'credit balance is too low',
      'insufficient credits',
      'out of credits',
      'billing_hard_limit_reached',
    ],
    examples: {
      match: [
        'You exceeded your current quota, please check your plan and billing details.',
        '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}',
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      ],
      noMatch: [
        'Rate limit reached for requests',
        'You exceeded your current quota, please check your plan.',
      ],
    },
  }),
  signalRule({
    id: 'quota-exceeded',
    kind: 'quota_exceeded',
    description:
      "quota wording without a billing hint (Gemini reuses OpenAI's sentence for its per-minute limit): a retry delay decides between quota and rate limit",
    any: ['exceeded your current quota', 'quota has been exhausted', 'quota exhausted', 'usage quota'],
    examples: {
      match: [
        'You exceeded your current quota, please check your plan.',
        'Your usage quota has been exhausted for this month.',
      ],
      noMatch: ["Quota exceeded for quota metric 'Generate Content API requests per minute'"],
    },
  }),
  signalRule({
    id: 'context-overflow',
    kind: 'context_overflow',
    description:
      'context-window messages: OpenAI, Anthropic, Gemini, xAI, Groq, OpenRouter, llama.cpp, LM Studio, Copilot, MiniMax, Kimi, Mistral, vLLM, Aleph Alpha, AI21 (pi-mono overflow.ts, LiteLLM)',
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
    examples: {
      match: [
        '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 205429 tokens > 200000 maximum"},"request_id":"req_011CV5Jab6gR3ZNs9Sj6apiD"}',
        'Your input exceeds the context window of this model. Please adjust your input and try again.',
        'The input token count (1196265) exceeds the maximum number of tokens allowed (1048575)',
        "This model's maximum prompt length is 131072 but the request contains 537812 tokens",
        'Context length exceeded: 200000 tokens used, 128000 allowed',
        "This endpoint's maximum context length is 200000 tokens. However, you requested about 210000 tokens",
        'the request exceeds the available context size, try increasing it',
      ],
      noMatch: ['Too many tokens, please wait before trying again.', 'You requested 429 tokens'],
    },
  }),
  signalRule({
    id: 'context-overflow-too-many-tokens',
    kind: 'context_overflow',
    description:
      'Cohere "too many tokens: total number of tokens in the prompt…", Bedrock "too many tokens"; not Bedrock\'s throttle "Too many tokens, please wait" nor Cohere\'s max_tokens check',
    any: ['too many tokens'],
    none: ['please wait', 'rate limit', 'too many requests', 'throttl', 'max tokens must be'],
    examples: {
      match: [
        'too many tokens: total number of tokens in the prompt cannot exceed 4081 - received 4292. Try using a shorter prompt, or enabling prompt truncating. See https://docs.cohere.com/reference/generate for more details.',
      ],
      noMatch: [
        'Too many tokens, please wait before trying again.',
        'too many tokens: max tokens must be less than or equal to 4096, the maximum output for this model - received 8192.',
      ],
    },
  }),
  signalRule({
    id: 'request-too-large',
    kind: 'request_too_large',
    description:
      'byte or tokens-per-minute limits: Anthropic 413 request_too_large, "Request Entity Too Large" proxies, OpenAI\'s 429 "Request too large for gpt-4o … on tokens per min", Vertex "Request payload size exceeds"',
    any: [
      'request_too_large',
      'request entity too large',
      'payload too large',
      'request too large',
      'request payload size exceeds',
    ],
    examples: {
      match: [
        'Request too large for gpt-4o in organization org-xxx on tokens per min (TPM): Limit 500000, Requested 538772.',
        'Provider nearai_chat request failed: HTTP 413 Payload Too Large',
        '400 Request payload size exceeds the limit: 20971520 bytes.',
      ],
      noMatch: ['Request timed out.'],
    },
  }),
  signalRule({
    id: 'content-policy',
    kind: 'content_policy',
    description:
      'safety refusals: OpenAI content_policy_violation / usage policy / safety system, Azure content management, Anthropic and Vertex content filtering (LiteLLM exception mapping)',
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
    examples: {
      match: [
        'Invalid prompt: your prompt was flagged as potentially violating our usage policy.',
        'Your request was rejected as a result of our safety system.',
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
        'Output blocked by content filtering policy',
        'The response was blocked.',
      ],
      noMatch: ['The response was truncated.'],
    },
  }),
  signalRule({
    id: 'model-not-found',
    kind: 'model_not_found',
    description:
      'OpenAI model_not_found ("does not exist or you do not have access to it"), Azure DeploymentNotFound',
    any: [
      'model_not_found',
      'deploymentnotfound',
      'does not exist or you do not have access to it',
      'model not found',
    ],
    examples: {
      match: [
        'The model `gpt-9` does not exist or you do not have access to it.',
        'DeploymentNotFound: The API deployment for this resource does not exist.',
      ],
      noMatch: ['The upstream file was not found'],
    },
  }),
  signalRule({
    id: 'anthropic-model-not-found',
    kind: 'model_not_found',
    description: 'Anthropic 404 {"type":"not_found_error","message":"model: <name>"}',
    all: ['not_found_error', 'model:'],
    examples: {
      match: ['{"type":"error","error":{"type":"not_found_error","message":"model: claude-9-opus"}}'],
      noMatch: ['{"type":"error","error":{"type":"not_found_error","message":"File not found"}}'],
    },
  }),
  signalRule({
    id: 'invalid-api-key',
    kind: 'invalid_api_key',
    description:
      'rejected keys: OpenAI, Anthropic "invalid x-api-key", Gemini "API key not valid", Cohere, Replicate, Bedrock, Predibase, coder key pool; never the bare word "unauthorized" (tools use it)',
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
    examples: {
      match: [
        '{"error":{"message":"Incorrect API key provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys.","type":"authentication_error","param":null,"code":"invalid_api_key"}}',
        '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}',
        'API key not valid. Please pass a valid API key.',
        'Provider returned: Invalid API key',
        'key pool exhausted: all configured keys failed authentication',
      ],
      noMatch: ['Tool failed: unauthorized to access /etc/shadow', 'HTTP 401 Unauthorized'],
    },
  }),
  signalRule({
    id: 'permission-denied',
    kind: 'permission_denied',
    description: 'OpenAI 403 region / organization / IP messages, Bedrock AccessDeniedException',
    any: [
      'accessdeniedexception',
      'country, region, or territory not supported',
      'ip not authorized',
      'you must be a member of an organization to use the api',
    ],
    examples: {
      match: [
        'Country, region, or territory not supported',
        "AccessDeniedException: You don't have access to the model",
      ],
      noMatch: ['Tool failed: unauthorized to access /etc/shadow'],
    },
  }),
];
