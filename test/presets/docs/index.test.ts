import { describe, expect, it } from 'vitest';
import {
  authSessionRules,
  awsSdkRules,
  byoKeyGuardRules,
  chatApiRules,
  checkRules,
  datastoreGuardRules,
  graphqlClientRules,
  httpClientRules,
  llmSdkRules,
  mailRules,
  type Rule,
  recommendedRules,
  restApiRules,
  sessionExpiredRules,
  stripeRules,
  tokenExpiryRules,
  transientUpstreamRules,
  websocketRules,
} from '../../../src/index.js';
import { AUTH_SESSION_DOCS } from '../../../src/presets/docs/auth-session.js';
import { AWS_SDK_DOCS } from '../../../src/presets/docs/aws-sdk.js';
import { BROWSER_NETWORK_DOCS } from '../../../src/presets/docs/browser-network.js';
import { BYO_KEY_GUARDS_DOCS } from '../../../src/presets/docs/byo-key-guards.js';
import { CHAT_APIS_DOCS } from '../../../src/presets/docs/chat-apis.js';
import { DATASTORE_GUARDS_DOCS } from '../../../src/presets/docs/datastore-guards.js';
import { GRAPHQL_CLIENTS_DOCS } from '../../../src/presets/docs/graphql-clients.js';
import { HTTP_CLIENT_DOCS } from '../../../src/presets/docs/http-client.js';
import { HTTP_CLIENT_NETWORK_DOCS } from '../../../src/presets/docs/http-client-network.js';
import { BUILT_IN_RULE_DOCS, withBuiltInDocs } from '../../../src/presets/docs/index.js';
import { LLM_SDK_DOCS } from '../../../src/presets/docs/llm-sdk.js';
import { LLM_SDK_GUARDS_DOCS } from '../../../src/presets/docs/llm-sdk-guards.js';
import { MAIL_DOCS } from '../../../src/presets/docs/mail.js';
import { REST_APIS_DOCS } from '../../../src/presets/docs/rest-apis.js';
import { SESSION_EXPIRED_DOCS } from '../../../src/presets/docs/session-expired.js';
import { STRIPE_DOCS } from '../../../src/presets/docs/stripe.js';
import { TOKEN_EXPIRY_DOCS } from '../../../src/presets/docs/token-expiry.js';
import { TRANSIENT_UPSTREAM_DOCS } from '../../../src/presets/docs/transient-upstream.js';
import { WEBSOCKET_DOCS } from '../../../src/presets/docs/websocket.js';

/** Every rule a built-in pack can build: both `runsOn`, with third-party hosts. */
const everyBuiltInRule = (): Rule[] => [
  ...byoKeyGuardRules(),
  ...sessionExpiredRules(),
  ...transientUpstreamRules(),
  ...authSessionRules(),
  ...stripeRules({ runsOn: 'device' }),
  ...stripeRules({ runsOn: 'server' }),
  ...llmSdkRules({ runsOn: 'device' }),
  ...llmSdkRules({ runsOn: 'server' }),
  ...httpClientRules({ runsOn: 'device', thirdPartyHosts: ['*.openai.com'] }),
  ...httpClientRules({ runsOn: 'server' }),
  ...graphqlClientRules(),
  ...awsSdkRules(),
  ...restApiRules(),
  ...chatApiRules(),
  ...mailRules(),
  ...websocketRules({ runsOn: 'device' }),
  ...websocketRules({ runsOn: 'server' }),
  ...tokenExpiryRules(),
  ...datastoreGuardRules(),
];

/** The rule whose description and examples name the app's own hosts: it carries them itself. */
const CARRIES_ITS_OWN = 'http-client-third-party-transient';

describe('BUILT_IN_RULE_DOCS', () => {
  it('describes every built-in rule with at least one match example', () => {
    for (const rule of everyBuiltInRule()) {
      if (rule.id === CARRIES_ITS_OWN) continue;
      const docs = BUILT_IN_RULE_DOCS[rule.id ?? ''];
      expect([rule.id, docs?.description.length ?? 0]).not.toEqual([rule.id, 0]);
      expect([rule.id, docs?.examples.match?.length ?? 0]).not.toEqual([rule.id, 0]);
    }
  });

  it('holds no entry for a rule no pack builds', () => {
    const ids = new Set(everyBuiltInRule().map((rule) => rule.id));
    expect(Object.keys(BUILT_IN_RULE_DOCS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('takes each id from one pack only (a second entry would hide the first)', () => {
    const packs = [
      AUTH_SESSION_DOCS,
      BROWSER_NETWORK_DOCS,
      BYO_KEY_GUARDS_DOCS,
      HTTP_CLIENT_DOCS,
      HTTP_CLIENT_NETWORK_DOCS,
      LLM_SDK_DOCS,
      LLM_SDK_GUARDS_DOCS,
      SESSION_EXPIRED_DOCS,
      STRIPE_DOCS,
      TRANSIENT_UPSTREAM_DOCS,
      AWS_SDK_DOCS,
      CHAT_APIS_DOCS,
      DATASTORE_GUARDS_DOCS,
      GRAPHQL_CLIENTS_DOCS,
      MAIL_DOCS,
      REST_APIS_DOCS,
      TOKEN_EXPIRY_DOCS,
      WEBSOCKET_DOCS,
    ];
    const ids = packs.flatMap((docs) => Object.keys(docs));
    expect(ids.length).toBe(new Set(ids).size);
    expect(Object.keys(BUILT_IN_RULE_DOCS).length).toBe(ids.length);
  });

  it('is not in the rules the packs build (an app deciding events never bundles it)', () => {
    const carrying = everyBuiltInRule().filter(
      (rule) =>
        rule.id !== CARRIES_ITS_OWN && (rule.description !== undefined || rule.examples !== undefined),
    );
    expect(carrying.map((rule) => rule.id)).toEqual([]);
  });
});

describe('withBuiltInDocs', () => {
  it("gives a built-in rule its pack's description and examples", () => {
    const [rule] = withBuiltInDocs(sessionExpiredRules()) as Rule[];
    expect(rule?.description).toBe(SESSION_EXPIRED_DOCS['jwt-expired']?.description);
    expect(rule?.examples).toBe(SESSION_EXPIRED_DOCS['jwt-expired']?.examples);
  });

  it('keeps what a rule brings of its own, and leaves other rules as they are', () => {
    const own = { match: ['jwt expired'] };
    const mine: Rule = { id: 'mine', kind: 'mine', action: 'drop', any: ['x'] };
    const [withOwn, other] = withBuiltInDocs([
      { ...sessionExpiredRules()[0], description: 'mine', examples: own },
      mine,
    ]) as Rule[];
    expect([withOwn?.description, withOwn?.examples]).toEqual(['mine', own]);
    expect(other).toBe(mine);
  });
});

describe('checkRules', () => {
  it("checks every built-in rule by its pack's examples", () => {
    const report = checkRules(recommendedRules());
    expect(report.problems).toEqual([]);
    expect(report.examples).toBeGreaterThan(150);
  });

  it("reports a built-in rule's example another rule claims", () => {
    const claimer: Rule = { id: 'claims-all', kind: 'other', action: 'drop', any: ['expired'] };
    const report = checkRules([claimer, ...sessionExpiredRules()]);
    expect(report.problems.map((problem) => problem.code)).toContain('example-claimed');
  });
});
