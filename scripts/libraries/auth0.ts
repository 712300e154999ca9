import { once } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { auth } from 'express-oauth2-jwt-bearer';
import jsonwebtoken from 'jsonwebtoken';
import { EXPIRED_AT, FAR_FUTURE, ISSUED_AT, OTHER_SECRET, SECRET, SESSION } from './auth-tokens.js';
import { because, type LibraryDecision, type LibraryScenario, passes } from './scenario.js';

/** The part of Express 5 used here (the package ships no types; the framework apps are plain .mjs). */
type Handler = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
interface ExpressApp {
  get(path: string, ...handlers: Handler[]): void;
  use(
    handler: (error: unknown, request: IncomingMessage, response: ServerResponse, next: unknown) => void,
  ): void;
  listen(port: number, host: string): Server;
}
const express = createRequire(import.meta.url)('express-v5') as () => ExpressApp;

const ISSUER = 'https://corpus.us.auth0.com/';
const AUDIENCE = 'https://api.corpus.example';

/** An access token as an Auth0 API receives one (HS256, the API's signing secret). */
function accessToken(claims: Record<string, unknown>, secret = SECRET): string {
  return jsonwebtoken.sign(
    { sub: 'auth0|corpus', iss: ISSUER, aud: AUDIENCE, iat: ISSUED_AT, exp: FAR_FUTURE, ...claims },
    secret,
  );
}

/**
 * What Auth0's Express middleware (`express-oauth2-jwt-bearer`) hands the app's error handler for a
 * request bearing `token`, in a real Express 5 app on loopback.
 */
async function rejected(token: string): Promise<unknown> {
  const app = express();
  let caught: unknown;
  app.get(
    '/api/messages',
    auth({
      issuer: ISSUER,
      audience: AUDIENCE,
      secret: SECRET,
      tokenSigningAlg: 'HS256',
    }) as unknown as Handler,
    (_request, response) => {
      response.end('{"messages":[]}');
    },
  );
  // Four parameters: that is how Express tells an error handler.
  app.use((error, _request, response, _next) => {
    caught = error;
    response.statusCode = 401;
    response.end();
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/api/messages`, { headers: { authorization: `Bearer ${token}` } });
  } finally {
    server.close();
  }
  if (caught === undefined) throw new Error('the middleware let the request through');
  return caught;
}

function auth0(name: string, expected: LibraryDecision, token: () => string): LibraryScenario {
  return { library: 'express-oauth2-jwt-bearer', name, expected, run: () => rejected(token()) };
}

/** Auth0's API middleware: an expired access token is the user's state; the rest is a bug or tampering. */
export const auth0Scenarios: readonly LibraryScenario[] = [
  auth0(
    'token-expired',
    because(
      { outcome: 'breadcrumb', kind: SESSION },
      'InvalidTokenError with jose’s “"exp" claim timestamp check failed”: the user’s access token lapsed',
    ),
    () => accessToken({ exp: EXPIRED_AT }),
  ),
  auth0(
    'invalid-signature',
    because(passes, 'a token signed with another secret: tampering or a key mix-up, never an expected state'),
    () => accessToken({}, OTHER_SECRET),
  ),
  auth0(
    'wrong-audience',
    because(passes, 'a token for another API: the client asks for the wrong audience, a misconfiguration'),
    () => accessToken({ aud: 'https://other-api.example' }),
  ),
];
