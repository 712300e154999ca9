import * as Sentry from '@sentry/node';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectedErrorsIntegration,
  llmSdkRules,
  patternSafety,
  type Rule,
  RuleConfigError,
  recommendedRules,
  ruleIndex,
  rulesFromJson,
  transientUpstreamRules,
  upstreamTaxonomy,
} from '../../src/index.js';
import { type Capture, captureTransport } from '../helpers/capture-transport.js';

afterEach(async () => {
  await Sentry.close();
});

let capture: Capture;
function initWith(
  integration: ReturnType<typeof expectedErrorsIntegration>,
  options: Sentry.NodeOptions = {},
) {
  capture = captureTransport();
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: capture.transport,
    integrations: [integration],
    sendClientReports: true,
    ...options,
  });
  const client = Sentry.getClient() as Sentry.NodeClient;
  const installed = client.getIntegrationByName('ExpectedErrors');
  if (!installed?.processEvent) throw new Error('the integration is not installed');
  const processEvent = installed.processEvent.bind(installed);
  return { client, processEvent: (event: Sentry.Event) => processEvent(event, {}, client) };
}

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
const lastValues = (events: Sentry.Event[]) => events.map((event) => event.exception?.values?.at(-1)?.value);

describe('expectedErrorsIntegration: decided at once', () => {
  it('returns the event or null, never a promise, from the first event on: drop, demotion, guard, no match', () => {
    const { processEvent } = initWith(
      expectedErrorsIntegration({
        rules: [
          { id: 'guard', kind: 'byo_key', action: 'report', all: ['invalid_api_key'] },
          { id: 'noise', kind: 'noise', action: 'drop', all: ['noise'] },
          { id: 'expired', kind: 'session_expired', action: 'breadcrumb', all: ['Session expired'] },
        ],
      }),
    );
    const guarded = { message: 'noise: invalid_api_key' };
    const unclaimed = { message: 'TypeError: x is undefined' };

    expect(processEvent({ message: 'noise' })).toBeNull();
    expect(processEvent({ message: 'Session expired for user 42' })).toBeNull();
    expect(processEvent(guarded)).toBe(guarded);
    expect(processEvent(unclaimed)).toBe(unclaimed);
  });

  it('runs its processor before every other, so the SDK enriches no event it drops', () => {
    const { client } = initWith(expectedErrorsIntegration({ rules: [] }));

    const ids = client.getEventProcessors().map((processor) => (processor as { id?: string }).id);
    expect(ids[0]).toBe('ExpectedErrors');
    expect(ids.filter((id) => id === 'ExpectedErrors')).toHaveLength(1);
    expect(ids.length).toBeGreaterThan(1);
  });

  it('leaves the demotion breadcrumb on the scope before captureException returns: a bug captured in the same tick carries it', async () => {
    initWith(
      expectedErrorsIntegration({
        rules: [{ id: 'expired', kind: 'session_expired', action: 'breadcrumb', all: ['Session expired'] }],
      }),
    );

    Sentry.captureException(new Error('Session expired for user 42'));
    Sentry.captureException(new TypeError("Cannot read properties of undefined (reading 'id')"));
    await Sentry.flush(2_000);

    const [bug] = capture.events();
    expect(lastValues(capture.events())).toEqual(["Cannot read properties of undefined (reading 'id')"]);
    expect(bug?.breadcrumbs?.map((breadcrumb) => breadcrumb.message)).toContain(
      'session_expired: Error: Session expired for user 42',
    );
  });
});

describe('expectedErrorsIntegration: the upstream taxonomy, brought by what the app imports', () => {
  it("decides a built-in pack's `upstream` rules with the taxonomy the pack carries: a retryable 429 is demoted, a billing 429 is sent", async () => {
    initWith(expectedErrorsIntegration({ rules: transientUpstreamRules({ action: 'drop' }) }));

    Sentry.captureException(rateLimited());
    Sentry.captureException(quotaExhausted());
    await Sentry.flush(2_000);
    await Sentry.flush(2_000);

    expect(lastValues(capture.events())).toEqual([
      '429 You exceeded your current quota, please check your plan and billing details.',
    ]);
    expect(capture.discardedCount('event_processor')).toBe(1);
  });

  it('decides your own `upstream` rules (or rules from JSON) with `taxonomy: upstreamTaxonomy`', async () => {
    const rules = rulesFromJson(JSON.stringify([transientByTaxonomy]));
    initWith(expectedErrorsIntegration({ rules, taxonomy: upstreamTaxonomy }));

    Sentry.captureException(rateLimited());
    Sentry.captureException(quotaExhausted());
    await Sentry.flush(2_000);

    expect(lastValues(capture.events())).toEqual([
      '429 You exceeded your current quota, please check your plan and billing details.',
    ]);
  });

  it('refuses an `upstream` rule without the taxonomy at construction, naming the rule and the import', () => {
    expect(() => expectedErrorsIntegration({ rules: [transientByTaxonomy] })).toThrowError(RuleConfigError);
    expect(() => expectedErrorsIntegration({ rules: [transientByTaxonomy] })).toThrowError(
      /rule #0 \("retryable-rate-limit"\): `upstream` needs the upstream taxonomy: .*sentry-expected-errors\/upstream/,
    );
    expect(() => expectedErrorsIntegration({ upstreamTags: 'tag' })).toThrowError(
      /`upstreamTags` needs the upstream taxonomy/,
    );
    expect(() => expectedErrorsIntegration({ taxonomy: {} as never })).toThrowError(
      /`taxonomy` must be `upstreamTaxonomy`/,
    );
  });

  it('refuses a setRules that brings an `upstream` rule the taxonomy never came with; the rules in use stay', () => {
    const integration = expectedErrorsIntegration({
      rules: [{ id: 'noise', kind: 'noise', action: 'drop', all: ['noise'] }],
    });
    const { processEvent } = initWith(integration);

    const result = integration.setRules([transientByTaxonomy]);

    expect(result.ok).toBe(false);
    expect(processEvent({ message: 'noise' })).toBeNull();
  });

  it("tags sent events with `upstreamTags: 'tag'` and the taxonomy", () => {
    const { processEvent } = initWith(
      expectedErrorsIntegration({ upstreamTags: 'tag', taxonomy: upstreamTaxonomy }),
    );

    const event = processEvent({
      exception: {
        values: [{ type: 'Error', value: 'Anthropic API error (529): {"type":"overloaded_error"}' }],
      },
    });

    expect((event as Sentry.Event | null)?.tags).toEqual({
      'upstream.type': 'overloaded',
      'upstream.retryable': 'true',
    });
  });
});

