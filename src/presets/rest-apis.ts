import { patternSafety } from '../rules/linear-pattern.js';
import { withPatternSupport } from '../rules/pattern.js';
import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'restApiRules';

/**
 * Code-hosting and Google-style REST APIs, whose rate limits arrive as a 403. `@octokit/request`'s
 * `HttpError` prints GitHub's message and documentation URL: the primary rate limit ("API rate limit
 * exceeded for …") and the secondary one ("You have exceeded a secondary rate limit") are
 * `transient_upstream`. Any other client's 403 whose body names a rate limit as
 * `categorizeUpstreamError` reads it (Google `errors[].reason` `rateLimitExceeded` /
 * `userRateLimitExceeded`, GitHub's bodies) is `transient_upstream` too: the live error's status and
 * body decide. Where only the event is read (a replay), the frames name the client (`thrownBy`): a
 * gaxios error whose whole message is Google's rate-limit or per-minute quota wording, or its
 * `backendError` ("The service is currently unavailable."), and an `HttpError` of `@octokit/request`
 * that is GitHub's own 5xx ("Server Error", a gateway's reason phrase) are `transient_upstream`.
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
      status: 403,
      upstream: { reason: 'quota_exhausted' },
    },
    {
      id: 'octokit-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: 'HttpError',
      any: ['API rate limit exceeded for ', 'You have exceeded a secondary rate limit'],
    },
    {
      id: 'octokit-server-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      thrownBy: '@octokit/request',
      exceptionType: 'HttpError',
      pattern: withPatternSupport(
        /^HttpError: (?:Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)$/,
        patternSafety,
      ),
    },
    {
      id: 'google-api-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      thrownBy: 'gaxios',
      pattern: withPatternSupport(
        /^Error: (?:Rate Limit Exceeded|User Rate Limit Exceeded|Quota exceeded for quota metric '[^'\n]*' and limit '[^'\n]* per minute[^'\n]*')/,
        patternSafety,
      ),
    },
    {
      id: 'google-api-unavailable',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      thrownBy: 'gaxios',
      pattern: withPatternSupport(
        /^Error: (?:The service is currently unavailable\.|Backend Error)$/,
        patternSafety,
      ),
    },
    {
      id: 'rest-403-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      status: 403,
      upstream: { type: 'rate_limited', retryable: true },
    },
  ];
}
