import { describe, expect, it } from 'vitest';
import {
  authSessionRules,
  awsSdkRules,
  byoKeyGuardRules,
  chatApiRules,
  checkRules,
  createClassifier,
  datastoreGuardRules,
  graphqlClientRules,
  HTTP_CLIENT_KINDS,
  httpClientRules,
  llmSdkRules,
  mailRules,
  type Rule,
  RuleConfigError,
  recommendedRules,
  restApiRules,
  sessionExpiredRules,
  stripeRules,
  tokenExpiryRules,
  transientUpstreamRules,
  websocketRules,
} from '../../src/index.js';
import { withBuiltInDocs } from '../../src/presets/docs/index.js';

/** Every pack of the recommended set, by name, with its default options. */
const PACKS: Readonly<Record<string, () => Rule[]>> = {
  byoKeyGuardRules,
  httpClientRules: () => httpClientRules(),
  authSessionRules: () => authSessionRules(),
  llmSdkRules: () => llmSdkRules(),
  stripeRules: () => stripeRules(),
  graphqlClientRules: () => graphqlClientRules(),
  awsSdkRules: () => awsSdkRules(),
  restApiRules: () => restApiRules(),
  chatApiRules: () => chatApiRules(),
  mailRules: () => mailRules(),
  websocketRules: () => websocketRules(),
  tokenExpiryRules: () => tokenExpiryRules(),
  // On a server (Node, where this runs) recommendedRules includes the datastore guards.
  datastoreGuardRules,
  sessionExpiredRules: () => sessionExpiredRules(),
  transientUpstreamRules: () => transientUpstreamRules(),
};

