import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'restApiRules';

const RATE_LIMITED_403 = { type: 'rate_limited', retryable: true } as const;

/**
 * Code-hosting and Google-style REST APIs, whose rate limits arrive as a 403. `@octokit/request`'s
 * `HttpError` prints GitHub's message and documentation URL: the primary rate limit ("API rate limit
 * exceeded for …") and the secondary one ("You have exceeded a secondary rate limit") are
 * `transient_upstream`. Any other client's 403 whose body names a rate limit as
 * `categorizeUpstreamError` reads it (Google `errors[].reason` `rateLimitExceeded` /
 * `userRateLimitExceeded`, GitHub's bodies) is `transient_upstream` too: the live error's status and
 * body decide, so a recorded event without them passes.
 *
 * Guard (`report`): a 403 whose body is a used-up quota (`dailyLimitExceeded`, `quotaExceeded`): no retry
 * helps, someone must raise it. Left alone: `insufficientPermissions`, "Resource not accessible by
 * integration", "Bad credentials" (misconfiguration) and a 404.
 *
 * @example
 * expectedErrorsIntegration({ rules: restApiRules() });
 */
export function restApiRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

function rules(): Rule[] {
  return [
    {
      id: 'rest-403-quota-exhausted',
      kind: 'quota_exhausted',
      action: 'report',
      description: 'a 403 whose body is a used-up quota (Google dailyLimitExceeded, quotaExceeded)',
      status: 403,
      upstream: { reason: 'quota_exhausted' },
      examples: {
        match: [
          {
            text: 'Error: Daily Limit Exceeded. The quota will be reset at midnight Pacific Time (PT).',
            status: 403,
            upstream: { type: 'unauthorized', reason: 'quota_exhausted', retryable: false },
          },
        ],
        noMatch: [
          {
            text: 'Error: Request had insufficient authentication scopes.',
            status: 403,
            upstream: { type: 'unauthorized', reason: 'permission_denied', retryable: false },
          },
        ],
      },
    },
    {
      id: 'octokit-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        '@octokit/request HttpError with GitHub’s primary or secondary rate-limit message (403 or 429)',
      exceptionType: 'HttpError',
      any: ['API rate limit exceeded for ', 'You have exceeded a secondary rate limit'],
      examples: {
        match: [
          {
            text: "HttpError: API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.) - https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
            exceptionType: 'HttpError',
          },
          {
            text: 'HttpError: You have exceeded a secondary rate limit. Please wait a few minutes before you try again. - https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            exceptionType: 'HttpError',
          },
        ],
        noMatch: [
          {
            text: 'HttpError: Resource not accessible by integration - https://docs.github.com/rest/issues/issues#list-repository-issues',
            exceptionType: 'HttpError',
          },
          // got's HTTPError (another library) with the same words in a body it does not print.
          {
            text: 'HTTPError: Request failed with status code 403 (Forbidden): GET https://api.github.com/repos/a/b',
            exceptionType: 'HTTPError',
          },
        ],
      },
    },
    {
      id: 'rest-403-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'a 403 whose body names a rate limit (Google rateLimitExceeded/userRateLimitExceeded, GitHub), read by the taxonomy',
      status: 403,
      upstream: { type: 'rate_limited', retryable: true },
      examples: {
        match: [
          { text: 'Error: Rate Limit Exceeded', status: 403, upstream: RATE_LIMITED_403 },
          {
            text: "Error: Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'drive.googleapis.com'",
            status: 403,
            upstream: RATE_LIMITED_403,
          },
        ],
        noMatch: [
          { text: 'Error: Rate Limit Exceeded', upstream: RATE_LIMITED_403 },
          {
            text: 'Error: Request had insufficient authentication scopes.',
            status: 403,
            upstream: { type: 'unauthorized', reason: 'permission_denied', retryable: false },
          },
        ],
      },
    },
  ];
}
