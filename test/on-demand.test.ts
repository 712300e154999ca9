import { debug } from '@sentry/core';
import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectedErrorsIntegration, type Rule } from '../src/index.js';
import { type Capture, captureTransport } from './helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
  vi.doUnmock('../src/upstream/event-tags.js');
  vi.doUnmock('../src/rules/regex-safety.js');
  vi.doUnmock('../src/decisions/bookkeeping.js');
  vi.doUnmock('../src/decisions/demotion-breadcrumb.js');
  vi.doUnmock('../src/integration/compile-in-slices.js');
  vi.doUnmock('../src/rules/indexed-match.js');
  vi.restoreAllMocks();
  vi.resetModules();
});

let capture: Capture;
function initWith(integration: ReturnType<typeof expectedErrorsIntegration>) {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    integrations: [integration],
    sendClientReports: true,
  });
  const client = Sentry.getClient() as Sentry.NodeClient;
  const installed = client.getIntegrationByName('ExpectedErrors');
  if (!installed?.processEvent) throw new Error('the integration is not installed');
  const processEvent = installed.processEvent.bind(installed);
  return (event: Sentry.Event) => processEvent(event, {}, client);
}

const overloaded = (): Sentry.Event => ({
  exception: { values: [{ type: 'Error', value: 'Anthropic API error (529): {"type":"overloaded_error"}' }] },
});
/** Drops what the taxonomy calls a retryable rate limit; a quota or billing failure is not one. */
const transientByTaxonomy: Rule = {
  id: 'retryable-rate-limit',
  kind: 'transient_upstream',
  action: 'drop',
  upstream: { type: 'rate_limited', retryable: true },
};
const rateLimited = () => Object.assign(new Error('429 Rate limit reached for requests'), { status: 429 });
const quotaExhausted = () =>
  Object.assign(
    new Error('429 You exceeded your current quota, please check your plan and billing details.'),
    {
      status: 429,
    },
  );

