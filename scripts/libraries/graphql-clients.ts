import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { graphql } from '@octokit/graphql';
import { GraphQLClient } from 'graphql-request';
import type { Answer, Loopback } from './loopback.js';
import {
  because,
  demotes,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

/**
 * GraphQL bodies as the APIs send them, most in an HTTP 200: GitHub's primary rate limit
 * (docs.github.com, "Rate limits and query limits for the GraphQL API"), Shopify's cost throttle
 * (shopify.dev, "Shopify API rate limits"), Hasura's expired JWT, a validation error (graphql-js).
 */
const BODIES = {
  githubRateLimited: {
    data: null,
    errors: [
      {
        type: 'RATE_LIMITED',
        code: 'graphql_rate_limit',
        message: 'API rate limit already exceeded for user ID 1234567.',
      },
    ],
  },
  shopifyThrottled: {
    errors: [
      {
        message: 'Throttled',
        extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
      },
    ],
    extensions: {
      cost: {
        requestedQueryCost: 752,
        actualQueryCost: null,
        throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 4, restoreRate: 50 },
      },
    },
  },
  hasuraJwtExpired: {
    errors: [{ extensions: { path: '$', code: 'invalid-jwt' }, message: 'Could not verify JWT: JWTExpired' }],
  },
  validationFailed: {
    errors: [
      {
        message: 'Cannot query field "nmae" on type "Product". Did you mean "name"?',
        locations: [{ line: 1, column: 21 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
  },
} as const;

const THROTTLED = because(
  demotes('transient_upstream'),
  'the API asks to be called later: a rate limit in an HTTP 200, retried by the client or the user',
);
const EXPIRED = because(
  { outcome: 'breadcrumb', kind: 'session_expired' },
  "Hasura's invalid-jwt JWTExpired: the user's token lapsed, the user's state",
);
const VALIDATION = because(passes, 'a query the app wrote wrong: a bug');

const QUERY = '{ product(id: 1) { nmae } }';

const ok = (body: unknown): Answer => ({ status: 200, body });

function graphqlRequest(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: 'graphql-request',
    name,
    expected,
    run: (loopback: Loopback) => {
      const url = loopback.answer(`/graphql-request/${name}/graphql`, answer);
      return thrownBy(() => new GraphQLClient(url).request(QUERY));
    },
  };
}

function apollo(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: '@apollo/client',
    name,
    expected,
    run: (loopback: Loopback) => {
      const uri = loopback.answer(`/apollo/${name}/graphql`, answer);
      const client = new ApolloClient({ link: new HttpLink({ uri }), cache: new InMemoryCache() });
      return thrownBy(() =>
        client.query({
          query: gql(QUERY.replace('{ product', 'query Product { product')),
          fetchPolicy: 'no-cache',
        }),
      );
    },
  };
}

function octokitGraphql(name: string, expected: LibraryDecision, answer: Answer): LibraryScenario {
  return {
    library: '@octokit/graphql',
    name,
    expected,
    run: (loopback: Loopback) => {
      const baseUrl = loopback.answer(`/octokit-graphql/${name}/`, answer).replace(/\/$/, '');
      loopback.answer(`/octokit-graphql/${name}/graphql`, answer);
      return thrownBy(() =>
        graphql('{ viewer { login } }', { baseUrl, headers: { authorization: 'token ghp_corpus' } }),
      );
    },
  };
}

/** GraphQL clients: errors carried in a 200 (rate limits, an expired token, a bad query) and HTTP statuses. */
export const graphqlScenarios: readonly LibraryScenario[] = [
  graphqlRequest('github-rate-limited', THROTTLED, ok(BODIES.githubRateLimited)),
  graphqlRequest('shopify-throttled', THROTTLED, ok(BODIES.shopifyThrottled)),
  graphqlRequest('hasura-jwt-expired', EXPIRED, ok(BODIES.hasuraJwtExpired)),
  graphqlRequest('validation-failed', VALIDATION, ok(BODIES.validationFailed)),
  graphqlRequest(
    'status-429',
    because(demotes('transient_upstream'), 'a 429 asks to be called later, whoever answers'),
    { status: 429, body: { errors: [{ message: 'Too many requests' }] } },
  ),
  graphqlRequest(
    'status-502',
    because(passes, "a generic client's 5xx may be the app's own GraphQL server"),
    { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
  ),
  apollo('shopify-throttled', THROTTLED, ok(BODIES.shopifyThrottled)),
  apollo('github-rate-limited', THROTTLED, ok(BODIES.githubRateLimited)),
  apollo('hasura-jwt-expired', EXPIRED, ok(BODIES.hasuraJwtExpired)),
  apollo('validation-failed', VALIDATION, ok(BODIES.validationFailed)),
  apollo('status-503', because(passes, "a generic client's 5xx may be the app's own GraphQL server"), {
    status: 503,
    body: { errors: [{ message: 'Service Unavailable' }] },
  }),
  octokitGraphql('rate-limited', THROTTLED, ok(BODIES.githubRateLimited)),
  octokitGraphql(
    'not-found',
    because(passes, "GitHub's NOT_FOUND: a repository the app names that does not exist (or it cannot see)"),
    ok({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'corpus/missing'.",
        },
      ],
    }),
  ),
];