function thrownBy(action: () => unknown): RuleConfigError {
  try {
    action();
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
}

describe('recommendedRules', () => {
  it('is every pack, guards first, with no rule shadowed and no example decided by another rule', () => {
    const rules = recommendedRules();
    const expected = Object.values(PACKS).flatMap((pack) => pack());
    expect(rules.map((rule) => rule.id).sort()).toEqual(expected.map((rule) => rule.id).sort());
    const firstDemoting = rules.findIndex((rule) => rule.action !== 'report');
    expect(rules.slice(firstDemoting).some((rule) => rule.action === 'report')).toBe(false);
    expect(firstDemoting).toBeGreaterThan(5);
    const report = checkRules(rules);
    expect(report.problems).toEqual([]);
    expect(report.examples).toBeGreaterThan(150);
  });

  it.each(Object.keys(PACKS))('lets no other pack claim an example of %s', (name) => {
    expect.hasAssertions();
    const ownIds = new Set((PACKS[name] as () => Rule[])().map((rule) => rule.id));
    const classifier = createClassifier({ rules: recommendedRules() });
    for (const rule of withBuiltInDocs((PACKS[name] as () => Rule[])()) as Rule[]) {
      for (const example of rule.examples?.match ?? []) {
        const decided = classifier.classifyExample(example);
        const text = typeof example === 'string' ? example : example.text;
        expect([text, ownIds.has(decided?.rule ?? '')]).toEqual([text, true]);
      }
    }
  });

  it('applies its action to every demoting rule, and a pack option over it', () => {
    const rules = recommendedRules({ action: 'drop', stripe: { action: 'breadcrumb' } });
    const stripeIds = new Set(stripeRules().map((rule) => rule.id));
    for (const rule of rules) {
      if (rule.action === 'report') continue;
      expect([rule.id, rule.action]).toEqual([rule.id, stripeIds.has(rule.id ?? '') ? 'breadcrumb' : 'drop']);
    }
  });

  it('leaves a pack out when its option is false, never the key guards', () => {
    const rules = recommendedRules({ stripe: false, llmSdk: false });
    const ids = new Set(rules.map((rule) => rule.id));
    for (const rule of [...stripeRules(), ...llmSdkRules()]) expect(ids.has(rule.id)).toBe(false);
    for (const rule of byoKeyGuardRules()) expect(ids.has(rule.id)).toBe(true);
  });

  it.each([
    [{ action: 'ignore' }, "recommendedRules: `action` must be 'drop' or 'breadcrumb' (got \"ignore\")"],
    [{ actions: 'drop' }, 'recommendedRules: `actions` is not an option of recommendedRules'],
    [{ stripe: 'off' }, 'recommendedRules: `stripe` must be the options of that pack, or false'],
    [{ stripe: { kinds: { card_declined: 'report' } } }, 'stripeRules: `kinds.card_declined` must be'],
    [
      { transientUpstream: { statuses: [429, 600] } },
      'transientUpstreamRules: `statuses[1]` must be an HTTP status, an integer in 100–599 (got 600)',
    ],
  ])('refuses %j with a RuleConfigError naming the pack and option', (options, message) => {
    const error = thrownBy(() => recommendedRules(options as never));
    expect(error.message).toContain(message);
    expect(error.ruleIndex).toBe(-1);
  });
});

describe('pack options', () => {
  it.each([
    ['httpClientRules', () => httpClientRules({ action: 'report' as never }), 'httpClientRules', 'action'],
    [
      'httpClientRules',
      () => httpClientRules({ kinds: { dns: 'drop' } as never }),
      'httpClientRules',
      'kinds.dns',
    ],
    ['httpClientRules', () => httpClientRules({ timeout: 5 } as never), 'httpClientRules', 'timeout'],
    [
      'authSessionRules',
      () => authSessionRules({ kinds: { session_expired: true } as never }),
      'authSessionRules',
      'kinds.session_expired',
    ],
    ['llmSdkRules', () => llmSdkRules('drop' as never), 'llmSdkRules', 'options'],
    ['stripeRules', () => stripeRules({ kinds: [] as never }), 'stripeRules', 'kinds'],
    [
      'sessionExpiredRules',
      () => sessionExpiredRules({ action: 'Drop' as never }),
      'sessionExpiredRules',
      'action',
    ],
    [
      'transientUpstreamRules',
      () => transientUpstreamRules({ statuses: [99] }),
      'transientUpstreamRules',
      'statuses[0]',
    ],
    [
      'transientUpstreamRules',
      () => transientUpstreamRules({ statuses: [429.5] }),
      'transientUpstreamRules',
      'statuses[0]',
    ],
    [
      'transientUpstreamRules',
      () => transientUpstreamRules({ statuses: [] }),
      'transientUpstreamRules',
      'statuses',
    ],
  ])('%s refuses a nonsense option: %s', (_name, call, pack, option) => {
    const error = thrownBy(call);
    expect(error.field).toBe(option);
    expect(error.message.startsWith(`${pack}: \`${option}\` `)).toBe(true);
  });

  it('gives each kind of httpClientRules its own action, or leaves it out', () => {
    const rules = httpClientRules({
      action: 'drop',
      runsOn: 'device',
      kinds: { dns_failure: false, http_not_found: 'breadcrumb' },
    });
    expect(rules.some((rule) => rule.kind === 'dns_failure')).toBe(false);
    expect(
      new Set(rules.filter((rule) => rule.kind === 'http_not_found').map((rule) => rule.action)),
    ).toEqual(new Set(['breadcrumb']));
    expect(
      rules.filter((rule) => rule.kind === 'http_forbidden').every((rule) => rule.action === 'report'),
    ).toBe(true);
    const demotedKinds = new Set(rules.filter((rule) => rule.action !== 'report').map((rule) => rule.kind));
    expect([...demotedKinds].sort()).toEqual(
      HTTP_CLIENT_KINDS.filter((kind) => kind !== 'dns_failure').sort(),
    );
  });

  it('drops an aborted request by default, and demotes it when told', () => {
    const aborted = (rules: Rule[]) =>
      rules.filter((rule) => rule.kind === 'request_aborted').map((rule) => rule.action);
    expect(new Set(aborted(httpClientRules()))).toEqual(new Set(['drop']));
    expect(new Set(aborted(llmSdkRules({ kinds: { request_aborted: 'breadcrumb' } })))).toEqual(
      new Set(['breadcrumb']),
    );
  });
});
