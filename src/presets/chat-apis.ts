import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'chatApiRules';

/**
 * Chat and messaging APIs' rate limits, kind `transient_upstream`: `@slack/web-api` (its
 * `WebAPIRateLimitedError` "A rate-limit has been reached, you may retry this request in N seconds" for
 * an HTTP 429 with `rejectRateLimitedCalls`, and its `WebAPIPlatformError` "An API error occurred:
 * ratelimited" / "rate_limited" for the error in an HTTP 200 body) and `@discordjs/rest` (its
 * `RateLimitError[<route>]` with `rejectOnRateLimit`, and its `HTTPError` for a 502/503/504 — the bare reason
 * phrase, so only with the live error's `status`). Left alone: `invalid_auth`, `not_authed`,
 * `channel_not_found`, Discord's `DiscordAPIError[50013]` Missing Permissions — misconfiguration or
 * bugs.
 *
 * @example
 * expectedErrorsIntegration({ rules: chatApiRules() });
 */
export function chatApiRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

function rules(): Rule[] {
  return [
    {
      id: 'slack-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        '@slack/web-api: WebAPIRateLimitedError (HTTP 429) and the platform errors ratelimited / rate_limited (HTTP 200)',
      any: [
        'A rate-limit has been reached, you may retry this request in ',
        'An API error occurred: ratelimited',
        'An API error occurred: rate_limited',
      ],
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
    {
      id: 'discord-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        '@discordjs/rest RateLimitError, named after the route: "RateLimitError[/channels/:id/messages]"',
      any: ['RateLimitError[/'],
      examples: {
        match: ['RateLimitError[/channels/:id/messages]'],
        noMatch: [
          'DiscordAPIError[50013]: Missing Permissions',
          'RateLimitError: 429 Rate limit reached for requests',
        ],
      },
    },
    {
      id: 'discord-gateway-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        '@discordjs/rest HTTPError for a 502/503/504: the bare reason phrase, with `status` on the live error',
      exceptionType: 'HTTPError',
      status: [502, 503, 504],
      any: ['HTTPError: Bad Gateway', 'HTTPError: Service Unavailable', 'HTTPError: Gateway Timeout'],
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
  ];
}
