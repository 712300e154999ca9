import { describe, expect, it } from 'vitest';
import {
  awsSdkRules,
  chatApiRules,
  checkRules,
  createClassifier,
  datastoreGuardRules,
  graphqlClientRules,
  mailRules,
  type Rule,
  RuleConfigError,
  recommendedRules,
  restApiRules,
  tokenExpiryRules,
  websocketRules,
} from '../../src/index.js';
import { BUILT_IN_RULE_DOCS } from '../../src/presets/docs/index.js';
import { loadLibraryCorpus, rebuildError } from '../helpers/library-corpus.js';

const PACKS: readonly (readonly [string, () => Rule[]])[] = [
  ['graphqlClientRules', () => graphqlClientRules()],
  ['awsSdkRules', () => awsSdkRules()],
  ['restApiRules', () => restApiRules()],
  ['chatApiRules', () => chatApiRules()],
  ['mailRules', () => mailRules()],
  ["websocketRules({ runsOn: 'device' })", () => websocketRules({ runsOn: 'device' })],
  ["websocketRules({ runsOn: 'server' })", () => websocketRules({ runsOn: 'server' })],
  ['tokenExpiryRules', () => tokenExpiryRules()],
  ['datastoreGuardRules', datastoreGuardRules],
];

function configErrorOf(action: () => unknown): RuleConfigError {
  try {
    action();
  } catch (error) {
    if (RuleConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a RuleConfigError');
}

/** The recorded corpus's events of one library, as the live SDK sees them. */
function corpusOf(library: string) {
  return loadLibraryCorpus().filter(({ expectation }) => expectation.library === library);
}

describe('the packs for what apps call', () => {
  it.each(PACKS)('%s pass their own self-test, each rule with examples both ways', (_name, pack) => {
    const rules = pack();
    const report = checkRules(rules);
    expect(report.problems).toEqual([]);
    for (const rule of rules) {
      // The rules carry no docs (an app deciding events never bundles them): checkRules reads them by id.
      const docs = BUILT_IN_RULE_DOCS[rule.id ?? ''];
      expect(docs?.examples?.match?.length, rule.id).toBeGreaterThan(0);
      expect(docs?.examples?.noMatch?.length, rule.id).toBeGreaterThan(0);
      expect(docs?.description, rule.id).toBeTruthy();
    }
    expect(report.examples).toBeGreaterThanOrEqual(rules.length * 2);
  });

  it('apply their action to demoting rules and keep guards as report', () => {
    for (const rule of [...awsSdkRules({ action: 'drop' }), ...restApiRules({ action: 'drop' })]) {
      expect([rule.id, rule.action]).toEqual([
        rule.id,
        ['aws-credentials-rejected', 'aws-access-denied', 'rest-403-quota-exhausted'].includes(rule.id ?? '')
          ? 'report'
          : 'drop',
      ]);
    }
  });

  it('refuse options that make no sense, naming the pack and the option', () => {
    expect(configErrorOf(() => mailRules({ action: 'report' as never })).message).toContain('mailRules');
    expect(configErrorOf(() => graphqlClientRules({ kinds: {} } as never)).message).toContain('`kinds`');
    expect(configErrorOf(() => websocketRules({ runsOn: 'phone' as never })).message).toContain('runsOn');
    expect(configErrorOf(() => recommendedRules({ datastoreGuards: true as never })).message).toContain(
      'datastoreGuards',
    );
  });
});

describe('datastoreGuardRules', () => {
  it("keeps every identified driver error of the corpus in Sentry against an app's broad rules", () => {
    const broad: Rule[] = [
      { id: 'app-timeouts', kind: 'flaky', action: 'drop', any: ['timeout', 'timed out', 'Timeout'] },
      { id: 'app-retryable', kind: 'flaky', action: 'drop', upstream: { retryable: true } },
      { id: 'app-closed', kind: 'flaky', action: 'drop', any: ['closed', 'Too many', 'denied'] },
      {
        id: 'app-types',
        kind: 'flaky',
        action: 'drop',
        exceptionType: ['error', 'Error', 'SqlError', 'ReplyError'],
      },
    ];
    const classifier = createClassifier({ rules: [...broad, ...datastoreGuardRules()] });
    const drivers = ['pg', 'mysql2', 'mariadb', 'ioredis', 'redis', 'mongodb'];
    const guarded = drivers
      .flatMap(corpusOf)
      .filter(({ expectation }) => expectation.kind === 'datastore_error');
    expect(guarded.length).toBeGreaterThan(20);
    for (const record of guarded) {
      const decided = classifier.classify(record.event, { originalException: rebuildError(record.error) });
      expect([record.expectation.file, decided?.action, decided?.kind]).toEqual([
        record.expectation.file,
        'report',
        'datastore_error',
      ]);
    }
  });

  it('are in recommendedRules on a server only', () => {
    const ids = (rules: Rule[]) => new Set(rules.map((rule) => rule.id));
    const guards = datastoreGuardRules().map((rule) => rule.id);
    const server = ids(recommendedRules({ runsOn: 'server' }));
    const device = ids(recommendedRules({ runsOn: 'device' }));
    for (const id of guards) expect([id, server.has(id), device.has(id)]).toEqual([id, true, false]);
    expect(ids(recommendedRules({ runsOn: 'server', datastoreGuards: false })).has(guards[0])).toBe(false);
  });

  it('never claim an HTTP client, LLM SDK or Stripe event of the corpus', () => {
    const classifier = createClassifier({ rules: datastoreGuardRules() });
    const others = loadLibraryCorpus().filter(({ expectation }) => expectation.kind !== 'datastore_error');
    for (const record of others) {
      const decided = classifier.classify(record.event, { originalException: rebuildError(record.error) });
      expect([record.expectation.file, decided?.kind]).toEqual([record.expectation.file, undefined]);
    }
  });
});

describe('websocketRules', () => {
  it('demotes a gateway status at the handshake on a device only, and a 429 on both', () => {
    const event = (status: number) => ({
      exception: { values: [{ type: 'Error', value: `Unexpected server response: ${status}` }] },
    });
    const device = createClassifier({ rules: websocketRules({ runsOn: 'device' }) });
    const server = createClassifier({ rules: websocketRules({ runsOn: 'server' }) });
    expect(device.classify(event(502))?.kind).toBe('transient_upstream');
    expect(server.classify(event(502))).toBeUndefined();
    expect(server.classify(event(429))?.kind).toBe('transient_upstream');
    expect(device.classify(event(500))).toBeUndefined();
  });
});

describe('awsSdkRules', () => {
  it('never demotes a rejected or unauthorized credential of the corpus, even under a broad rule', () => {
    const broad: Rule = {
      id: 'app-expired',
      kind: 'flaky',
      action: 'drop',
      any: ['expired', 'invalid', 'Denied'],
    };
    const classifier = createClassifier({ rules: [broad, ...awsSdkRules()] });
    const records = [...corpusOf('@aws-sdk/client-dynamodb'), ...corpusOf('@aws-sdk/client-s3')].filter(
      ({ expectation }) => expectation.outcome === 'pass' && expectation.kind !== undefined,
    );
    expect(records.length).toBe(6);
    for (const record of records) {
      expect(classifier.classify(record.event)?.action).toBe('report');
    }
  });
});
