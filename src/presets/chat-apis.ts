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
      any: [
        'A rate-limit has been reached, you may retry this request in ',
        'An API error occurred: ratelimited',
        'An API error occurred: rate_limited',
      ],
    },
    {
      id: 'discord-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: ['RateLimitError[/'],
    },
    {
      id: 'discord-gateway-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: 'HTTPError',
      status: [502, 503, 504],
      any: ['HTTPError: Bad Gateway', 'HTTPError: Service Unavailable', 'HTTPError: Gateway Timeout'],
    },
    {
      id: 'discord-gateway-error-thrown',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      thrownBy: '@discordjs/rest',
      exceptionType: 'HTTPError',
      any: ['HTTPError: Bad Gateway', 'HTTPError: Service Unavailable', 'HTTPError: Gateway Timeout'],
    },
  ];
}