describe('expectedErrorsIntegration: the pattern check, brought by what the app imports', () => {
  const byPattern: Rule = { id: 'by-pattern', kind: 'noise', action: 'drop', pattern: /^Error: 5\d\d /m };

  it('refuses a rule of your own with a `pattern` without the check, naming the rule and the import', () => {
    expect(() => expectedErrorsIntegration({ rules: [byPattern] })).toThrowError(
      /rule #0 \("by-pattern"\): `pattern` needs pattern support: pass `patterns: patternSafety`/,
    );
    expect(() => expectedErrorsIntegration({ patterns: {} as never })).toThrowError(
      /`patterns` must be `patternSafety`/,
    );
  });

  it('decides it with `patterns: patternSafety`, and still refuses a pattern no automaton can match', () => {
    const { processEvent } = initWith(
      expectedErrorsIntegration({ rules: [byPattern], patterns: patternSafety }),
    );

    expect(processEvent({ message: 'Error: 503 upstream' })).toBeNull();
    expect(() =>
      expectedErrorsIntegration({
        rules: [{ id: 'evil', kind: 'noise', action: 'drop', pattern: /(a+)b\1/ }],
        patterns: patternSafety,
      }),
    ).toThrowError(/rule #0 \("evil"\): `pattern` has a backreference/);
  });

  it("decides a built-in pack's pattern rule with the check the pack carries", () => {
    const integration = expectedErrorsIntegration({ rules: llmSdkRules({ action: 'drop' }) });
    const { processEvent } = initWith(integration);
    const event = () => ({ exception: { values: [{ type: 'Error', value: '502 status code (no body)' }] } });

    expect(integration.getClassifier().classify(event())?.rule).toBe('llm-sdk-transient-status');
    expect(processEvent(event())).toBeNull();
  });
});

describe('expectedErrorsIntegration: large rule sets', () => {
  const words = [
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
  ];
  const manyAnchors: Rule[] = words.map((word) => ({
    id: word,
    kind: 'noise',
    action: 'drop',
    any: [`${word} failed`],
  }));

  it('tries every rule in turn for a few anchors, and uses the index for more when given: the same decisions', () => {
    const few = expectedErrorsIntegration({ rules: manyAnchors.slice(0, 10), index: ruleIndex });
    const many = expectedErrorsIntegration({ rules: manyAnchors, index: ruleIndex });
    const manyWithoutIndex = expectedErrorsIntegration({ rules: manyAnchors });

    expect(few.getClassifier().stats).toMatchObject({ anchors: 10, states: 0 });
    expect(many.getClassifier().stats.states).toBeGreaterThan(0);
    expect(manyWithoutIndex.getClassifier().stats).toMatchObject({ anchors: manyAnchors.length, states: 0 });
    for (const integration of [few, many, manyWithoutIndex]) {
      const { processEvent } = initWith(integration);
      const unclaimed = { message: 'lima failed' };
      expect(processEvent({ message: 'foxtrot failed' })).toBeNull();
      expect(processEvent(unclaimed)).toBe(unclaimed);
    }
  });

  it('uses the index recommendedRules() brings, also given to setRules', async () => {
    expect(
      expectedErrorsIntegration({ rules: recommendedRules() }).getClassifier().stats.states,
    ).toBeGreaterThan(0);
    const integration = expectedErrorsIntegration({ rules: manyAnchors.slice(0, 1) });
    expect(integration.getClassifier().stats.states).toBe(0);
    const result = integration.setRules(recommendedRules());
    expect(result.ok && (await result.applied)).toBe(true);
    expect(integration.getClassifier().stats.states).toBeGreaterThan(0);
  });

  it('refuses an index option that is not ruleIndex', () => {
    expect(() => expectedErrorsIntegration({ index: {} as typeof ruleIndex })).toThrow(
      /`index` must be `ruleIndex`/,
    );
  });

  it('compiles a setRules of thousands of rules in slices, the rules in use deciding until it is applied', async () => {
    const integration = expectedErrorsIntegration({ rules: manyAnchors.slice(0, 1), index: ruleIndex });
    const { processEvent } = initWith(integration);
    const thousands: Rule[] = Array.from({ length: 20_000 }, (_, index) => ({
      id: `rule-${index}`,
      kind: 'noise',
      action: 'drop',
      all: [`failure number ${index} happened`],
    }));

    const result = integration.setRules(thousands);
    expect(result.ok).toBe(true);
    // Not applied yet: the old rules decide.
    expect(processEvent({ message: 'alpha failed' })).toBeNull();
    expect(result.ok && (await result.applied)).toBe(true);
    expect(processEvent({ message: 'failure number 19999 happened' })).toBeNull();
    expect(processEvent({ message: 'alpha failed' })).toEqual({ message: 'alpha failed' });
  });
});
