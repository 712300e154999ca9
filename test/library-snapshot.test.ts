import { AxiosError, AxiosHeaders } from 'axios';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../scripts/libraries/snapshot.js';
import { categorizeUpstreamError } from '../src/index.js';
import { isErrorSnapshot, rebuildError } from './helpers/library-corpus.js';

/** What the recorder stores and the library test rebuilds: through JSON, as the fixture files do. */
function roundTrip(error: unknown): unknown {
  return rebuildError(JSON.parse(JSON.stringify(snapshotOf(error))));
}

function axios429(): AxiosError {
  const headers = new AxiosHeaders({ 'retry-after': '12', 'content-type': 'application/json' });
  const config = { headers, url: 'https://api.example.com/v1/items', method: 'get' };
  const response = {
    status: 429,
    statusText: 'Too Many Requests',
    headers: new AxiosHeaders({ 'retry-after': '12' }),
    config,
    data: { error: 'rate_limited' },
    duration: 17,
  };
  return new AxiosError(
    'Request failed with status code 429',
    'ERR_BAD_REQUEST',
    config,
    undefined,
    response,
  );
}

describe('snapshotOf and rebuildError', () => {
  it('rebuild an error the taxonomy and the classifier read exactly as the live one', () => {
    const live = [
      axios429(),
      OpenAI.APIError.generate(
        429,
        {
          error: {
            message: 'You exceeded your current quota',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          },
        },
        undefined,
        new Headers({ 'x-request-id': 'req_1', date: 'Mon, 30 Nov 2026 12:00:00 GMT' }),
      ),
      new Error('Connection error.', {
        cause: new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }),
        }),
      }),
      new AggregateError(
        [Object.assign(new Error('503 overloaded'), { status: 503 }), new Error('429 rate limited')],
        'All promises were rejected',
      ),
    ];
    for (const error of live) {
      const rebuilt = roundTrip(error) as Error;
      expect(rebuilt).toBeInstanceOf(Error);
      expect([rebuilt.constructor.name, rebuilt.name, rebuilt.message]).toEqual([
        (error as Error).constructor.name,
        (error as Error).name,
        (error as Error).message,
      ]);
      expect(categorizeUpstreamError(rebuilt)).toEqual(categorizeUpstreamError(error));
    }
  });

  it('keeps status fields, the cause chain and AggregateError members, and leaves out volatile fields', () => {
    const rebuilt = roundTrip(axios429()) as AxiosError & { response: Record<string, unknown> };
    expect(rebuilt.status).toBe(429);
    expect(rebuilt.response.status).toBe(429);
    expect(rebuilt.response.headers).toEqual({ 'retry-after': '12' });
    expect(rebuilt.response).not.toHaveProperty('duration');

    const chained = roundTrip(new Error('outer', { cause: new RangeError('inner') })) as Error;
    expect((chained.cause as Error).name).toBe('RangeError');
    expect(Object.keys(chained)).not.toContain('cause');

    const aggregate = roundTrip(new AggregateError([new Error('a')], 'both failed'));
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect((aggregate as AggregateError).errors.map((member: Error) => member.message)).toEqual(['a']);
  });

  it('survives cycles and values JSON cannot hold', () => {
    const error = Object.assign(new Error('cyclic'), {
      at: new Date(0),
      big: 10n,
      handler: () => undefined,
      bytes: new Uint8Array(3),
    }) as Error & { self?: unknown };
    error.self = error;
    const snapshot = snapshotOf(error);
    expect(isErrorSnapshot(snapshot)).toBe(true);
    expect(JSON.parse(JSON.stringify(snapshot))).toMatchObject({
      properties: { at: '1970-01-01T00:00:00.000Z', big: '10', bytes: '[Uint8Array 3 bytes]', self: '[…]' },
    });
    expect(JSON.stringify(snapshot)).not.toContain('handler');
  });
});
