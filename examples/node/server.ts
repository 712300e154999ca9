// A plain Node HTTP service in front of an LLM provider, with Sentry and the expected-errors
// integration (set up in ./instrument.ts). Run it from the repository root:
//   SENTRY_DSN=… node --import tsx --import ./examples/node/instrument.ts examples/node/server.ts
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Sentry from '@sentry/node';

/** The error the provider client throws: the HTTP status rides along, as in the OpenAI and Anthropic SDKs. */
class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Stands in for the provider call; `?fail=` picks the failure it answers with. */
async function complete(fail: string | null): Promise<string> {
  switch (fail) {
    case 'rate-limit':
      throw new ProviderError('OpenAI API error (429 Too Many Requests): Rate limit reached for gpt-4o', 429);
    case 'bad-key':
      throw new ProviderError(
        'OpenAI API error (401 Unauthorized): {"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}',
        401,
      );
    default:
      return 'Hello from the model.';
  }
}

const routes: Record<string, (request: IncomingMessage, url: URL) => Promise<[number, unknown]>> = {
  async '/completion'(_request, url) {
    return [200, { text: await complete(url.searchParams.get('fail')) }];
  },
  async '/me'(request) {
    // The session check of a JWT-authenticated route; `jsonwebtoken` throws this for an old token.
    if (request.headers.authorization === 'Bearer expired') {
      throw Object.assign(new Error('jwt expired'), { name: 'TokenExpiredError', status: 401 });
    }
    return [200, { user: 'ada' }];
  },
  async '/report'() {
    const totals = new Map<string, { count: number }>();
    // A real bug: the report reads totals that were never computed.
    return [200, { count: (totals.get('today') as { count: number }).count }];
  },
};

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const route = routes[url.pathname];
  let status = 404;
  let body: unknown = { error: 'not_found' };
  let eventId: string | undefined;
  if (route) {
    try {
      [status, body] = await route(request, url);
    } catch (error) {
      // Capture everything: the integration decides what is expected and never pages anyone for it.
      eventId = Sentry.captureException(error);
      status =
        typeof (error as { status?: unknown }).status === 'number'
          ? (error as { status: number }).status
          : 500;
      body = { error: status === 500 ? 'internal_error' : 'upstream_error' };
    }
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  console.log(
    `${request.method} ${url.pathname}${url.search} → ${status}${eventId ? ` (captured ${eventId})` : ''}`,
  );
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    Sentry.captureException(error);
    response.writeHead(500).end();
  });
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

process.on('SIGTERM', () => {
  server.close();
  // Sends what is queued, and the client report counting the events the integration dropped.
  Sentry.close(2_000).then(() => {
    console.log('stopped');
    process.exit(0);
  });
});
