import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClassifier,
  ExpectedError,
  expectedErrorMarksIntegration,
  expectedErrorsIntegration,
  markExpected,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

let capture: Capture;
function init(
  integrations: Array<ReturnType<typeof expectedErrorMarksIntegration | typeof expectedErrorsIntegration>>,
): void {
  capture = captureTransport();
  Sentry.init({ dsn: 'http://public@127.0.0.1:9/1', transport: capture.transport, integrations });
}
/** A serialized event as a receiving process gets it, with `mechanism.data` as given. */
const serialized = (
  data: Record<string, unknown> | undefined,
  value = 'session token rejected',
): Sentry.Event => ({
  exception: {
    values: [
      {
        type: 'Error',
        value: `GET /v1/teams answered 401: ${value}`,
        mechanism: { type: 'chained', source: 'cause' },
      },
      {
        type: 'ExpectedError',
        value,
        mechanism: { type: 'generic', handled: true, data } as never,
      },
    ],
  },
});

afterEach(async () => {
  await Sentry.close();
});

describe('expectedErrorMarksIntegration', () => {
  it('writes the kind of a typed expected error into the event it sends, on the captured exception', async () => {
    init([expectedErrorMarksIntegration()]);
    Sentry.captureException(new ExpectedError('session_expired', 'session token rejected'));
    Sentry.captureException(
      new Error('tts failed', {
        cause: markExpected(new Error('401'), 'session_expired', { action: 'drop' }),
      }),
    );
    Sentry.captureException(new Error('a real bug'));
    await Sentry.flush(2_000);
    const mechanisms = new Map(
      capture
        .events()
        .map((event) => [event.exception?.values?.at(-1)?.value, event.exception?.values?.at(-1)?.mechanism]),
    );
    expect(mechanisms.get('session token rejected')).toEqual({
      type: 'generic',
      handled: true,
      data: { 'expected_error.kind': 'session_expired', 'expected_error.action': 'breadcrumb' },
    });
    expect(mechanisms.get('tts failed')?.data).toEqual({
      'expected_error.kind': 'session_expired',
      'expected_error.action': 'drop',
    });
    expect(mechanisms.get('a real bug')?.data).toBeUndefined();
  });

  it('is read back by expectedErrorsIntegration in the process that receives the event (no hint there)', async () => {
    init([expectedErrorsIntegration()]);
    Sentry.captureEvent(
      serialized({ 'expected_error.kind': 'session_expired', 'expected_error.action': 'drop' }),
    );
    // (Another text: Dedupe would drop an identical event.)
    Sentry.captureEvent(serialized(undefined, 'no mark'));
    await Sentry.flush(2_000);
    expect(capture.events()).toHaveLength(1);
    expect(capture.events()[0]?.exception?.values?.at(-1)?.mechanism?.data).toBeUndefined();
  });
});

describe('Classifier.classify: marks on serialized events', () => {
  const classifier = createClassifier({
    rules: [{ id: 'guard', kind: 'guarded', action: 'report', any: ['session token rejected'] }],
  });

  it('decides a marked event by its mark, before any rule (as with the live error)', () => {
    expect(
      classifier.classify(
        serialized({ 'expected_error.kind': 'session_expired', 'expected_error.action': 'breadcrumb' }),
      ),
    ).toEqual({
      kind: 'session_expired',
      action: 'breadcrumb',
      rule: 'typed:session_expired',
      summary: 'redacted',
    });
  });

  it('ignores malformed marks, and the same keys anywhere but an exception mechanism', () => {
    const guarded = { kind: 'guarded', action: 'report', rule: 'guard', summary: 'redacted' };
    for (const data of [
      { 'expected_error.kind': 'session_expired', 'expected_error.action': 'report' },
      { 'expected_error.kind': '', 'expected_error.action': 'drop' },
      { 'expected_error.kind': 7, 'expected_error.action': 'drop' },
      { 'expected_error.kind': 'session_expired' },
    ]) {
      expect(classifier.classify(serialized(data))).toEqual(guarded);
    }
    // Tags (scope data, dry-run annotations) and contexts never carry a mark.
    const tagged: Sentry.Event = {
      ...serialized(undefined),
      tags: { 'expected_error.kind': 'session_expired', 'expected_error.action': 'drop' },
      contexts: { mechanism: { data: { 'expected_error.kind': 'x', 'expected_error.action': 'drop' } } },
    };
    expect(classifier.classify(tagged)).toEqual(guarded);
  });
});
