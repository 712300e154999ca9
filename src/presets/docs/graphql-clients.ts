import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `graphqlClientRules`, by rule id: only `checkRules` reads them. */
export const GRAPHQL_CLIENTS_DOCS: BuiltInRuleDocs = {
  'graphql-request-throttled': {
    description:
      'graphql-request ClientError (message + JSON of response and request) with GitHub RATE_LIMITED or Shopify THROTTLED in a 200, or a 429',
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
  'apollo-client-throttled': {
    description:
      'Apollo Client CombinedGraphQLErrors (v4) / ApolloError (v3): the GraphQL errors’ messages, Shopify "Throttled" or GitHub’s rate limit',
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
  'apollo-client-status-429': {
    description:
      'Apollo Client ServerError for an HTTP 429: "Response not successful: Received status code 429"',
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
  'octokit-graphql-rate-limited': {
    description:
      '@octokit/graphql GraphqlResponseError: "Request failed due to following response errors:\\n - API rate limit … exceeded for user ID …"',
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
};
