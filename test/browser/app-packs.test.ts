import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium, RUN_IN_BROWSER } from '../helpers/chromium.js';
import { type EnvelopeReceiver, startEnvelopeReceiver } from '../helpers/envelope-receiver.js';
import { REPOSITORY } from '../helpers/spawn.js';

/**
 * A web app's production build — @sentry/browser, the integration with the packs that run in browsers,
 * Apollo Client, graphql-request and the DynamoDB client, minified so that class names are mangled —
 * calling APIs that answer as GitHub, Shopify, Hasura and DynamoDB do. Each scenario runs to its end
 * before the next, then a real bug carries the demoted errors' breadcrumbs.
 */
const PAGE = `
import * as Sentry from '@sentry/browser';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { GraphQLClient } from 'graphql-request';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { expectedErrorsIntegration, graphqlClientRules, awsSdkRules, tokenExpiryRules } from './src/index.ts';

Sentry.init({
  dsn: new URLSearchParams(location.search).get('dsn'),
  integrations: [expectedErrorsIntegration({ rules: [...graphqlClientRules(), ...awsSdkRules(), ...tokenExpiryRules()] })],
});

const QUERY = 'query Shop { shop { name } }';
const apollo = (path) => new ApolloClient({ link: new HttpLink({ uri: path }), cache: new InMemoryCache() })
  .query({ query: gql(QUERY), fetchPolicy: 'no-cache' });
const dynamodb = (path) => new DynamoDBClient({ region: 'us-east-1', endpoint: location.origin + path, maxAttempts: 1,
  credentials: { accessKeyId: 'AKIABROWSER', secretAccessKey: 'browser' } })
  .send(new GetItemCommand({ TableName: 'items', Key: { id: { S: '1' } } }));

async function report(call) {
  try { await call(); } catch (error) { Sentry.captureException(error); }
  await Sentry.flush(2000);
}

async function run() {
  await report(() => apollo('/shopify/graphql'));
  await report(() => new GraphQLClient(location.origin + '/github/graphql').request(QUERY));
  await report(() => apollo('/hasura/v1/graphql'));
  await report(() => dynamodb('/dynamodb-throttled/'));
  await report(() => dynamodb('/dynamodb-expired/'));
  await report(() => apollo('/validation/graphql'));
  Sentry.captureException(new TypeError("Cannot read properties of undefined (reading 'name')"));
  await Sentry.flush(2000);
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  await Sentry.flush(2000);
  window.scenarioDone = true;
}
void run();
`;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});
const dynamodbError = (type: string, message: string) =>
  json(
    400,
    { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
    {
      'content-type': 'application/x-amz-json-1.0',
      'access-control-expose-headers': 'x-amzn-errortype, x-amzn-requestid',
    },
  );

/** What the APIs answer (GraphQL errors in an HTTP 200, DynamoDB's JSON errors). */
const API: Readonly<Record<string, { status: number; body: string; headers: Record<string, string> }>> = {
  '/shopify/graphql': json(200, {
    errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
  }),
  '/github/graphql': json(200, {
    errors: [{ type: 'RATE_LIMITED', message: 'API rate limit already exceeded for user ID 1234567.' }],
  }),
  '/hasura/v1/graphql': json(200, {
    errors: [{ extensions: { path: '$', code: 'invalid-jwt' }, message: 'Could not verify JWT: JWTExpired' }],
  }),
  '/validation/graphql': json(200, {
    errors: [
      {
        message: 'Cannot query field "shop" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
  }),
  '/dynamodb-throttled/': dynamodbError('ThrottlingException', 'Rate exceeded'),
  '/dynamodb-expired/': dynamodbError(
    'ExpiredTokenException',
    'The security token included in the request is expired',
  ),
};

let receiver: EnvelopeReceiver;
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;

beforeAll(async () => {
  if (!RUN_IN_BROWSER) return;
  const bundle = await build({
    stdin: { contents: PAGE, resolveDir: REPOSITORY, loader: 'js' },
    absWorkingDir: REPOSITORY,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const answer = API[path];
    request.resume();
    if (answer) response.writeHead(answer.status, answer.headers).end(answer.body);
    else if (path === '/page.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/')
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>app</title><script type="module" src="/page.js"></script>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver = await startEnvelopeReceiver();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  await receiver?.close();
});

describe.runIf(RUN_IN_BROWSER)('the packs for what web apps call, in Chromium on a minified build', () => {
  it('demote the throttled GraphQL calls, the expired JWT and the DynamoDB throttle; send the expired AWS credentials, the bad query and the bug', async () => {
    const { page, console: pageConsole } = browser as Browser;
    await page.goto(`${origin}/?dsn=${encodeURIComponent(receiver.dsn)}`);
    await page
      .waitForFunction(() => (globalThis as { scenarioDone?: boolean }).scenarioDone === true, undefined, {
        timeout: 20_000,
      })
      .catch((error: unknown) => {
        throw new Error(`the page did not finish: ${String(error)}\n${pageConsole.join('\n')}`);
      });

    const events = receiver.itemsOf('event') as Array<{
      exception?: { values: Array<{ type: string; value: string }> };
      breadcrumbs?: Array<{ category?: string; data?: Record<string, unknown> }>;
    }>;
    expect(events.map((event) => event.exception?.values.at(-1)?.type)).toEqual([
      'ExpiredTokenException',
      'CombinedGraphQLErrors',
      'TypeError',
    ]);
    const trail = events[2]?.breadcrumbs?.filter((crumb) => crumb.category === 'expected_error') ?? [];
    expect(trail.map((crumb) => crumb.data)).toEqual([
      { kind: 'transient_upstream', rule: 'apollo-client-throttled' },
      { kind: 'transient_upstream', rule: 'graphql-request-throttled' },
      { kind: 'session_expired', rule: 'hasura-jwt-expired' },
      { kind: 'transient_upstream', rule: 'aws-throttling' },
    ]);
  }, 60_000);
});
