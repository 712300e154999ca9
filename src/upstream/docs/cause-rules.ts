import type { TextMatcherDocs } from '../../rules/text-matcher.js';

/** Where the wording of each entry of `CAUSE_RULES` comes from, and its examples, by entry id: only the tests read them. */
export const CAUSE_RULE_DOCS: TextMatcherDocs = {
  'quota-billing': {
    description:
      'OpenAI insufficient_quota ("check your plan and billing details"), Anthropic "credit balance is too low", OpenRouter 402 insufficient credits',
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
  },
  'quota-exceeded': {
    description:
      "quota wording without a billing hint (Gemini reuses OpenAI's sentence for its per-minute limit): a retry delay decides between quota and rate limit",
    examples: {
      match: [
        'You exceeded your current quota, please check your plan.',
        'Your usage quota has been exhausted for this month.',
      ],
      noMatch: ["Quota exceeded for quota metric 'Generate Content API requests per minute'"],
    },
  },
  'context-overflow': {
    description:
      'context-window messages: OpenAI, Anthropic, Gemini, xAI, Groq, OpenRouter, llama.cpp, LM Studio, Copilot, MiniMax, Kimi, Mistral, vLLM, Aleph Alpha, AI21 (pi-mono overflow.ts, LiteLLM)',
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
  },
  'context-overflow-too-many-tokens': {
    description:
      'Cohere "too many tokens: total number of tokens in the prompt…", Bedrock "too many tokens"; not Bedrock\'s throttle "Too many tokens, please wait" nor Cohere\'s max_tokens check',
    examples: {
      match: [
        'too many tokens: total number of tokens in the prompt cannot exceed 4081 - received 4292. Try using a shorter prompt, or enabling prompt truncating. See https://docs.cohere.com/reference/generate for more details.',
      ],
      noMatch: [
        'Too many tokens, please wait before trying again.',
        'too many tokens: max tokens must be less than or equal to 4096, the maximum output for this model - received 8192.',
      ],
    },
  },
  'request-too-large': {
    description:
      'byte or tokens-per-minute limits: Anthropic 413 request_too_large, "Request Entity Too Large" proxies, OpenAI\'s 429 "Request too large for gpt-4o … on tokens per min", Vertex "Request payload size exceeds"',
    examples: {
      match: [
        'Request too large for gpt-4o in organization org-xxx on tokens per min (TPM): Limit 500000, Requested 538772.',
        'Provider nearai_chat request failed: HTTP 413 Payload Too Large',
        '400 Request payload size exceeds the limit: 20971520 bytes.',
      ],
      noMatch: ['Request timed out.'],
    },
  },
  'content-policy': {
    description:
      'safety refusals: OpenAI content_policy_violation / usage policy / safety system, Azure content management, Anthropic and Vertex content filtering (LiteLLM exception mapping)',
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
  },
  'model-not-found': {
    description:
      'OpenAI model_not_found ("does not exist or you do not have access to it"), Azure DeploymentNotFound',
    examples: {
      match: [
        'The model `gpt-9` does not exist or you do not have access to it.',
        'DeploymentNotFound: The API deployment for this resource does not exist.',
      ],
      noMatch: ['The upstream file was not found'],
    },
  },
  'anthropic-model-not-found': {
    description: 'Anthropic 404 {"type":"not_found_error","message":"model: <name>"}',
    examples: {
      match: ['{"type":"error","error":{"type":"not_found_error","message":"model: claude-9-opus"}}'],
      noMatch: ['{"type":"error","error":{"type":"not_found_error","message":"File not found"}}'],
    },
  },
  'invalid-api-key': {
    description:
      'rejected keys: OpenAI, Anthropic "invalid x-api-key", Gemini "API key not valid", Cohere, Replicate, Bedrock, Predibase, coder key pool; never the bare word "unauthorized" (tools use it)',
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
  },
  'permission-denied': {
    description: 'OpenAI 403 region / organization / IP messages, Bedrock AccessDeniedException',
    examples: {
      match: [
        'Country, region, or territory not supported',
        "AccessDeniedException: You don't have access to the model",
      ],
      noMatch: ['Tool failed: unauthorized to access /etc/shadow'],
    },
  },
};
