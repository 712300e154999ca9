import { debug } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedErrorsIntegration, patternSafety, RuleConfigError } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
  vi.restoreAllMocks();
});

describe('ExpectedErrorsIntegration.setRules', () => {
  it('swaps the rules of a running integration', async () => {
    const capture = captureTransport();
    const integration = expectedErrorsIntegration({
      rules: [{ id: 'old', kind: 'old', action: 'drop', any: ['first'] }],
    });
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: capture.transport,
      integrations: [integration],
    });
    Sentry.captureMessage('first noise');
    await Sentry.flush(2_000);
    const result = integration.setRules([{ id: 'new', kind: 'new', action: 'drop', any: ['second'] }]);
    expect(result.ok).toBe(true);
    expect(result.ok && (await result.applied)).toBe(true);
    Sentry.captureMessage('first noise again');
    Sentry.captureMessage('second noise');
    await Sentry.flush(2_000);
    expect(capture.events().map((event) => event.message)).toEqual(['first noise again']);
    expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(['new']);
  });

  it('refuses a pack that does not compile, keeps the rules in use and logs one debug line naming the rule', async () => {
    const warnings: string[] = [];
    vi.spyOn(debug, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.join(' '));
    });
    const capture = captureTransport();
    const integration = expectedErrorsIntegration({
      rules: [{ id: 'kept', kind: 'k', action: 'drop', any: ['noise'] }],
      patterns: patternSafety,
    });
    Sentry.init({
      dsn: 'http://public@127.0.0.1:9/1',
      transport: capture.transport,
      integrations: [integration],
    });
    // A pack whose pattern passes the check is taken on at once; one that fails it is refused at once.
    expect(integration.setRules([{ id: 'kept', kind: 'k', action: 'drop', pattern: /noise/ }])).toMatchObject(
      {
        ok: true,
      },
    );

    const result = integration.setRules([
      { id: 'fine', kind: 'k', action: 'drop', any: ['x'] },
      { id: 'evil', kind: 'k', action: 'drop', pattern: /(a+)b\1/ },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && RuleConfigError.isInstance(result.error) && result.error.ruleId).toBe('evil');
    expect(warnings.filter((warning) => warning.includes('[ExpectedErrors]'))).toEqual([
      expect.stringMatching(/\[ExpectedErrors\] Kept the rules in use.*rule #1 \("evil"\): `pattern`/),
    ]);

    Sentry.captureMessage('noise');
    Sentry.captureMessage('a real bug');
    await Sentry.flush(2_000);
    expect(capture.events().map((event) => event.message)).toEqual(['a real bug']);
  });

  it('never throws, whatever it is given', () => {
    const integration = expectedErrorsIntegration();
    expect(integration.setRules('not rules' as never)).toMatchObject({ ok: false });
    expect(integration.setRules([null] as never)).toMatchObject({ ok: false });
  });
});
