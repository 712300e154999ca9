import { createConnection } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import * as Sentry from '@sentry/node';
import jwt from 'jsonwebtoken';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ExpectedError,
  type ExpectedErrorsIntegration,
  expectedErrorsIntegration,
  markExpected,
  type Rule,
  recommendedRules,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

// The integration decides an error in `client.captureException`, before the SDK builds the event. This file
// holds that early decision to the one the event processor makes on the event the SDK builds: every case is
// captured twice, through the integration's `captureException` and through the SDK's own (the wrapper
// taken off), and both must send, drop and demote alike, with the same breadcrumbs, counts and client
// reports. It runs on every supported @sentry major (`npm run test:peer`).

const DSN = 'http://public@127.0.0.1:9/1';

const customRules: Rule[] = [
  {
    id: 'chat-tagged',
    kind: 'chat_feature',
    action: 'breadcrumb',
    all: ['chat step failed'],
    tags: { feature: 'chat' },
  },
  {
    id: 'status-from-scope',
    kind: 'unauthorized',
    action: 'drop',
    all: ['backend call failed'],
    status: 401,
  },
  {
    id: 'jwt-by-package',
    kind: 'jwt_package',
    action: 'drop',
    any: ['jwt malformed'],
    thrownBy: 'jsonwebtoken',
  },
  { id: 'axios-only', kind: 'axios_thing', action: 'drop', any: ['jwt must be provided'], thrownBy: 'axios' },
  { id: 'long', kind: 'long_text', action: 'drop', all: ['tail-word'] },
  { id: 'sampled', kind: 'sampled_kind', action: 'drop', any: ['sample me'], sample: 0.5 },
  { id: 'crash-ok', kind: 'crash_ok', action: 'drop', any: ['expected at exit'], uncaught: true },
];

interface Case {
  readonly name: string;
  /** A fresh live error (each capture gets its own: the SDK marks a captured one). */
  readonly error: () => unknown | Promise<unknown>;
  readonly hint?: Parameters<typeof Sentry.captureException>[1];
  /** Runs inside the capture's isolation scope, before the capture. */
  readonly scope?: (scope: Sentry.Scope) => void;
  readonly sdkOptions?: Partial<Sentry.NodeOptions>;
}

