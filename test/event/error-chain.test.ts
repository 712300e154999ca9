import { APICallError } from '@ai-sdk/provider';
import Anthropic from '@anthropic-ai/sdk';
import { RetryError } from 'ai';
import OpenAI from 'openai';
import { errors as undiciErrors } from 'undici';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../../src/classifier/create.js';
import { chainStatuses, errorChain } from '../../src/event/error-chain.js';
import type { Rule } from '../../src/rules/types.js';
import { categorizeUpstreamError } from '../../src/upstream/categorize.js';

function apiCallError(statusCode: number, message = 'Provider API call failed'): APICallError {
  return new APICallError({
    message,
    url: 'https://api.example.com/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
  });
}

function openAIError(status: number): Error {
  return OpenAI.APIError.generate(
    status,
    { error: { message: 'The server had an error', type: 'server_error' } },
    undefined,
    new Headers(),
  );
}

/** got 11's HTTPError (source/core/index.js): `response` is defined non-enumerable, as got does it. */
function gotHttpError(statusCode: number, statusMessage: string): Error {
  const error = Object.assign(new Error(`Response code ${statusCode} (${statusMessage})`), {
    name: 'HTTPError',
    code: 'ERR_NON_2XX_3XX_RESPONSE',
  });
  Object.defineProperty(error, 'response', {
    enumerable: false,
    value: { statusCode, statusMessage, headers: {}, body: '' },
  });
  return error;
}

/** An AWS SDK v3 ServiceException as the Bedrock runtime client throws it. */
function awsServiceException(name: string, httpStatusCode: number, message: string): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode, requestId: 'f4c5e1a0-0000-4000-8000-000000000000', attempts: 3 },
  });
}

/** A @hapi/boom error: `Boom.serverUnavailable()` keeps the status under `output`. */
function boomError(statusCode: number, error: string): Error {
  return Object.assign(new Error(error), {
    isBoom: true,
    output: { statusCode, payload: { statusCode, error, message: error }, headers: {} },
  });
}

function cycle(): Error {
  const outer = new Error('outer');
  const inner = Object.assign(new Error('inner'), { status: 503 });
  Object.assign(outer, { cause: inner });
  Object.assign(inner, { cause: outer });
  return outer;
}

function throwingGetters(): object {
  return {
    message: 'wrapper',
    get status(): never {
      throw new Error('getter');
    },
    get errors(): never {
      throw new Error('getter');
    },
    cause: { statusCode: 504 },
  };
}

function hostileProxy(): object {
  const trap = new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      has() {
        throw new Error('trap');
      },
    },
  );
  const revoked = Proxy.revocable({ status: 429 }, {});
  revoked.revoke();
  return Object.assign(new Error('outer'), { status: 500, cause: trap, errors: [revoked.proxy] });
}

function deepChain(depth: number, status: number): Error {
  let error: Error = Object.assign(new Error('innermost'), { status });
  for (let index = 0; index < depth; index++) error = new Error(`wrapper ${index}`, { cause: error });
  return error;
}

/** Each shape, and the statuses stated along its chain (outermost first). */
const SHAPES: ReadonlyArray<readonly [string, () => unknown, readonly number[]]> = [
  ['openai APIError', () => openAIError(429), [429]],
  [
    '@anthropic-ai/sdk APIError',
    () =>
      Anthropic.APIError.generate(
        529,
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
        undefined,
        new Headers(),
      ),
    [529],
  ],
  ['AI SDK APICallError', () => apiCallError(503), [503]],
  [
    'AI SDK RetryError (its lastError, not the attempts before it)',
    () =>
      new RetryError({
        message: 'Failed after 2 attempts. Last error: Too Many Requests',
        reason: 'maxRetriesExceeded',
        errors: [apiCallError(500), apiCallError(429)],
      }),
    [429],
  ],
  [
    'AggregateError (Promise.any over two providers)',
    () => new AggregateError([openAIError(503), apiCallError(502)]),
    [503, 502],
  ],
  [
    'undici ResponseStatusCodeError',
    () =>
      new undiciErrors.ResponseStatusCodeError('Response status code 503: Service Unavailable', 503, {}, ''),
    [503],
  ],
  [
    'undici fetch failed (no response)',
    () => new TypeError('fetch failed', { cause: new undiciErrors.ConnectTimeoutError() }),
    [],
  ],
  ['got HTTPError (response.statusCode)', () => gotHttpError(502, 'Bad Gateway'), [502]],
  [
    'AWS SDK v3 ($metadata.httpStatusCode)',
    () =>
      awsServiceException('ThrottlingException', 429, 'Too many tokens, please wait before trying again.'),
    [429],
  ],
  ['Boom (output.statusCode)', () => boomError(503, 'Service Unavailable'), [503]],
  [
    'axios (response.status)',
    () => Object.assign(new Error('Request failed'), { response: { status: 401, data: {}, headers: {} } }),
    [401],
  ],
  ['status_code as a string', () => ({ message: 'upstream said no', status_code: '403' }), [403]],
  ['a thrown non-Error object', () => ({ status: 404, message: 'not found' }), [404]],
  [
    'nested causes',
    () => new Error('tts failed', { cause: new Error('LLM call failed', { cause: openAIError(401) }) }),
    [401],
  ],
  [
    'an app wrapper with its own status',
    () => Object.assign(new Error('HttpError'), { status: 502, cause: openAIError(429) }),
    [502, 429],
  ],
  ['a cycle', cycle, [503]],
  ['throwing getters', throwingGetters, [504]],
  ['a Proxy whose traps throw and a revoked Proxy', hostileProxy, [500]],
  ['a frozen error', () => Object.freeze(Object.assign(new Error('frozen'), { statusCode: 429 })), [429]],
  ['a chain deeper than the bound', () => deepChain(20, 503), []],
];