describe('expectedErrorsIntegration (the taxonomy and the pattern check loaded on demand)', () => {
  it('answers synchronously when no rule or option needs the taxonomy', () => {
    const processEvent = initWith(expectedErrorsIntegration({ rules: [] }));
    const event = overloaded();

    expect(processEvent(event)).toBe(event);
  });

  it("with upstreamTags: 'tag', an event that arrives while the taxonomy loads waits for it and is tagged", async () => {
    const processEvent = initWith(expectedErrorsIntegration({ upstreamTags: 'tag' }));

    const first = processEvent(overloaded());
    expect(first).toBeInstanceOf(Promise);
    expect((await first)?.tags).toEqual({ 'upstream.type': 'overloaded', 'upstream.retryable': 'true' });
    // Once loaded, events are decided synchronously again.
    const second = processEvent(overloaded());
    expect(second).not.toBeInstanceOf(Promise);
    expect((second as Sentry.Event).tags).toMatchObject({ 'upstream.type': 'overloaded' });
  });

  it('decides `upstream` rules through the real SDK: a retryable 429 is dropped, a billing 429 is sent', async () => {
    initWith(expectedErrorsIntegration({ rules: [transientByTaxonomy] }));

    Sentry.captureException(rateLimited());
    Sentry.captureException(quotaExhausted());
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);

    expect(capture.events().map((event) => event.exception?.values?.at(-1)?.value)).toEqual([
      '429 You exceeded your current quota, please check your plan and billing details.',
    ]);
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('loads the taxonomy when setRules brings the first `upstream` rule', async () => {
    const integration = expectedErrorsIntegration({ rules: [] });
    initWith(integration);
    expect(integration.setRules([transientByTaxonomy])).toMatchObject({ ok: true });

    Sentry.captureException(rateLimited());
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);

    expect(capture.events()).toEqual([]);
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('fails open when the taxonomy cannot load: `upstream` rules decide nothing, every event is sent', async () => {
    vi.doMock('../src/upstream/event-tags.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    vi.resetModules();
    const { expectedErrorsIntegration: freshIntegration } = await import('../src/index.js');
    initWith(
      freshIntegration({ rules: [transientByTaxonomy, { kind: 'anything', action: 'drop', any: ['429'] }] }),
    );

    Sentry.captureException(rateLimited());
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);

    expect(capture.events().map((event) => event.exception?.values?.at(-1)?.value)).toEqual([
      '429 Rate limit reached for requests',
    ]);
  });

  it('checks a `pattern` with the check it loads on demand; the first events wait for it', async () => {
    const processEvent = initWith(
      expectedErrorsIntegration({
        rules: [{ id: 'noise', kind: 'noise', action: 'drop', pattern: /^noise \d+$/ }],
      }),
    );

    const first = processEvent({ message: 'noise 1' });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBeNull();
    expect(processEvent({ message: 'noise 2' })).toBeNull();
  });

  it('refuses a pack whose pattern fails the check once it has loaded: events pass, the debug log names the rule', async () => {
    const warnings: string[] = [];
    vi.spyOn(debug, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.join(' '));
    });
    const integration = expectedErrorsIntegration({
      rules: [
        { id: 'fine', kind: 'k', action: 'drop', any: ['noise'] },
        { id: 'evil', kind: 'k', action: 'drop', pattern: /(a+)+$/ },
      ],
    });
    const processEvent = initWith(integration);
    const noise: Sentry.Event = { message: 'noise' };

    // Not thrown at construction: the check had not loaded. The event waits for it, then passes.
    expect(await processEvent(noise)).toBe(noise);
    expect(integration.getClassifier().rules).toEqual([]);
    expect(warnings.filter((warning) => warning.includes('[ExpectedErrors]'))).toEqual([
      expect.stringMatching(
        /Kept the rules in use; the new rules were refused: .*rule #1 \("evil"\): `pattern`/,
      ),
    ]);
    // Now that the check is loaded, setRules refuses such a pack at once.
    expect(
      integration.setRules([{ id: 'evil', kind: 'k', action: 'drop', pattern: /(a+)+$/ }]),
    ).toMatchObject({
      ok: false,
    });
  });

  it('uses no pattern rule when the check cannot load: events pass', async () => {
    vi.doMock('../src/rules/regex-safety.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    vi.resetModules();
    // The integration alone: it does not import the check (the rest of the package does, statically).
    const { expectedErrorsIntegration: freshIntegration } = await import('../src/integration/integration.js');
    const processEvent = initWith(
      freshIntegration({ rules: [{ id: 'noise', kind: 'noise', action: 'drop', pattern: /^noise$/ }] }),
    );
    const noise: Sentry.Event = { message: 'noise' };

    expect(await processEvent(noise)).toBe(noise);
    expect(processEvent(noise)).toBe(noise);
    expect(noise.tags).toBeUndefined();
  });

  it('keeps the rules in use when the background compilation cannot load for a large setRules', async () => {
    vi.doMock('../src/integration/compile-in-slices.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    vi.resetModules();
    const { expectedErrorsIntegration: freshIntegration } = await import('../src/integration/integration.js');
    const integration = freshIntegration({
      rules: [{ id: 'old', kind: 'old', action: 'drop', any: ['old'] }],
    });
    const processEvent = initWith(integration);
    // Too many rules to compile in one slice: the rest needs the slicer, which does not load.
    const large: Rule[] = Array.from({ length: 10_000 }, (_, index) => ({
      id: `new-${index}`,
      kind: 'new',
      action: 'drop',
      any: [`new noise number ${index} of the large pack`],
    }));
    const result = integration.setRules(large);
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    expect(await result.applied).toBe(false);
    expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(['old']);
    expect(await processEvent({ message: 'old' })).toBeNull();
  });

  it('the first decision waits for the bookkeeping, then counts it; later decisions answer at once', async () => {
    const integration = expectedErrorsIntegration({
      rules: [{ kind: 'noise', action: 'drop', any: ['noise'] }],
    });
    const processEvent = initWith(integration);

    const first = processEvent({ message: 'noise 1' });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBeNull();
    expect(processEvent({ message: 'noise 2' })).toBeNull();
    expect(integration.getStats().kinds.noise).toMatchObject({ drop: 2 });
  });

  it('any classified event waits for the decisions code: a guard in dry-run is tagged; an unclaimed one never waits', async () => {
    const integration = expectedErrorsIntegration({
      mode: 'dry-run',
      rules: [{ id: 'byo-key', kind: 'byo_key', action: 'report', any: ['invalid_api_key'] }],
    });
    const processEvent = initWith(integration);
    const unclaimed: Sentry.Event = { message: 'a real bug' };
    expect(processEvent(unclaimed)).toBe(unclaimed);

    const first = processEvent({ message: '401 invalid_api_key' });
    expect(first).toBeInstanceOf(Promise);
    expect((await first)?.tags).toEqual({
      'expected_error.kind': 'byo_key',
      'expected_error.action': 'report',
      'expected_error.rule': 'byo-key',
    });
    expect(processEvent({ message: 'invalid_api_key again' })).toMatchObject({
      tags: { 'expected_error.action': 'report' },
    });
  });

  it('fails open when the decision bookkeeping cannot load: nothing is dropped unwatched', async () => {
    vi.doMock('../src/decisions/bookkeeping.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    vi.resetModules();
    const { expectedErrorsIntegration: freshIntegration } = await import('../src/integration/integration.js');
    const processEvent = initWith(
      freshIntegration({ rules: [{ kind: 'noise', action: 'drop', any: ['noise'] }] }),
    );
    const noise: Sentry.Event = { message: 'noise' };

    expect(await processEvent(noise)).toBe(noise);
    expect(processEvent(noise)).toBe(noise);
  });

  it('the first demotion waits for its breadcrumb code; the breadcrumb carries the redacted summary', async () => {
    const processEvent = initWith(
      expectedErrorsIntegration({
        rules: [{ id: 'auth', kind: 'auth', action: 'breadcrumb', any: ['401'] }],
      }),
    );

    const first = processEvent({ message: '401 for key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' });
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBeNull();
    Sentry.captureMessage('after');
    await Sentry.flush(2_000);

    const breadcrumb = capture.events()[0]?.breadcrumbs?.find((crumb) => crumb.data?.kind === 'auth');
    expect(breadcrumb?.message).toBe('auth: 401 for key sk-[redacted]');
  });

  it('sends a demoted event when the demotion breadcrumb code cannot load: none is demoted without one', async () => {
    vi.doMock('../src/decisions/demotion-breadcrumb.js', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    vi.resetModules();
    const { expectedErrorsIntegration: freshIntegration } = await import('../src/integration/integration.js');
    const processEvent = initWith(
      freshIntegration({
        rules: [
          { id: 'session', kind: 'session', action: 'breadcrumb', any: ['401'] },
          { id: 'noise', kind: 'noise', action: 'drop', any: ['noise'] },
        ],
      }),
    );
    const demoted: Sentry.Event = { message: '401 for key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' };

    expect(await processEvent(demoted)).toBe(demoted);
    expect(processEvent(demoted)).toBe(demoted);
    // Drops need no breadcrumb.
    expect(processEvent({ message: 'noise' })).toBeNull();
  });

  it('where there is no document (Node), loads what a decision needs at setup: the first decision answers at once', async () => {
    const processEvent = initWith(
      expectedErrorsIntegration({
        rules: [{ id: 'auth', kind: 'auth', action: 'breadcrumb', any: ['401'] }],
      }),
    );
    await vi.dynamicImportSettled();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(processEvent({ message: '401 for key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789' })).toBeNull();
  });

  describe('the rule index, for more than 16 rules or 10 distinct substrings', () => {
    /** Eleven rules, one substring each: more than trying every rule in turn is meant for. */
    const manyAnchors: Rule[] = [
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
      'juliett',
      'kilo',
    ].map((word) => ({ id: word, kind: 'noise', action: 'drop', any: [`${word} failed`] }));
    /** Loading a module the first time includes transforming it (a clean checkout): be patient. */
    const patiently = { timeout: 10_000 };
    /** The index's module, held back until `release()`; `imported` tells whether it was asked for. */
    function holdIndex() {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const state = { imported: false, release };
      vi.doMock('../src/rules/indexed-match.js', async (importOriginal) => {
        state.imported = true;
        await gate;
        return importOriginal();
      });
      return state;
    }
    const freshIntegration = async () => {
      vi.resetModules();
      return (await import('../src/integration/integration.js')).expectedErrorsIntegration;
    };

    it('decides at once, every rule tried in turn, and moves to the index once it has loaded', async () => {
      const index = holdIndex();
      const integration = (await freshIntegration())({ rules: manyAnchors });
      const processEvent = initWith(integration);

      await vi.waitFor(() => expect(index.imported).toBe(true), patiently);
      expect(integration.getClassifier().stats).toMatchObject({ anchors: 11, states: 0 });
      expect(await processEvent({ message: 'hotel failed' })).toBeNull();
      const unclaimed = { message: 'lima failed' };
      expect(await processEvent(unclaimed)).toBe(unclaimed);

      index.release();
      await vi.waitFor(() => expect(integration.getClassifier().stats.states).toBeGreaterThan(0), patiently);
      expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(
        manyAnchors.map((rule) => rule.id),
      );
      expect(processEvent({ message: 'hotel failed' })).toBeNull();
      expect(processEvent({ message: 'ALPHA failed' })).toEqual({ message: 'ALPHA failed' });
      expect(processEvent(unclaimed)).toBe(unclaimed);
    });

    it('never loads it for a few anchors; a setRules with many loads it then', async () => {
      const index = holdIndex();
      const integration = (await freshIntegration())({ rules: manyAnchors.slice(0, 10) });
      const processEvent = initWith(integration);
      await Sentry.flush(100);

      expect(index.imported).toBe(false);
      expect(integration.getClassifier().stats).toMatchObject({ anchors: 10, states: 0 });
      expect(await processEvent({ message: 'foxtrot failed' })).toBeNull();

      const result = integration.setRules(manyAnchors);
      expect(result.ok && (await result.applied)).toBe(true);
      await vi.waitFor(() => expect(index.imported).toBe(true), patiently);
      expect(processEvent({ message: 'golf failed' })).toBeNull();
      index.release();
      await vi.waitFor(() => expect(integration.getClassifier().stats.states).toBeGreaterThan(0), patiently);
    });

    it('loads it for more than 16 rules, even without a substring', async () => {
      const index = holdIndex();
      const byStatus: Rule[] = Array.from({ length: 17 }, (_, offset) => ({
        id: `status-${400 + offset}`,
        kind: 'client_error',
        action: 'drop',
        status: 400 + offset,
      }));
      const integration = (await freshIntegration())({ rules: byStatus });
      const processEvent = initWith(integration);
      await vi.waitFor(() => expect(index.imported).toBe(true), patiently);
      expect(await processEvent({ message: 'x', tags: { status: '416' } })).toBeNull();
      index.release();
      await vi.dynamicImportSettled();
      await vi.waitFor(
        () => expect(processEvent({ message: 'y', tags: { status: '416' } })).toBeNull(),
        patiently,
      );
      const unclaimed = { message: 'z', tags: { status: '500' } };
      expect(processEvent(unclaimed)).toBe(unclaimed);
    });

    it('keeps rules a later setRules brought: the index only ever speeds up the rules in use', async () => {
      // Every compilation in slices is recorded and held until `slice()`, so the test decides what runs first.
      let slice: () => void = () => undefined;
      const slicing = new Promise<void>((resolve) => {
        slice = resolve;
      });
      const runs: Promise<unknown>[] = [];
      vi.doMock('../src/integration/compile-in-slices.js', async (importOriginal) => {
        const original = await importOriginal<typeof import('../src/integration/compile-in-slices.js')>();
        return {
          ...original,
          runInSlices: ((steps, shouldStop) => {
            const run = slicing.then(() => original.runInSlices(steps, shouldStop));
            runs.push(run);
            return run;
          }) satisfies typeof original.runInSlices,
        };
      });
      // Too many rules to index in one slice: the move to the index runs between events.
      const large: Rule[] = Array.from({ length: 10_000 }, (_, index) => ({
        id: `large-${index}`,
        kind: 'noise',
        action: 'drop',
        any: [`large noise number ${index}`],
      }));
      const integration = (await freshIntegration())({ rules: large });
      const processEvent = initWith(integration);
      // The index loads, and the move to it waits for its first slice.
      await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0), patiently);
      const [moveToIndex] = runs;

      const replacement: Rule[] = [{ id: 'other', kind: 'other', action: 'drop', any: ['other'] }];
      const result = integration.setRules(replacement);
      slice();
      expect(result.ok && (await result.applied)).toBe(true);
      expect(await moveToIndex).toEqual({ status: 'cancelled' });
      expect(integration.getClassifier().rules.map((rule) => rule.id)).toEqual(['other']);
      const formerlyDropped = { message: 'large noise number 7' };
      expect(processEvent(formerlyDropped)).toBe(formerlyDropped);
    });

    it('gives a setRules of thousands of rules the index before taking them on; without it, takes them on all the same', async () => {
      const index = holdIndex();
      const integration = (await freshIntegration())({
        rules: [{ id: 'old', kind: 'old', action: 'drop', any: ['old'] }],
      });
      const processEvent = initWith(integration);
      const thousands: Rule[] = Array.from({ length: 2_000 }, (_, offset) => ({
        id: `new-${offset}`,
        kind: 'new',
        action: 'drop',
        any: [`new noise number ${offset}`],
      }));
      const result = integration.setRules(thousands);
      expect(result.ok).toBe(true);
      await vi.waitFor(() => expect(index.imported).toBe(true), patiently);
      // The old rules decide while the index loads.
      expect(processEvent({ message: 'old' })).toBeNull();
      index.release();
      expect(result.ok && (await result.applied)).toBe(true);
      expect(integration.getClassifier().stats).toMatchObject({ rules: 2_000, states: expect.any(Number) });
      expect(integration.getClassifier().stats.states).toBeGreaterThan(0);
      expect(processEvent({ message: 'new noise number 1999' })).toBeNull();

      vi.doUnmock('../src/rules/indexed-match.js');
      vi.doMock('../src/rules/indexed-match.js', () => {
        throw new Error('Failed to fetch dynamically imported module');
      });
      const offline = (await freshIntegration())({ rules: [] });
      initWith(offline);
      const taken = offline.setRules(thousands);
      expect(taken.ok && (await taken.applied)).toBe(true);
      expect(offline.getClassifier().stats).toMatchObject({ rules: 2_000, states: 0 });
    });

    it('keeps trying every rule in turn when the index cannot load: the same decisions', async () => {
      vi.doMock('../src/rules/indexed-match.js', () => {
        throw new Error('Failed to fetch dynamically imported module');
      });
      const warnings = vi.spyOn(debug, 'warn');
      const integration = (await freshIntegration())({ rules: manyAnchors });
      initWith(integration);

      Sentry.captureException(new Error('delta failed'));
      Sentry.captureException(new Error('a real bug'));
      await Sentry.flush(2_000);

      expect(capture.events().map((event) => event.exception?.values?.[0]?.value)).toEqual(['a real bug']);
      expect(integration.getClassifier().stats.states).toBe(0);
      expect(warnings.mock.calls.map((call) => String(call[0])).join('\n')).toContain(
        'Could not load the rule index; every rule is tried in turn',
      );
    });
  });
});