const rateLimitBody = {
  error: {
    message:
      'Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 500, Used 500.',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
};
const openAiError = (status: number, body: object) =>
  OpenAI.APIError.generate(status, body, undefined, new Headers({ 'x-request-id': 'req_1' }));
const expiredToken = jwt.sign({ sub: 'u', exp: Math.floor(Date.now() / 1000) - 60 }, 'secret');
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

const cases: Case[] = [
  { name: 'a bug (TypeError)', error: () => thrown(() => (JSON.parse('{"a":null}') as { a: { b: 1 } }).a.b) },
  { name: "jsonwebtoken's TokenExpiredError", error: () => thrown(() => jwt.verify(expiredToken, 'secret')) },
  { name: "jsonwebtoken's invalid signature", error: () => thrown(() => jwt.verify(expiredToken, 'other')) },
  { name: 'a `thrownBy` rule that holds', error: () => thrown(() => jwt.verify('garbage', 'secret')) },
  { name: 'a `thrownBy` rule that does not', error: () => thrown(() => jwt.verify('', 'secret')) },
  { name: 'an OpenAI 429', error: () => openAiError(429, rateLimitBody) },
  {
    name: 'an OpenAI 401 invalid_api_key (a guard)',
    error: () =>
      openAiError(401, { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }),
  },
  { name: 'an OpenAI 500', error: () => openAiError(500, { error: { message: 'The server had an error' } }) },
  {
    name: 'an Anthropic overloaded 529',
    error: () =>
      Anthropic.APIError.generate(
        529,
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
        undefined,
        new Headers(),
      ),
  },
  {
    name: 'a 429 as the cause',
    error: () => new Error('chat failed', { cause: openAiError(429, rateLimitBody) }),
  },
  {
    name: 'an AggregateError of 429s',
    error: () =>
      new AggregateError([openAiError(429, rateLimitBody), new Error('second')], 'All providers failed'),
  },
  { name: 'a typed ExpectedError', error: () => new ExpectedError('session_expired', 'Session expired') },
  { name: 'a markExpected error', error: () => markExpected(new Error('offline for now'), 'offline') },
  { name: 'a plain object with a status', error: () => ({ status: 401, message: 'Unauthorized' }) },
  { name: 'a string', error: () => 'jwt expired' },
  { name: 'a frozen expected error', error: () => Object.freeze(new Error('jwt expired')) },
  {
    name: 'an error whose message getter reads a private field',
    error: () =>
      new (class PrivateMessage extends Error {
        readonly #text = 'jwt expired';
        override get message() {
          return this.#text;
        }
      })(),
  },
  {
    name: 'an error whose status getter throws',
    error: () => {
      const error = new Error('backend call failed');
      Object.defineProperty(error, 'status', {
        get() {
          throw new Error('no status');
        },
      });
      return error;
    },
  },
  {
    name: 'a DOMException AbortError',
    error: () => new DOMException('This operation was aborted', 'AbortError'),
  },
  {
    name: 'a message past maxValueLength',
    error: () => new Error(`${'x'.repeat(80)} tail-word`),
    sdkOptions: { maxValueLength: 40 },
  },
  {
    name: 'a message under maxValueLength',
    error: () => new Error('tail-word'),
    sdkOptions: { maxValueLength: 40 },
  },
  {
    name: 'a tag condition, tag on the scope',
    error: () => new Error('chat step failed'),
    scope: (s) => s.setTag('feature', 'chat'),
  },
  {
    name: 'a tag condition, other tag',
    error: () => new Error('chat step failed'),
    scope: (s) => s.setTag('feature', 'billing'),
  },
  {
    name: 'a status tag on the scope',
    error: () => new Error('backend call failed'),
    scope: (s) => s.setTag('http.response.status_code', 401),
  },
  {
    name: 'a response context on the scope',
    error: () => new Error('backend call failed'),
    scope: (s) => s.setContext('response', { status_code: 401 }),
  },
  { name: 'no status anywhere', error: () => new Error('backend call failed') },
  {
    name: 'level fatal on the scope',
    error: () => new Error('jwt expired'),
    scope: (s) => s.setLevel('fatal'),
  },
  {
    name: 'a framework route error (handled: false)',
    error: () => new Error('jwt expired'),
    hint: { mechanism: { handled: false, type: 'auto.http.express' } },
  },
  {
    name: 'an uncaught exception',
    error: () => new Error('jwt expired'),
    hint: { mechanism: { handled: false, type: 'auto.node.onuncaughtexception' } },
  },
  {
    name: 'an uncaught exception a rule allows',
    error: () => new Error('expected at exit'),
    hint: { mechanism: { handled: false, type: 'auto.node.onuncaughtexception' } },
  },
  { name: 'a captureContext', error: () => new Error('jwt expired'), hint: { tags: { feature: 'chat' } } },
  {
    name: "Node's ECONNREFUSED",
    error: () =>
      new Promise((resolve) => {
        const socket = createConnection({ host: '127.0.0.1', port: 9 });
        socket.on('error', resolve);
      }),
  },
];

interface Observation {
  readonly sent: unknown[];
  readonly breadcrumbs: unknown[];
  readonly stats: unknown;
  readonly discarded: number;
}

let capture: Capture;
afterEach(async () => {
  await Sentry.close(2_000);
});

function init(sdkOptions: Partial<Sentry.NodeOptions> = {}): {
  integration: ExpectedErrorsIntegration;
  parsed: () => number;
} {
  capture = captureTransport();
  const integration = expectedErrorsIntegration({
    rules: [...customRules, ...recommendedRules()],
    random: () => 0.25,
  });
  Sentry.init({
    dsn: DSN,
    transport: capture.transport,
    integrations: [integration],
    sendClientReports: true,
    ...sdkOptions,
  });
  // Counts the stacks the SDK's own parser parses: a decision taken early parses none.
  const options = Sentry.getClient()?.getOptions() as { stackParser: (...args: unknown[]) => unknown[] };
  const parse = options.stackParser;
  let parsed = 0;
  options.stackParser = (...args) => {
    parsed++;
    return parse(...args);
  };
  return { integration, parsed: () => parsed };
}

async function observe(
  integration: ExpectedErrorsIntegration,
  testCase: Case,
  early: boolean,
): Promise<Observation> {
  const client = Sentry.getClient() as unknown as { captureException: unknown };
  const wrapper = client.captureException;
  if (!early) delete client.captureException;
  const before = capture.events().length;
  const reportsBefore = capture.discardedCount('event_processor');
  const statsBefore = JSON.stringify(integration.getStats().kinds);
  const error = await testCase.error();
  const breadcrumbs = await Sentry.withIsolationScope(async (scope) => {
    testCase.scope?.(scope);
    Sentry.captureException(error, testCase.hint);
    // A second capture of the same error is skipped in both ways.
    Sentry.captureException(error, testCase.hint);
    await Sentry.flush(2_000);
    return scope
      .getScopeData()
      .breadcrumbs.map(({ message, category, data }) => ({ message, category, data }));
  });
  await Sentry.flush(2_000);
  if (!early) client.captureException = wrapper;
  const sent = capture
    .events()
    .slice(before)
    .map((event) => ({
      values: event.exception?.values?.map(({ type, value, mechanism }) => ({ type, value, mechanism })),
      level: event.level,
      tags: event.tags,
    }));
  return {
    sent,
    breadcrumbs,
    stats: { before: statsBefore, after: JSON.stringify(integration.getStats().kinds) },
    discarded: capture.discardedCount('event_processor') - reportsBefore,
  };
}

describe('deciding an error before the SDK builds its event', () => {
  it.each(cases)('decides $name as the event processor does on the built event', async (testCase) => {
    const late = init(testCase.sdkOptions);
    const processed = await observe(late.integration, testCase, false);
    await Sentry.close(2_000);
    const early = init(testCase.sdkOptions);
    const decided = await observe(early.integration, testCase, true);
    expect(decided.sent).toEqual(processed.sent);
    expect(decided.breadcrumbs).toEqual(processed.breadcrumbs);
    expect(decided.stats).toEqual(processed.stats);
    expect(decided.discarded).toBe(processed.discarded);
  });

  it('parses no stack for the errors it drops or demotes, and sends the rest with their frames', async () => {
    const { parsed } = init();
    const bug = thrown(() => (JSON.parse('{"a":null}') as { a: { b: 1 } }).a.b) as Error;
    Sentry.captureException(thrown(() => jwt.verify(expiredToken, 'secret')));
    Sentry.captureException(openAiError(429, rateLimitBody));
    await Sentry.flush(2_000);
    expect(parsed()).toBe(0);
    expect(capture.events()).toHaveLength(0);

    Sentry.captureException(bug);
    await Sentry.flush(2_000);
    expect(parsed()).toBeGreaterThan(0);
    const [event] = capture.events();
    expect(event?.exception?.values?.at(-1)?.value).toBe(bug.message);
    const frames = event?.exception?.values?.at(-1)?.stacktrace?.frames ?? [];
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.every((frame) => typeof frame.filename === 'string')).toBe(true);
  });

  it('reads the frames of an error it decides when a `thrownBy` rule asks', async () => {
    const { parsed } = init();
    Sentry.captureException(thrown(() => jwt.verify('garbage', 'secret')));
    await Sentry.flush(2_000);
    expect(capture.events()).toHaveLength(0);
    expect(parsed()).toBe(1);
  });

  it('classifies in processEvent an error it never saw before (a hint without event_id)', () => {
    const { integration } = init();
    const error = thrown(() => jwt.verify(expiredToken, 'secret')) as Error;
    const event: Sentry.ErrorEvent = {
      type: undefined,
      exception: { values: [{ type: error.name, value: error.message }] },
    };
    expect(
      integration.processEvent(event, { originalException: error }, Sentry.getClient() as never),
    ).toBeNull();
  });

  it('leaves the demotion breadcrumb on the scope before captureException returns', () => {
    init();
    Sentry.withIsolationScope((scope) => {
      Sentry.captureException(thrown(() => jwt.verify(expiredToken, 'secret')));
      expect(scope.getScopeData().breadcrumbs.map((crumb) => crumb.category)).toContain('expected_error');
    });
  });
});
