import * as Sentry from '@sentry/node';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClassifier,
  type ExpectedErrorsOptions,
  expectedErrorsIntegration,
  type Rule,
  RuleConfigError,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

const DSN = 'http://public@127.0.0.1:9/1';
const STATUS_TAG = 'http.response.status_code';

/** got 11's HTTPError: `response` is non-enumerable, so the serialized event never shows its status. */
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

let capture: Capture;
function init(options: ExpectedErrorsOptions): void {
  capture = captureTransport();
  Sentry.init({ dsn: DSN, transport: capture.transport, integrations: [expectedErrorsIntegration(options)] });
}
async function sent(): Promise<Sentry.Event[]> {
  await Sentry.flush(2_000);
  return capture.events();
}
const byValue = (events: Sentry.Event[], text: string) =>
  events.find((event) => event.exception?.values?.at(-1)?.value?.includes(text));

afterEach(async () => {
  await Sentry.close();
});

describe('expectedErrorsIntegration({ tagStatus })', () => {
  it('tags a sent event with the status of its live error when the event states none', async () => {
    init({ tagStatus: true });
    Sentry.captureException(gotHttpError(503, 'Service Unavailable'));
    Sentry.captureException(
      new Error('chat failed', {
        cause: OpenAI.APIError.generate(429, { error: { message: 'slow down' } }, undefined, new Headers()),
      }),
    );
    Sentry.captureException(Object.assign(new Error('tagged by the app'), { status: 500 }), {
      tags: { status: 401 },
    });
    Sentry.captureException(new Error('no status anywhere'));
    const events = await sent();
    expect(events).toHaveLength(4);
    expect(byValue(events, 'Response code 503')?.tags).toEqual({ [STATUS_TAG]: '503' });
    expect(byValue(events, 'chat failed')?.tags).toEqual({ [STATUS_TAG]: '429' });
    expect(byValue(events, 'tagged by the app')?.tags).toEqual({ status: 401 });
    expect(byValue(events, 'no status anywhere')?.tags).toBeUndefined();
  });

  it('tags nothing by default', async () => {
    init({});
    Sentry.captureException(gotHttpError(503, 'Service Unavailable'));
    const [event] = await sent();
    expect(event?.exception?.values?.at(-1)?.value).toBe('Response code 503 (Service Unavailable)');
    expect(event?.tags).toBeUndefined();
  });

  it('makes a replay of the recorded event decide as the live event was decided', async () => {
    const rules: Rule[] = [{ id: 'gateway-down', kind: 'upstream_down', action: 'drop', status: 502 }];
    const replay = createClassifier({ rules });
    const decide = async (tagStatus: boolean) => {
      init({ rules, mode: 'dry-run', tagStatus });
      Sentry.captureException(gotHttpError(502, 'Bad Gateway'));
      const [event] = await sent();
      await Sentry.close();
      return { live: event?.tags?.['expected_error.rule'], replayed: replay.classify(event)?.rule };
    };
    expect(await decide(true)).toEqual({ live: 'gateway-down', replayed: 'gateway-down' });
    // Without the tag the recorded event has lost the status: the replay would send what live dropped.
    expect(await decide(false)).toEqual({ live: 'gateway-down', replayed: undefined });
  });

  it.each([
    ['yes', '"yes"'],
    [1, '1'],
    [null, 'null'],
    [{}, 'an object'],
  ])('refuses tagStatus: %j with a RuleConfigError naming the option', (value, shown) => {
    let thrown: unknown;
    try {
      expectedErrorsIntegration({ tagStatus: value as never });
    } catch (error) {
      thrown = error;
    }
    expect(RuleConfigError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(
      `expectedErrorsIntegration: \`tagStatus\` must be a boolean (got ${shown})`,
    );
  });
});
