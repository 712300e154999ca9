import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkRules,
  createClassifier,
  expectedErrorsIntegration,
  type Rule,
  RuleConfigError,
} from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
});

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const broad: Rule = { id: 'broad', kind: 'noise', action: 'drop', any: ['failed'] };

describe('rule lifecycle: expires', () => {
  it('decides nothing from its expiry on, as if it were not there: a later rule decides', () => {
    const rules: Rule[] = [
      { id: 'old', kind: 'legacy', action: 'drop', any: ['upload failed'], expires: isoDay(-1) },
      { id: 'current', kind: 'upload', action: 'breadcrumb', any: ['upload failed'], expires: isoDay(30) },
    ];
    expect(createClassifier({ rules }).classify({ message: 'upload failed' })?.rule).toBe('current');
    expect(
      createClassifier({ rules: rules.slice(0, 1) }).classify({ message: 'upload failed' }),
    ).toBeUndefined();
  });

  it('is reported by checkRules as expired, with the date', () => {
    const report = checkRules([
      {
        id: 'old',
        kind: 'legacy',
        action: 'drop',
        any: ['upload failed'],
        expires: '2020-01-31',
        examples: { match: ['upload failed'] },
      },
    ]);
    expect(report.problems.map((problem) => problem.code)).toEqual(['expired']);
    expect(report.problems[0]?.message).toContain('expired on 2020-01-31T00:00:00.000Z');
  });

  it.each(['tomorrow', '2027-13-40', '31/03/2027', 20270331, ''])(
    'refuses expires: %j, naming the field',
    (expires) => {
      expect(() => createClassifier({ rules: [{ ...broad, expires: expires as string }] })).toThrowError(
        /rule #0 \("broad"\): `expires` must be an ISO 8601 date or date-time/,
      );
    },
  );

  it('accepts a date and a date-time with a zone', () => {
    for (const expires of ['2027-03-31', '2027-03-31T12:00:00Z', '2027-03-31T12:00:00.5+02:00']) {
      expect(createClassifier({ rules: [{ ...broad, expires }] }).rules).toHaveLength(1);
    }
  });

  it('the integration stops deciding by it and says so once in the debug log', async () => {
    const capture = captureTransport();
    const logged: string[] = [];
    const { debug } = await import('@sentry/core');
    const original = debug.log;
    debug.log = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      Sentry.init({
        dsn: 'http://public@127.0.0.1:9/1',
        transport: capture.transport,
        integrations: [expectedErrorsIntegration({ rules: [{ ...broad, expires: isoDay(-1) }] })],
      });
      Sentry.captureException(new Error('upload failed'));
      Sentry.captureException(new Error('upload failed again'));
      await Sentry.flush(2_000);
    } finally {
      debug.log = original;
    }
    expect(capture.events()).toHaveLength(2);
    expect(logged.filter((line) => line.includes('Rule "broad" expired at'))).toHaveLength(1);
  });
});

describe('rule lifecycle: shadow', () => {
  const shadowRule: Rule = {
    id: 'candidate',
    kind: 'upload_failed',
    action: 'drop',
    any: ['upload failed'],
    shadow: true,
  };

  it('sends what only a shadow rule claims, tagged as in dry-run, and counts it under shadow', async () => {
    const capture = captureTransport();
    const integration = expectedErrorsIntegration({ rules: [shadowRule] });
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: capture.transport,
      integrations: [integration],
    });

    Sentry.captureException(new Error('upload failed'));
    await Sentry.flush(2_000);

    expect(capture.events()).toHaveLength(1);
    expect(capture.events()[0]?.tags).toMatchObject({
      'expected_error.kind': 'upload_failed',
      'expected_error.action': 'drop',
      'expected_error.rule': 'candidate',
    });
    expect(integration.getStats()).toMatchObject({
      mode: 'enforce',
      kinds: { upload_failed: { shadow: 1, drop: 0 } },
    });
  });

  it('never stands in the way of an enforced rule, before or after it', () => {
    const classifier = createClassifier({ rules: [shadowRule, { ...broad, id: 'enforced' }] });
    expect(classifier.classify({ message: 'upload failed' })).toMatchObject({ rule: 'enforced' });
    expect(classifier.classify({ message: 'upload failed' })?.shadow).toBeUndefined();
    expect(createClassifier({ rules: [shadowRule] }).classify({ message: 'upload failed' })).toMatchObject({
      rule: 'candidate',
      shadow: true,
    });
  });

  it('refuses shadow: false or anything but true', () => {
    expect(() => createClassifier({ rules: [{ ...broad, shadow: false as never }] })).toThrowError(
      RuleConfigError,
    );
  });
});
