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
      description:
        'graphql-request ClientError (message + JSON of response and request) with GitHub RATE_LIMITED or Shopify THROTTLED in a 200, or a 429',
      all: ['"request":{"query":'],
      any: ['"type":"RATE_LIMITED"', '"code":"THROTTLED"', '"status":429,"headers":'],
      examples: {
        match: [
          'Error: API rate limit already exceeded for user ID 1234567.: {"response":{"data":null,"errors":[{"type":"RATE_LIMITED","code":"graphql_rate_limit","message":"API rate limit already exceeded for user ID 1234567."}],"status":200,"headers":{}},"request":{"query":"{ viewer { login } }"}}',
          'Error: Throttled: {"response":{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],"status":200,"headers":{}},"request":{"query":"{ shop { name } }"}}',
          'Error: Too many requests: {"response":{"errors":[{"message":"Too many requests"}],"status":429,"headers":{}},"request":{"query":"{ shop { name } }"}}',
        ],
        noMatch: [
          'Error: GraphQL Error (Code: 502): {"response":{"status":502,"headers":{}},"request":{"query":"{ shop { name } }"}}',
          'Error: Cannot query field "nmae" on type "Product".: {"response":{"errors":[{"message":"Cannot query field \\"nmae\\" on type \\"Product\\".","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}],"status":200,"headers":{}},"request":{"query":"{ product(id: 1) { nmae } }"}}',
          // The same wire code seen by another client: no identity of graphql-request.
          'OpenAI API error (200): {"errors":[{"type":"RATE_LIMITED"}]}',
        ],
      },
    },
    {
      id: 'apollo-client-throttled',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'Apollo Client CombinedGraphQLErrors (v4) / ApolloError (v3): the GraphQL errors’ messages, Shopify "Throttled" or GitHub’s rate limit',
      exceptionType: ['CombinedGraphQLErrors', 'ApolloError'],
      any: ['CombinedGraphQLErrors: Throttled', 'ApolloError: Throttled', ...GITHUB_RATE_LIMIT],
      examples: {
        match: [
          { text: 'CombinedGraphQLErrors: Throttled', exceptionType: 'CombinedGraphQLErrors' },
          {
            text: 'CombinedGraphQLErrors: API rate limit already exceeded for user ID 1234567.',
            exceptionType: 'CombinedGraphQLErrors',
          },
          { text: 'ApolloError: Throttled', exceptionType: 'ApolloError' },
        ],
        noMatch: [
          {
            text: 'CombinedGraphQLErrors: Cannot query field "nmae" on type "Product".',
            exceptionType: 'CombinedGraphQLErrors',
          },
          { text: 'Error: Throttled', exceptionType: 'Error' },
          // graphql-js on the server side, with the same words: not a client's error.
          {
            text: 'GraphQLError: API rate limit already exceeded for user ID 1234567.',
            exceptionType: 'GraphQLError',
          },
        ],
      },
    },
    {
      id: 'apollo-client-status-429',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        'Apollo Client ServerError for an HTTP 429: "Response not successful: Received status code 429"',
      exceptionType: 'ServerError',
      any: ['Response not successful: Received status code 429'],
      examples: {
        match: [
          {
            text: 'ServerError: Response not successful: Received status code 429',
            exceptionType: 'ServerError',
          },
        ],
        noMatch: [
          {
            text: 'ServerError: Response not successful: Received status code 503',
            exceptionType: 'ServerError',
          },
        ],
      },
    },
    {
      id: 'octokit-graphql-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description:
        '@octokit/graphql GraphqlResponseError: "Request failed due to following response errors:\\n - API rate limit … exceeded for user ID …"',
      exceptionType: 'GraphqlResponseError',
      any: GITHUB_RATE_LIMIT,
      examples: {
        match: [
          {
            text: 'GraphqlResponseError: Request failed due to following response errors:\n - API rate limit already exceeded for user ID 1234567.',
            exceptionType: 'GraphqlResponseError',
          },
        ],
        noMatch: [
          {
            text: "GraphqlResponseError: Request failed due to following response errors:\n - Could not resolve to a Repository with the name 'corpus/missing'.",
            exceptionType: 'GraphqlResponseError',
          },
        ],
      },
    },
  ];
}
