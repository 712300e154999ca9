import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';
import type { UpstreamErrorInfo, UpstreamErrorType } from '../../src/upstream/types.js';

const TYPES: readonly UpstreamErrorType[] = [
  'bad_request',
  'unauthorized',
  'rate_limited',
  'overloaded',
  'server_error',
  'timeout',
  'unknown',
];

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
/** Whether `text` has no lone surrogate (would be replaced when encoded). */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
function expectValidInfo(info: UpstreamErrorInfo): void {
  expect(TYPES).toContain(info.type);
  expect(typeof info.retryable).toBe('boolean');
  expect(typeof info.message).toBe('string');
  expect(bytes(info.message)).toBeLessThanOrEqual(1024);
  if (info.status !== undefined) expect(info.status >= 400 && info.status <= 599).toBe(true);
  if (info.retryAfterMs !== undefined)
    expect(Number.isFinite(info.retryAfterMs) && info.retryAfterMs >= 0).toBe(true);
}

function throwingProxy(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('get trap');
      },
      has() {
        throw new Error('has trap');
      },
      ownKeys() {
        throw new Error('ownKeys trap');
      },
      getPrototypeOf() {
        throw new Error('getPrototypeOf trap');
      },
    },
  );
}

describe('categorizeUpstreamError', () => {
  describe('message truncation (1024 UTF-8 bytes, on a character boundary)', () => {
    it.each([
      ['2048 ASCII characters', 'a'.repeat(2048), 1024, 'a'.repeat(1024)],
      ['1024 euro signs (3 bytes each)', '€'.repeat(1024), 1023, '€'.repeat(341)],
      ['CJK (3 bytes each)', '漢字'.repeat(600), 1023, '漢字'.repeat(170).concat('漢')],
      ['emoji (surrogate pairs, 4 bytes each)', '😀'.repeat(300), 1024, '😀'.repeat(256)],
      ['an emoji that would straddle the limit', `${'a'.repeat(1022)}😀`, 1022, 'a'.repeat(1022)],
      ['an emoji that ends exactly on the limit', `${'a'.repeat(1020)}😀tail`, 1024, `${'a'.repeat(1020)}😀`],
      ['a 2-byte character that would straddle the limit', `${'a'.repeat(1023)}é`, 1023, 'a'.repeat(1023)],
      ['a short message', 'HTTP 502 Bad Gateway', 20, 'HTTP 502 Bad Gateway'],
    ])('cuts %s', (_name, input, expectedBytes, expected) => {
      const { message } = categorizeUpstreamError(new Error(input));
      expect(message).toBe(expected);
      expect(bytes(message)).toBe(expectedBytes);
      expect(isWellFormed(message)).toBe(true);
    });

    it('never splits a pair, whatever the mix (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 1500 }), (text) => {
          const { message } = categorizeUpstreamError(text);
          expect(text.startsWith(message)).toBe(true);
          expect(bytes(message)).toBeLessThanOrEqual(1024);
          expect(isWellFormed(message)).toBe(true);
          if (bytes(text) <= 1024) expect(message).toBe(text);
        }),
      );
    });
  });

  describe('hostile input', () => {
    const cyclic = new Error('outer 502 Bad Gateway') as Error & { cause?: unknown };
    const inner = new Error('inner', { cause: cyclic });
    cyclic.cause = inner;
    const selfBody: Record<string, unknown> = { type: 'error' };
    selfBody.error = selfBody;
    const throwingGetters = Object.defineProperties(new Error('x'), {
      status: {
        get: () => {
          throw new Error('status getter');
        },
      },
      message: {
        get: () => {
          throw new Error('message getter');
        },
      },
      cause: {
        get: () => {
          throw new Error('cause getter');
        },
      },
      headers: {
        get: () => {
          throw new Error('headers getter');
        },
      },
    });
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    const hostileToString = {
      toString: () => {
        throw new Error('toString');
      },
      valueOf: () => {
        throw new Error('valueOf');
      },
    };
    let deep: unknown = new Error('HTTP 429 Too Many Requests');
    for (let depth = 0; depth < 10_000; depth++) deep = new Error(`wrapper ${depth}`, { cause: deep });

    it.each([
      ['null', null],
      ['undefined', undefined],
      ['a number', 429],
      ['NaN', Number.NaN],
      ['a bigint', 10n ** 30n],
      ['a symbol', Symbol('error')],
      ['a function', () => 'HTTP 502'],
      ['an array', ['HTTP 502 Bad Gateway']],
      ['a cyclic cause chain', cyclic],
      ['a body that contains itself', selfBody],
      ['getters that throw', throwingGetters],
      ['a revoked Proxy', revocable.proxy],
      ['a Proxy whose every trap throws', throwingProxy()],
      ['an error whose cause is a throwing Proxy', new Error('x', { cause: throwingProxy() })],
      [
        'a status object with a hostile toString',
        { status: hostileToString, code: hostileToString, message: hostileToString },
      ],
      [
        'headers whose get throws',
        {
          status: 429,
          headers: {
            get: () => {
              throw new Error('get');
            },
          },
        },
      ],
      ['headers that are a throwing Proxy', { status: 429, headers: throwingProxy() }],
      [
        'absurd retry-after values',
        { status: 429, headers: { 'retry-after': '9'.repeat(400), 'retry-after-ms': '' } },
      ],
      ['a retry-after of -1', { status: 503, headers: new Headers({ 'retry-after': '-1' }) }],
      [
        'a RetryInfo with a hostile retryDelay',
        {
          error: {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.RetryInfo',
                retryDelay: { seconds: hostileToString },
              },
            ],
          },
        },
      ],
      ['a cause chain 10 000 deep', deep],
      [
        'an AggregateError of 100 000 errors',
        new AggregateError(Array.from({ length: 100_000 }, () => new Error('ECONNRESET'))),
      ],
      ['a frozen error', Object.freeze(new Error('HTTP 503'))],
      ['an object with a null prototype', Object.assign(Object.create(null) as object, { status: 503 })],
    ])('returns a valid answer for %s', (_name, input) => {
      let info: UpstreamErrorInfo | undefined;
      expect(() => {
        info = categorizeUpstreamError(input);
      }).not.toThrow();
      expectValidInfo(info as UpstreamErrorInfo);
    });

    it('stops following a cyclic chain and still reads it', () => {
      expect(categorizeUpstreamError(cyclic)).toMatchObject({ type: 'server_error', status: 502 });
    });

    it('bounds the work on huge strings', () => {
      const huge = `${'x'.repeat(20 * 1024 * 1024)} HTTP 502 Bad Gateway`;
      const hugeJson = `{"error":{"message":"${'y'.repeat(5 * 1024 * 1024)}"}}`;
      const hugeHtml = `<!DOCTYPE html><html><head><title>${'z'.repeat(5 * 1024 * 1024)}`;
      for (const input of [huge, hugeJson, hugeHtml, new Error(huge), { responseBody: hugeJson }]) {
        expectValidInfo(categorizeUpstreamError(input));
      }
      // The status sits past the scanned prefix: not seen, by design.
      expect(categorizeUpstreamError(huge).status).toBeUndefined();
      // No timed assertion (speed is the bench's job): a reader that scanned all 20 MB super-linearly would
      // not finish within the test timeout.
    }, 20_000);

    it('bounds the work on pathological near-matches', () => {
      const inputs = [
        'HTTP '.repeat(200_000),
        'status '.repeat(200_000),
        'try again in 1'.repeat(100_000),
        '<title>'.repeat(100_000),
        `${'{'.repeat(100_000)}}`,
        '9'.repeat(1_000_000),
      ];
      for (const input of inputs) expectValidInfo(categorizeUpstreamError(input));
      // Each input is a near-match repeated ~1 MB long: a backtracking reader would exceed the timeout.
    }, 20_000);

    it('never throws and always answers in shape (property, any value)', () => {
      fc.assert(
        fc.property(
          fc.anything({
            withBigInt: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withNullPrototype: true,
          }),
          (value) => {
            expectValidInfo(categorizeUpstreamError(value));
          },
        ),
        { numRuns: 500 },
      );
    });

    it('never throws on random error-like objects (property)', () => {
      const errorLike = fc.record(
        {
          message: fc.oneof(fc.string(), fc.anything()),
          status: fc.oneof(fc.integer(), fc.string(), fc.anything()),
          statusCode: fc.anything(),
          code: fc.oneof(
            fc.constantFrom('ECONNRESET', 'insufficient_quota', 'UND_ERR_SOCKET'),
            fc.anything(),
          ),
          type: fc.anything(),
          error: fc.anything(),
          headers: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.anything()),
          responseBody: fc.oneof(fc.json(), fc.string()),
          details: fc.anything(),
          cause: fc.anything(),
        },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(errorLike, (value) => expectValidInfo(categorizeUpstreamError(value))),
        { numRuns: 500 },
      );
    });
  });

  describe('digit runs are not statuses', () => {
    it('reads no status from a 4xx/5xx number in prose (property)', () => {
      const word = fc.constantFrom(
        'You',
        'requested',
        'tokens',
        'the',
        'limit',
        'is',
        'used',
        'of',
        'items',
        'port',
        'order',
        'rows',
        'took',
      );
      const prose = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
      fc.assert(
        fc.property(prose, fc.integer({ min: 400, max: 599 }), prose, (before, number, after) => {
          const info = categorizeUpstreamError(`${before} ${number} ${after.toLowerCase()}`);
          expect(info.status).toBeUndefined();
          expect(info.type).toBe('unknown');
        }),
      );
    });
  });
});
