import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'graphqlClientRules';

/**
 * GraphQL clients: an API that throttles answers HTTP 200 with the limit in `errors`, so no status rule
 * sees it. Each rule names the client by what only it prints — graphql-request's `ClientError` (the first
 * message, then `{"response":…,"request":{"query":…}}`), Apollo Client's `CombinedGraphQLErrors` (v4) or
 * `ApolloError` (v3), `@octokit/graphql`'s `GraphqlResponseError` — and the API by its wire code: GitHub
 * `"type":"RATE_LIMITED"` ("API rate limit exceeded for user ID …"), Shopify `THROTTLED` ("Throttled").
 * Kind `transient_upstream`, as is a 429 these clients throw.
 *
 * Left alone: validation errors, `NOT_FOUND`, resolver errors (bugs of the query or the server), and a
 * 5xx (it may be the app's own GraphQL server).
 *
 * @example
 * expectedErrorsIntegration({ rules: graphqlClientRules({ action: 'drop' }) });
 */
export function graphqlClientRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

/** GitHub's GraphQL primary rate limit message (docs.github.com, "Rate limits and query limits for the GraphQL API"). */
const GITHUB_RATE_LIMIT = [
  'API rate limit already exceeded for user ID ',
  'API rate limit exceeded for user ID ',
];

function rules(): Rule[] {
  return [
    {
      id: 'graphql-request-throttled',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      all: ['"request":{"query":'],
      any: ['"type":"RATE_LIMITED"', '"code":"THROTTLED"', '"status":429,"headers":'],
    },
    {
      id: 'apollo-client-throttled',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: ['CombinedGraphQLErrors', 'ApolloError'],
      any: ['CombinedGraphQLErrors: Throttled', 'ApolloError: Throttled', ...GITHUB_RATE_LIMIT],
    },
    {
      id: 'apollo-client-status-429',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: 'ServerError',
      any: ['Response not successful: Received status code 429'],
    },
    {
      id: 'octokit-graphql-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: 'GraphqlResponseError',
      any: GITHUB_RATE_LIMIT,
    },
  ];
}
