import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `chatApiRules`, by rule id: only `checkRules` reads them. */
export const CHAT_APIS_DOCS: BuiltInRuleDocs = {
  'slack-rate-limited': {
    description:
      '@slack/web-api: WebAPIRateLimitedError (HTTP 429) and the platform errors ratelimited / rate_limited (HTTP 200)',
    examples: {
      match: [
        'WebAPIRateLimitedError: A rate-limit has been reached, you may retry this request in 30 seconds',
        'WebAPIPlatformError: An API error occurred: ratelimited',
        'Error: An API error occurred: rate_limited',
      ],
      noMatch: [
        'WebAPIPlatformError: An API error occurred: invalid_auth',
        'WebAPIPlatformError: An API error occurred: channel_not_found',
        'RateLimitError: 429 Rate limit reached for requests',
      ],
    },
  },
  'discord-rate-limited': {
    description:
      '@discordjs/rest RateLimitError, named after the route: "RateLimitError[/channels/:id/messages]"',
    examples: {
      match: ['RateLimitError[/channels/:id/messages]'],
      noMatch: [
        'DiscordAPIError[50013]: Missing Permissions',
        'RateLimitError: 429 Rate limit reached for requests',
      ],
    },
  },
  'discord-gateway-error': {
    description:
      '@discordjs/rest HTTPError for a 502/503/504: the bare reason phrase, with `status` on the live error',
    examples: {
      match: [{ text: 'HTTPError: Bad Gateway', exceptionType: 'HTTPError', status: 502 }],
      noMatch: [
        // Without the live status (a recorded event), the reason phrase alone is no identity.
        { text: 'HTTPError: Bad Gateway', exceptionType: 'HTTPError' },
        // got and ky use the same name, with their own message form: their 5xx may be the app's backend.
        {
          text: 'HTTPError: Request failed with status code 502 (Bad Gateway): GET https://api.example.com/v1',
          exceptionType: 'HTTPError',
          status: 502,
        },
      ],
    },
  },
  'discord-gateway-error-thrown': {
    description:
      '@discordjs/rest HTTPError for a 502/503/504 named by its frames (a recorded event, without the live `status`)',
    examples: {
      match: [{ text: 'HTTPError: Bad Gateway', exceptionType: 'HTTPError', thrownBy: '@discordjs/rest' }],
      noMatch: [
        { text: 'HTTPError: Bad Gateway', exceptionType: 'HTTPError' },
        { text: 'HTTPError: Bad Gateway', exceptionType: 'HTTPError', thrownBy: 'got' },
        { text: 'HTTPError: Not Found', exceptionType: 'HTTPError', thrownBy: '@discordjs/rest' },
      ],
    },
  },
};
