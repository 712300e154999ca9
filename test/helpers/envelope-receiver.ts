import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type Envelope, parseEnvelope } from '@sentry/core';

/** A local Sentry ingest endpoint: what an SDK pointed at its `dsn` sends, parsed. */
export interface EnvelopeReceiver {
  /** A DSN for this receiver (project 1). */
  readonly dsn: string;
  readonly envelopes: readonly Envelope[];
  /** Payloads of every item of `type` received so far. */
  itemsOf(type: string): unknown[];
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1; it gunzips bodies like Sentry's ingest does. */
export async function startEnvelopeReceiver(): Promise<EnvelopeReceiver> {
  const envelopes: Envelope[] = [];
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => {
        envelopes.push(parseEnvelope(body));
        // A browser SDK posts from the page's origin and reads the answer (rate limits): allow it.
        response.writeHead(200, { 'access-control-allow-origin': '*' }).end('{}');
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    envelopes,
    itemsOf(type) {
      return envelopes.flatMap(([, items]) =>
        items.filter(([header]) => header.type === type).map(([, payload]) => payload as unknown),
      );
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  return request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
}
