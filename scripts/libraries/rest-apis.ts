import { request as octokitRequest } from '@octokit/request';
import { GaxiosError, request as gaxiosRequest } from 'gaxios';
import { OAuth2Client } from 'google-auth-library';
import type { Answer, Loopback } from './loopback.js';
import {
  because,
  demotes,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

const RATE_LIMITED = (why: string): LibraryDecision => because(demotes('transient_upstream'), why);

function octokit(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: '@octokit/request',
    name,
    expected,
    run: (loopback: Loopback) => {
      const baseUrl = `${loopback.origin}/github-${name}`;
      loopback.answer(`/github-${name}/repos/corpus/app/issues`, answer);
      return thrownBy(() =>
        octokitRequest('GET /repos/{owner}/{repo}/issues', {
          baseUrl,
          owner: 'corpus',
          repo: 'app',
          headers: { authorization: 'token ghp_corpus000000000000000000000000000000' },
          request: { retries: 0 },
        }),
      );
    },
  };
}

/** GitHub's REST bodies (docs.github.com, "Rate limits for the REST API", "Troubleshooting"). */
const githubScenarios: readonly LibraryScenario[] = [
  octokit(
    'primary-rate-limit',
    RATE_LIMITED("GitHub's primary rate limit in a 403 body: call again after x-ratelimit-reset"),
    {
      status: 403,
      body: {
        message:
          "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
        documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      },
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1764950400' },
    },
  ),
  octokit(
    'secondary-rate-limit',
    RATE_LIMITED("GitHub's secondary rate limit in a 403 body: wait a few minutes"),
    {
      status: 403,
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID CORP:0000:1234567:ABCDEF0:6750A1B2.',
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: '403',
      },
      headers: { 'retry-after': '60' },
    },
  ),
  octokit(
    'resource-not-accessible',
    because(passes, 'a token without the permission the app needs: a misconfiguration to fix'),
    {
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
        status: '403',
      },
    },
  ),
  octokit('bad-credentials', because(passes, 'a revoked or wrong token: a misconfiguration'), {
    status: 401,
    body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' },
  }),
  octokit('server-error', RATE_LIMITED("GitHub's own 502: the provider SDK's identity says third party"), {
    status: 502,
    body: { message: 'Server Error' },
  }),
];

const googleError = (code: number, message: string, reason: string, status?: string) => ({
  error: {
    code,
    message,
    errors: [{ message, domain: 'usageLimits', reason }],
    ...(status === undefined ? {} : { status }),
  },
});

function gaxios(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: 'gaxios',
    name,
    expected,
    run: async (loopback: Loopback) => {
      const url = loopback.answer(`/google-${name}/drive/v3/files`, answer);
      const thrown = await thrownBy(() => gaxiosRequest({ url, retry: false }));
      if (!(thrown instanceof GaxiosError)) throw new Error('gaxios did not throw a GaxiosError');
      return thrown;
    },
  };
}

/** Google APIs' bodies as googleapis receives them through gaxios (cloud.google.com, "Handle errors"). */
const googleScenarios: readonly LibraryScenario[] = [
  gaxios(
    'rate-limit-exceeded',
    RATE_LIMITED('Google errors[].reason rateLimitExceeded in a 403: slow down and retry'),
    { status: 403, body: googleError(403, 'Rate Limit Exceeded', 'rateLimitExceeded') },
  ),
  gaxios(
    'user-rate-limit-exceeded',
    RATE_LIMITED('Google errors[].reason userRateLimitExceeded in a 403: per-user rate, retry later'),
    {
      status: 403,
      body: googleError(
        403,
        "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'drive.googleapis.com' for consumer 'project_number:123456789'.",
        'userRateLimitExceeded',
      ),
    },
  ),
  gaxios(
    'daily-limit-exceeded',
    because(
      { outcome: 'pass', kind: 'quota_exhausted' },
      'a daily quota used up: no retry helps today, someone must raise the quota',
    ),
    {
      status: 403,
      body: googleError(
        403,
        'Daily Limit Exceeded. The quota will be reset at midnight Pacific Time (PT).',
        'dailyLimitExceeded',
      ),
    },
  ),
  gaxios(
    'insufficient-permissions',
    because(
      { outcome: 'pass', kind: 'permission_denied' },
      'the credentials lack a scope: a misconfiguration, kept by the permission guard (the body says PERMISSION_DENIED)',
    ),
    {
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Request had insufficient authentication scopes.',
          errors: [
            { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
          ],
          status: 'PERMISSION_DENIED',
        },
      },
    },
  ),
  gaxios('backend-error', RATE_LIMITED("Google's 503 backendError: the provider's own transient failure"), {
    status: 503,
    body: {
      error: {
        code: 503,
        message: 'The service is currently unavailable.',
        errors: [
          { message: 'The service is currently unavailable.', domain: 'global', reason: 'backendError' },
        ],
        status: 'UNAVAILABLE',
      },
    },
  }),
];