const EVERY_STATUS = Array.from({ length: 500 }, (_, index) => index + 100);
/** One rule per status: which rules match tells exactly which statuses the classifier saw. */
const statusProbe = createClassifier({
  rules: EVERY_STATUS.map((status): Rule => ({ id: String(status), kind: 'status', action: 'drop', status })),
});
const EVENT = { exception: { values: [{ type: 'Error', value: 'request failed' }] } };

describe('errorChain and chainStatuses', () => {
  it.each(SHAPES)(
    '%s: the classifier and categorizeUpstreamError read the same status',
    (_name, make, statuses) => {
      const error = make();
      expect(chainStatuses(error)).toEqual(statuses);
      const seenByClassifier = statusProbe.explain(EVENT, { originalException: error }).map(Number);
      expect(seenByClassifier.sort()).toEqual([...new Set(statuses)].sort());
      // The taxonomy reads the same chain and takes the innermost error status (an app's wrapper around a
      // provider's 429 is a 429 upstream).
      const innermost = statuses.filter((status) => status >= 400).at(-1);
      expect(categorizeUpstreamError(error).status).toBe(innermost);
    },
  );

  it('reads a status rule on a live error that only a live reader can see (got keeps it non-enumerable)', () => {
    const classifier = createClassifier({ rules: [{ kind: 'bad_gateway', action: 'drop', status: 502 }] });
    const error = gotHttpError(502, 'Bad Gateway');
    expect(JSON.stringify({ ...error })).not.toContain('502');
    expect(classifier.classify(EVENT, { originalException: error })?.kind).toBe('bad_gateway');
    expect(categorizeUpstreamError(error)).toMatchObject({ type: 'server_error', status: 502 });
  });

  it('lets the classifier decide an event whose live error has a throwing `cause` getter', () => {
    const classifier = createClassifier({ rules: [{ kind: 'known', action: 'drop', any: ['boom'] }] });
    const error = Object.defineProperty(new Error('boom'), 'cause', {
      get(): never {
        throw new Error('getter');
      },
    });
    expect(classifier.classify({ message: 'boom' }, { originalException: error })?.kind).toBe('known');
  });

  it('ends on a getter that makes a new cause at every read', () => {
    const endless = {
      get cause(): object {
        return {
          status: 503,
          get cause() {
            return endless.cause;
          },
        };
      },
    };
    expect(errorChain(endless).length).toBeLessThanOrEqual(32);
    expect(chainStatuses(endless).length).toBeGreaterThan(0);
  });

  it('reads only the first errors of a huge AggregateError', () => {
    const error = new AggregateError(Array.from({ length: 100_000 }, () => ({ status: 503 })));
    expect(errorChain(error)).toHaveLength(5);
  });

  it('keeps a string cause as a link (a body), and skips other primitives', () => {
    expect(errorChain(new Error('wrapper', { cause: '{"error":{"code":429}}' }))).toHaveLength(2);
    expect(errorChain(new Error('wrapper', { cause: 42 }))).toHaveLength(1);
    expect(errorChain(undefined)).toEqual([]);
  });
});
