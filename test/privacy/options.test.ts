import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedErrorsIntegration, RuleConfigError, upstreamTaxonomy } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

const rules = [
  { id: 'gone', kind: 'message_not_found', action: 'drop', any: ['message not found'] },
] as const;

function constructionError(options: unknown): RuleConfigError {
  try {
    expectedErrorsIntegration(options as never);
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
}

afterEach(async () => {
  await Sentry.close();
});

describe('expectedErrorsIntegration options', () => {
  it.each([
    [{ mode: 'dry_run' }, 'mode', "must be 'enforce' or 'dry-run' (got \"dry_run\")"],
    [{ mode: 'dryRun' }, 'mode', "'enforce' or 'dry-run'"],
    [{ mode: 'Enforce' }, 'mode', "'enforce' or 'dry-run'"],
    [{ breadcrumbs: 'off' }, 'breadcrumbs', "must be 'classify' or 'ignore' (got \"off\")"],
    [{ breadcrumbs: false }, 'breadcrumbs', '(got false)'],
    [{ upstreamTags: true }, 'upstreamTags', "must be 'off' or 'tag' (got true)"],
    [{ maxTextLength: 0 }, 'maxTextLength', 'positive integer'],
    [{ maxTextLength: '4096' }, 'maxTextLength', 'positive integer'],
    [{ rules: null }, 'rules', 'must be an array of rules (got null)'],
    [{ rules: { kind: 'x' } }, 'rules', 'must be an array of rules (got an object)'],
    [{ dryRun: true }, 'dryRun', 'is not an option (known options: rules, mode,'],
    [{ rule: [] }, 'rule', 'is not an option'],
  ])('refuses %j at construction, naming the option', (options, option, problem) => {
    const error = constructionError(options);
    expect(error.field).toBe(option);
    expect(error.message).toContain(problem);
    expect(error.message.startsWith(`expectedErrorsIntegration: \`${option}\` `)).toBe(true);
  });

  it('refuses options that are not an object', () => {
    expect(constructionError('dry-run').message).toBe(
      'expectedErrorsIntegration: `options` must be an object (got "dry-run")',
    );
    expect(constructionError([]).field).toBe('options');
  });

  it('accepts every documented option at its documented values', () => {
    expect(() =>
      expectedErrorsIntegration({
        rules: [...rules],
        mode: 'dry-run',
        breadcrumbs: 'ignore',
        maxTextLength: 1024,
        upstreamTags: 'tag',
        taxonomy: upstreamTaxonomy,
        surge: { threshold: 5, windowMs: 1_000 },
        metrics: false,
        onDecision: () => undefined,
        random: () => 0.5,
        logs: 'ignore',
        tagStatus: true,
      }),
    ).not.toThrow();
    expect(() => expectedErrorsIntegration()).not.toThrow();
    expect(() => expectedErrorsIntegration({})).not.toThrow();
  });
});

describe('ExpectedErrorsIntegration.setRules', () => {
  it.each([undefined, null, 'rules', { kind: 'x' }])(
    'refuses %j and keeps the rules in use',
    async (replacement) => {
      const capture = captureTransport();
      const integration = expectedErrorsIntegration({ rules: [...rules] });
      Sentry.init({
        dsn: 'http://public@127.0.0.1:9/1',
        transport: capture.transport,
        integrations: [integration],
      });
      const result = integration.setRules(replacement as never);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.error.field).toBe('rules');
      expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(['gone']);
      Sentry.captureException(new Error('message not found on telegram: 1103'));
      Sentry.captureException(new Error('a real bug'));
      await Sentry.flush(2_000);
      expect(capture.events().map((event) => event.exception?.values?.at(-1)?.value)).toEqual(['a real bug']);
    },
  );

  it('takes an empty array as "no rules"', () => {
    const integration = expectedErrorsIntegration({ rules: [...rules] });
    expect(integration.setRules([])).toMatchObject({ ok: true });
    expect(integration.getClassifier().rules).toEqual([]);
  });
});