function oauth(name: string, expected: LibraryDecision, body: unknown): LibraryScenario {
  return {
    library: 'google-auth-library',
    name,
    expected,
    run: (loopback: Loopback) => {
      const tokenUrl = loopback.answer(`/oauth-${name}/token`, { status: 400, body });
      const client = new OAuth2Client({
        clientId: 'corpus.apps.googleusercontent.com',
        clientSecret: 'corpus-client-secret',
        endpoints: { oauth2TokenUrl: tokenUrl },
      });
      client.setCredentials({ refresh_token: '1//corpus-refresh-token' });
      return thrownBy(() => client.getAccessToken());
    },
  };
}

/** OAuth token endpoint answers (RFC 6749 §5.2) as Google sends them. */
const oauthScenarios: readonly LibraryScenario[] = [
  {
    ...oauth(
      'refresh-token-expired',
      // The user's grant lapsed (their state), but google-auth-library's message is the bare code
      // `invalid_grant`: the expiry wording is in `response.data` only, which no rule reads. Left, passes.
      because(
        passes,
        'a lapsed grant, but the message is the bare invalid_grant: the expiry words are on response.data only',
      ),
      { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    ),
    ideal: {
      server: demotes('session_expired'),
      device: demotes('session_expired'),
      why: "the user's grant lapsed, but only response.data says so; a bare invalid_grant is also a bug's",
    },
  },
  oauth(
    'invalid-grant-bad-request',
    because(passes, 'invalid_grant without an expiry wording: a malformed or mismatched grant, a bug'),
    { error: 'invalid_grant', error_description: 'Bad Request' },
  ),
  oauth('invalid-client', because(passes, 'the OAuth client id or secret is wrong: a misconfiguration'), {
    error: 'invalid_client',
    error_description: 'The OAuth client was not found.',
  }),
];

/**
 * Where the recorded event alone cannot be decided as the live error is: the guards need the live status
 * and body (the events are sent either way). gaxios's rate limits and backend errors and GitHub's 5xx are
 * decided on replay by their frames and Google's or GitHub's whole message.
 */
const REPLAY: Readonly<Record<string, LibraryDecision & { readonly why: string }>> = {
  'gaxios/daily-limit-exceeded': {
    ...passes,
    why: 'the guard needs the live 403 and its dailyLimitExceeded reason; the event is sent either way',
  },
  'gaxios/insufficient-permissions': {
    ...passes,
    why: 'the guard needs the live 403 and its PERMISSION_DENIED body; the event is sent either way',
  },
};

/** Code hosting and Google-style REST APIs: rate limits in 403 bodies, quotas, OAuth grants. */
export const restApiScenarios: readonly LibraryScenario[] = [
  ...githubScenarios,
  ...googleScenarios,
  ...oauthScenarios,
].map((scenario) => {
  const replay = REPLAY[`${scenario.library}/${scenario.name}`];
  return replay === undefined ? scenario : { ...scenario, replay };
});
