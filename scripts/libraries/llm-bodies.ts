/**
 * Provider error bodies exactly as documented (shared/reference/providers.md §3): OpenAI, Anthropic,
 * Gemini, Cohere, Mistral. Used by the loopback server.
 */

export const OPENAI = {
  invalidKey: {
    error: {
      message:
        'Incorrect API key provided: sk-corp***7890. You can find your API key at https://platform.openai.com/account/api-keys.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  },
  rateLimit: {
    error: {
      message:
        'Rate limit reached for gpt-4o-mini in organization org-corpus on tokens per min (TPM): Limit 200000, Used 195869, Requested 4412. Please try again in 84ms. Visit https://platform.openai.com/account/rate-limits to learn more.',
      type: 'tokens',
      param: null,
      code: 'rate_limit_exceeded',
    },
  },
  insufficientQuota: {
    error: {
      message: 'You exceeded your current quota, please check your plan and billing details.',
      type: 'insufficient_quota',
      param: null,
      code: 'insufficient_quota',
    },
  },
  contextLength: {
    error: {
      message:
        "This model's maximum context length is 128000 tokens. However, your messages resulted in 210345 tokens. Please reduce the length of the messages.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    },
  },
  contentPolicy: {
    error: {
      message:
        'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
      type: 'invalid_request_error',
      param: null,
      code: 'content_policy_violation',
    },
  },
  unsupportedCountry: {
    error: {
      code: 'unsupported_country_region_territory',
      message: 'Country, region, or territory not supported',
      param: null,
      type: 'request_forbidden',
    },
  },
  modelNotFound: {
    error: {
      message: 'The model `gpt-5-turbo` does not exist or you do not have access to it.',
      type: 'invalid_request_error',
      param: null,
      code: 'model_not_found',
    },
  },
  serverError: {
    error: {
      message: 'The server had an error while processing your request. Sorry about that!',
      type: 'server_error',
      param: null,
      code: null,
    },
  },
  overloaded: {
    error: {
      message: 'The engine is currently overloaded, please try again later',
      type: 'server_error',
      param: null,
      code: null,
    },
  },
  streamServerError:
    'data: {"error": {"message": "The server had an error while processing your request. Sorry about that!", "type": "server_error"}}\n\n',
} as const;

export const ANTHROPIC = {
  authentication: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
  rateLimit: {
    type: 'error',
    error: {
      type: 'rate_limit_error',
      message:
        'This request would exceed the rate limit for your organization of 50,000 input tokens per minute.',
    },
  },
  overloaded: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  apiError: { type: 'error', error: { type: 'api_error', message: 'Internal server error' } },
  billing: {
    type: 'error',
    error: {
      type: 'billing_error',
      message:
        'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    },
  },
  permission: {
    type: 'error',
    error: {
      type: 'permission_error',
      message: 'Your API key does not have permission to use the specified resource.',
    },
  },
  promptTooLong: {
    type: 'error',
    error: { type: 'invalid_request_error', message: 'prompt is too long: 205429 tokens > 200000 maximum' },
    request_id: 'req_011CV5Jab6gR3ZNs9Sj6apiD',
  },
  streamOverloaded:
    'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_corpus","type":"message","role":"assistant","model":"claude-sonnet-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":1}}}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
} as const;

export const GEMINI = {
  invalidKey: {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
          metadata: { service: 'generativelanguage.googleapis.com' },
        },
      ],
    },
  },
  perMinuteQuota: {
    error: {
      code: 429,
      message: 'You exceeded your current quota, please check your plan.',
      status: 'RESOURCE_EXHAUSTED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
          violations: [{ quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier' }],
        },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '34.4s' },
      ],
    },
  },
  billingQuota: {
    error: {
      code: 429,
      message:
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
      status: 'RESOURCE_EXHAUSTED',
    },
  },
  unavailable: {
    error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' },
  },
  internal: { error: { code: 500, message: 'An internal error has occurred.', status: 'INTERNAL' } },
  invalidArgument: {
    error: {
      code: 400,
      message: 'The input token count (1196265) exceeds the maximum number of tokens allowed (1048575).',
      status: 'INVALID_ARGUMENT',
    },
  },
  blocked: {
    candidates: [
      {
        finishReason: 'SAFETY',
        index: 0,
        safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
      },
    ],
    promptFeedback: { safetyRatings: [] },
  },
} as const;

export const COHERE = {
  invalidToken: { message: 'invalid api token' },
  rateLimit: {
    message:
      "You are using a Trial key, which is limited to 10 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'. Contact us on 'https://discord.gg/XW44jPfYJu' or email us at support@cohere.com with any questions",
  },
  tooManyTokens: {
    message:
      'too many tokens: total number of tokens in the prompt cannot exceed 4081 - received 4292. Try using a shorter prompt, or enabling prompt truncating. See https://docs.cohere.com/reference/generate for more details.',
  },
  serverError: {
    message: 'internal server error, this has been reported to our developers. id 8b1c3c34a0d1c7e5',
  },
  unavailable: { message: 'service unavailable' },
} as const;

export const MISTRAL = {
  unauthorized: { message: 'Unauthorized', request_id: '2f5a4f7c9d3e4b1a8c6d0e2f4a6b8c0d' },
  rateLimit: {
    object: 'error',
    message: 'Requests rate limit exceeded',
    type: 'rate_limited',
    param: null,
    code: '1300',
  },
  capacity: {
    object: 'error',
    message: 'Service tier capacity exceeded for this model.',
    type: 'service_tier_capacity_exceeded',
    param: null,
    code: '3505',
  },
  serverError: {
    object: 'error',
    message: 'Internal server error',
    type: 'internal_server_error',
    param: null,
    code: '1000',
  },
} as const;
