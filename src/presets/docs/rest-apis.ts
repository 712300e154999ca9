import type { BuiltInRuleDocs } from './types.js';

const RATE_LIMITED_403 = { type: 'rate_limited', retryable: true } as const;

/** The description and examples of each rule of `restApiRules`, by rule id: only `checkRules` reads them. */
export const REST_APIS_DOCS: BuiltInRuleDocs = {
  'rest-403-quota-exhausted': {
    description: 'a 403 whose body is a used-up quota (Google dailyLimitExceeded, quotaExceeded)',
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
  'octokit-rate-limited': {
    description:
      '@octokit/request HttpError with GitHub’s primary or secondary rate-limit message (403 or 429)',
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
  'octokit-server-error': {
    description:
      "GitHub's own 5xx from @octokit/request, named by its frames: HttpError with GitHub's \"Server Error\" or a gateway's reason phrase",
    examples: {
      match: [
        { text: 'HttpError: Server Error', exceptionType: 'HttpError', thrownBy: '@octokit/request' },
        { text: 'HttpError: Bad Gateway', exceptionType: 'HttpError', thrownBy: '@octokit/request' },
      ],
      noMatch: [
        { text: 'HttpError: Server Error', exceptionType: 'HttpError' },
        { text: 'HttpError: Not Found', exceptionType: 'HttpError', thrownBy: '@octokit/request' },
        { text: 'HttpError: Bad credentials', exceptionType: 'HttpError', thrownBy: '@octokit/request' },
      ],
    },
  },
  'google-api-rate-limited': {
    description:
      "gaxios (googleapis, google-auth-library), named by its frames: the whole message is Google's rate-limit or per-minute quota wording",
    examples: {
      match: [
        { text: 'Error: Rate Limit Exceeded', thrownBy: 'gaxios' },
        { text: 'Error: User Rate Limit Exceeded', thrownBy: 'gaxios' },
        {
          text: "Error: Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'drive.googleapis.com' for consumer 'project_number:1'.",
          thrownBy: 'gaxios',
        },
      ],
      noMatch: [
        'Error: Rate Limit Exceeded',
        { text: 'Error: Rate Limit Exceeded', thrownBy: 'express-rate-limit' },
        {
          text: "Error: Quota exceeded for quota metric 'Queries' and limit 'Queries per day' of service 'drive.googleapis.com' for consumer 'project_number:1'.",
          thrownBy: 'gaxios',
        },
        {
          text: 'Error: Daily Limit Exceeded. The quota will be reset at midnight Pacific Time (PT).',
          thrownBy: 'gaxios',
        },
      ],
    },
  },
  'google-api-unavailable': {
    description:
      'gaxios, named by its frames: Google\'s `backendError` ("The service is currently unavailable.", "Backend Error")',
    examples: {
      match: [
        { text: 'Error: The service is currently unavailable.', thrownBy: 'gaxios' },
        { text: 'Error: Backend Error', thrownBy: 'gaxios' },
      ],
      noMatch: [
        'Error: The service is currently unavailable.',
        { text: 'Error: The service is currently unavailable.', thrownBy: 'pg' },
        { text: 'Error: Request had insufficient authentication scopes.', thrownBy: 'gaxios' },
      ],
    },
  },
  'rest-403-rate-limited': {
    description:
      'a 403 whose body names a rate limit (Google rateLimitExceeded/userRateLimitExceeded, GitHub), read by the taxonomy',
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
};
