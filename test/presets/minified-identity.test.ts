import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Loopback, startLoopback } from '../../scripts/libraries/loopback.js';
import { awsSdkRules, createClassifier, graphqlClientRules, tokenExpiryRules } from '../../src/index.js';

/**
 * The browser-facing clients, bundled and minified as an app's production build does (class names
 * mangled), then made to throw against the loopback server: the packs must still know who threw,
 * because they rest on the names these libraries set themselves, their codes and message forms — never
 * on a class name a minifier renames.
 */
const ENTRY = `
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLClient } from 'graphql-request';
import { graphql } from '@octokit/graphql';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const thrown = async (action) => { try { await action(); } catch (error) { return error; } throw new Error('no throw'); };
const QUERY = 'query Shop { shop { name } }';

export const apollo = (uri) =>
  thrown(() => new ApolloClient({ link: new HttpLink({ uri }), cache: new InMemoryCache() })
    .query({ query: gql(QUERY), fetchPolicy: 'no-cache' }));
export const graphqlRequest = (url) => thrown(() => new GraphQLClient(url).request(QUERY));
export const octokit = (baseUrl) => thrown(() => graphql('{ viewer { login } }', { baseUrl, headers: { authorization: 'token x' } }));
export const dynamodb = (endpoint) =>
  thrown(() => new DynamoDBClient({ region: 'us-east-1', endpoint, maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAMINIFIED', secretAccessKey: 'minified' } })
    .send(new GetItemCommand({ TableName: 't', Key: { id: { S: '1' } } })));
`;

interface Clients {
  apollo(uri: string): Promise<Error>;
  graphqlRequest(url: string): Promise<Error>;
  octokit(baseUrl: string): Promise<Error>;
  dynamodb(endpoint: string): Promise<Error>;
}

const SHOPIFY_THROTTLED = {
  errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
};
const GITHUB_RATE_LIMITED = {
  errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1234567.' }],
};
const HASURA_EXPIRED = {
  errors: [{ extensions: { path: '$', code: 'invalid-jwt' }, message: 'Could not verify JWT: JWTExpired' }],
};

/** The event `@sentry/core` builds from an error: its `name` as the type, its message as the value. */
function eventOf(error: Error) {
  return { exception: { values: [{ type: error.name, value: error.message }] } };
}

const classifier = createClassifier({
  rules: [...awsSdkRules(), ...graphqlClientRules(), ...tokenExpiryRules()],
});

let directory: string;
let clients: Clients;
let loopback: Loopback;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'minified-clients-'));
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const file = join(directory, 'clients.mjs');
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  clients = (await import(pathToFileURL(file).href)) as Clients;
  loopback = await startLoopback();
}, 60_000);

afterAll(async () => {
  await loopback?.close();
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('the packs on minified builds of the clients', () => {
  it('know Apollo Client, graphql-request and @octokit/graphql by what they print', async () => {
    const decided = async (error: Promise<Error>) => classifier.classify(eventOf(await error));
    // The minifier did rename the classes: only what the libraries set themselves is left.
    const renamed = await clients.apollo(
      loopback.answer('/min/apollo-renamed/graphql', { status: 200, body: SHOPIFY_THROTTLED }),
    );
    expect([renamed.name, renamed.constructor.name === 'CombinedGraphQLErrors']).toEqual([
      'CombinedGraphQLErrors',
      false,
    ]);
    const answer = (path: string, body: unknown) => loopback.answer(path, { status: 200, body });
    expect((await decided(clients.apollo(answer('/min/apollo/graphql', SHOPIFY_THROTTLED))))?.kind).toBe(
      'transient_upstream',
    );
    expect(
      (await decided(clients.graphqlRequest(answer('/min/graphql-request/graphql', GITHUB_RATE_LIMITED))))
        ?.kind,
    ).toBe('transient_upstream');
    answer('/min/octokit/graphql', GITHUB_RATE_LIMITED);
    expect((await decided(clients.octokit(`${loopback.origin}/min/octokit`)))?.kind).toBe(
      'transient_upstream',
    );
    expect((await decided(clients.apollo(answer('/min/apollo-hasura/graphql', HASURA_EXPIRED))))?.kind).toBe(
      'session_expired',
    );
  });

  it('know the AWS SDK by the error codes it names its errors after', async () => {
    const dynamodb = async (name: string, type: string, status: number, message: string) => {
      loopback.answer(`/min/dynamodb-${name}/`, {
        status,
        body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
        headers: { 'content-type': 'application/x-amz-json-1.0' },
      });
      return classifier.classify(eventOf(await clients.dynamodb(`${loopback.origin}/min/dynamodb-${name}/`)));
    };
    expect(await dynamodb('throttled', 'ThrottlingException', 400, 'Rate exceeded')).toMatchObject({
      kind: 'transient_upstream',
      action: 'breadcrumb',
    });
    expect(
      await dynamodb(
        'expired',
        'ExpiredTokenException',
        400,
        'The security token included in the request is expired',
      ),
    ).toMatchObject({ kind: 'provider_key_rejected', action: 'report' });
  });
});
