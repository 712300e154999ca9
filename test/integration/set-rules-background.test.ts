import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import { expectedErrorsIntegration, type Rule, ruleIndex } from '../../src/index.js';
import { captureTransport } from '../helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
});

/** A large pack: `count` rules, each with its own anchor, plus one that drops `marker`. */
function largePack(count: number, marker: string): Rule[] {
  const rules: Rule[] = Array.from({ length: count }, (_, index) => ({
    id: `noise-${index}`,
    kind: 'noise',
    action: 'drop',
    any: [`upstream noise number ${index} of the large pack`],
  }));
  rules.push({ id: 'marker', kind: 'marker', action: 'drop', any: [marker] });
  return rules;
}

function start(rules: Rule[]) {
  const capture = captureTransport();
  // With the rule index, a large pack takes several slices to compile: the background case.
  const integration = expectedErrorsIntegration({ rules, index: ruleIndex });
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    integrations: [integration],
  });
  return { capture, integration };
}

describe('ExpectedErrorsIntegration.setRules with a large pack', () => {
  it('compiles between events: the old rules decide until the new ones take over', async () => {
    const { capture, integration } = start([{ id: 'old', kind: 'old', action: 'drop', any: ['old noise'] }]);
    // Decided here and now (Sentry would process a captured event later, maybe after the swap).
    const client = Sentry.getClient() as Sentry.NodeClient;
    const decide = (message: string) => integration.processEvent<Sentry.Event>({ message }, {}, client);
    // The first decision loads the decision bookkeeping: done before the compile starts.
    expect(await decide('old noise, warming up')).toBeNull();

    const result = integration.setRules(largePack(10_000, 'new noise'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    let settled = false;
    void result.applied.then(() => {
      settled = true;
    });
    // A macrotask runs while the pack compiles: the event loop is not held for the whole compile.
    const macrotaskRanFirst = await new Promise<boolean>((resolve) => setImmediate(() => resolve(!settled)));
    const oldBefore = decide('old noise, before the swap');
    const newBefore = decide('new noise, before the swap');

    expect(macrotaskRanFirst).toBe(true);
    expect(oldBefore).toBeNull();
    expect(newBefore).toEqual({ message: 'new noise, before the swap' });
    expect(await result.applied).toBe(true);
    Sentry.captureMessage('old noise, after the swap');
    Sentry.captureMessage('new noise, after the swap');
    await Sentry.flush(2_000);
    expect(capture.events().map((event) => event.message)).toEqual(['old noise, after the swap']);
    expect(integration.getClassifier().rules).toHaveLength(10_001);
  });

  it('lets a later call replace a pack still compiling, and a refused call leave it compiling', async () => {
    const { integration } = start([]);

    const large = integration.setRules(largePack(10_000, 'x'));
    const refused = integration.setRules([{ id: 'bad', kind: 'k', action: 'explode' } as unknown as Rule]);
    expect(refused.ok).toBe(false);
    const small = integration.setRules([{ id: 'small', kind: 'k', action: 'drop', any: ['y'] }]);

    expect(large.ok && small.ok).toBe(true);
    expect(large.ok && (await large.applied)).toBe(false);
    expect(small.ok && (await small.applied)).toBe(true);
    expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(['small']);

    const again = integration.setRules(largePack(10_000, 'z'));
    expect(integration.setRules([{ id: 'bad', kind: 'k', action: 'explode' } as unknown as Rule]).ok).toBe(
      false,
    );
    expect(again.ok && (await again.applied)).toBe(true);
    expect(integration.getClassifier().rules).toHaveLength(10_001);
  });
});
