import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the loopback server answers on one path. */
export type Answer =
  /** A status with a JSON (object) or text (string) body, as the provider documents it. */
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Never answers: the client's own timeout fires. */
  | { readonly hang: true }
  /** Destroys the socket as soon as the request arrives: a reset mid-request. */
  | { readonly reset: true }
  /** HTTP 200 `text/event-stream` whose raw body is these lines (an error after the stream started). */
  | { readonly stream: string };

/** A loopback HTTP server on 127.0.0.1 standing in for a provider's API. */
export interface Loopback {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /**
   * Registers what `path` answers (any method); returns the full URL. A path ending in `/` answers
   * every path under it (an SDK's base URL), the longest registered prefix winning.
   */
  answer(path: string, answer: Answer): string;
  close(): Promise<void>;
}

/** Fixed ports so recorded URLs stay the same from one recording to the next; 0 (any) if taken. */
export const LOOPBACK_PORT = 47_813;
/** A port nothing listens on, for `ECONNREFUSED`. */
export const CLOSED_PORT = 47_819;

/**
 * Starts the server. Unknown paths answer 599 so a scenario that calls the wrong path fails loudly
 * instead of recording a misleading event.
 */
export async function startLoopback(): Promise<Loopback> {
  const answers = new Map<string, Answer>();
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    void drain(request).then(() => respond(answers, hanging, request, response));
  });
  const port = await listen(server, LOOPBACK_PORT).catch(() => listen(server, 0));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    answer(path, answer) {
      answers.set(path, answer);
      return `${origin}${path}`;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function respond(
  answers: ReadonlyMap<string, Answer>,
  hanging: Set<ServerResponse>,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const path = new URL(request.url ?? '/', 'http://loopback').pathname;
  const answer = answers.get(path) ??
    byPrefix(answers, path) ?? { status: 599, body: { error: `no answer for ${path}` } };
  if ('hang' in answer) {
    hanging.add(response);
    return;
  }
  if ('reset' in answer) {
    request.socket.destroy();
    return;
  }
  if ('stream' in answer) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.end(answer.stream);
    return;
  }
  const text = typeof answer.body === 'string';
  const body = answer.body === undefined ? '' : text ? (answer.body as string) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': text ? 'text/plain; charset=utf-8' : 'application/json',
    ...answer.headers,
  });
  response.end(body);
}

function byPrefix(answers: ReadonlyMap<string, Answer>, path: string): Answer | undefined {
  let best: string | undefined;
  for (const prefix of answers.keys()) {
    if (
      prefix.endsWith('/') &&
      path.startsWith(prefix) &&
      (best === undefined || prefix.length > best.length)
    )
      best = prefix;
  }
  return best === undefined ? undefined : answers.get(best);
}

async function drain(request: IncomingMessage): Promise<void> {
  for await (const _chunk of request) {
    // The body is not needed; reading it lets the client finish sending.
  }
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
