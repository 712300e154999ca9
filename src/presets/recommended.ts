import { RuleConfigError } from '../errors.js';
import { withRuleIndex } from '../rules/rule-index.js';
import type { Rule } from '../rules/types.js';
import { type AuthSessionOptions, authSessionRules } from './auth-session.js';
import { awsSdkRules } from './aws-sdk.js';
import { byoKeyGuardRules } from './byo-key-guards.js';
import { chatApiRules } from './chat-apis.js';
import { datastoreGuardRules } from './datastore-guards.js';
import { graphqlClientRules } from './graphql-clients.js';
import { checkHostGlobs } from './host-globs.js';
import { type HttpClientOptions, httpClientRules } from './http-client.js';
import { type LlmSdkOptions, llmSdkRules } from './llm-sdk.js';
import { mailRules } from './mail.js';
import {
  checkPackOptions,
  checkRunsOn,
  type DemotingAction,
  detectRunsOn,
  type PresetOptions,
  type RunsOn,
} from './pack-options.js';
import { restApiRules } from './rest-apis.js';
import { sessionExpiredRules } from './session-expired.js';
import { type StripeOptions, stripeRules } from './stripe.js';
import { tokenExpiryRules } from './token-expiry.js';
import { type TransientUpstreamOptions, transientUpstreamRules } from './transient-upstream.js';
import { type WebsocketOptions, websocketRules } from './websocket.js';

const PACK = 'recommendedRules';

/**
 * Options of `recommendedRules`: a default action, and per pack its own options or `false` to leave the
 * pack out. The key-rejection guards (`byoKeyGuardRules`) are always in.
 */
export interface RecommendedOptions {
  /** What every demoting rule does unless its pack's options say otherwise. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /**
   * Where the app runs, for every pack that tells the two apart (`httpClient`, `llmSdk`, `stripe`, `websocket`, and
   * the datastore guards, in on a server only) unless its own options say otherwise: on a `device` a refused, reset or timed-out connection or a failed DNS lookup
   * is the user's network (demoted), on a `server` an outage of the app's own infrastructure (it passes).
   * @default 'device' where `document`, `process.versions.electron` or Tauri's globals exist, else 'server'
   */
  readonly runsOn?: RunsOn;
  /**
   * Host globs of third parties (`*.openai.com`, `api.stripe.com`) whose retryable statuses from generic
   * HTTP clients are demoted (passed to `httpClient` unless it sets its own). Other 5xx pass.
   */
  readonly thirdPartyHosts?: readonly string[];
  readonly httpClient?: HttpClientOptions | false;
  readonly authSession?: AuthSessionOptions | false;
  readonly llmSdk?: LlmSdkOptions | false;
  readonly stripe?: StripeOptions | false;
  readonly graphqlClient?: PresetOptions | false;
  readonly awsSdk?: PresetOptions | false;
  readonly restApi?: PresetOptions | false;
  readonly chatApi?: PresetOptions | false;
  readonly mail?: PresetOptions | false;
  readonly websocket?: WebsocketOptions | false;
  readonly tokenExpiry?: PresetOptions | false;
  /** The database and cache drivers' guards (`datastoreGuardRules`): in on a server, out on a device. */
  readonly datastoreGuards?: false;
  readonly sessionExpired?: PresetOptions | false;
  readonly transientUpstream?: TransientUpstreamOptions | false;
}

type PackName = Exclude<keyof RecommendedOptions, 'action' | 'runsOn' | 'thirdPartyHosts'>;

/** The options `recommendedRules` hands down to the packs that take them, unless a pack sets its own. */
const SHARED: Readonly<Partial<Record<PackName, readonly ('action' | 'runsOn' | 'thirdPartyHosts')[]>>> = {
  httpClient: ['action', 'runsOn', 'thirdPartyHosts'],
  llmSdk: ['action', 'runsOn'],
  stripe: ['action', 'runsOn'],
  websocket: ['action', 'runsOn'],
};

/** The packs in the order their demoting rules are listed: library-specific first, generic last. */
const PACKS: Readonly<Record<PackName, (options: never) => Rule[]>> = {
  httpClient: httpClientRules,
  authSession: authSessionRules,
  llmSdk: llmSdkRules,
  stripe: stripeRules,
  graphqlClient: graphqlClientRules,
  awsSdk: awsSdkRules,
  restApi: restApiRules,
  chatApi: chatApiRules,
  mail: mailRules,
  websocket: websocketRules,
  tokenExpiry: tokenExpiryRules,
  datastoreGuards: () => datastoreGuardRules(),
  sessionExpired: sessionExpiredRules,
  transientUpstream: transientUpstreamRules,
};

/**
 * The rule set that is safe for any app: every built-in pack, guards first (a rejected key, a quota or
 * billing failure, a 403, a bad token signature, a content-policy refusal, rejected cloud credentials and,
 * on a server, a database or cache driver's error always reach Sentry), then the library packs (HTTP
 * clients, token and session libraries, LLM SDKs, Stripe, GraphQL clients, AWS SDK, REST APIs, chat APIs,
 * mail, websockets, token-expiry wordings), then the generic session and transient packs. No rule of it shadows another and no pack claims another's examples.
 *
 * @example
 * Sentry.init({ dsn, integrations: [expectedErrorsIntegration({ rules: recommendedRules() })] });
 * recommendedRules({ action: 'drop', stripe: false, httpClient: { kinds: { dns_failure: false } } });
 * recommendedRules({ runsOn: 'device', thirdPartyHosts: ['*.openai.com', 'api.stripe.com'] });
 */
export function recommendedRules(options: RecommendedOptions = {}): Rule[] {
  checkPackOptions(PACK, options, ['action', 'runsOn', 'thirdPartyHosts', ...Object.keys(PACKS)]);
  checkRunsOn(PACK, options.runsOn);
  checkHostGlobs(PACK, 'thirdPartyHosts', options.thirdPartyHosts);
  const shared = {
    action: options.action,
    runsOn: options.runsOn ?? detectRunsOn(),
    thirdPartyHosts: options.thirdPartyHosts,
  };
  const packs = Object.entries(PACKS).flatMap(([name, build]) => {
    const packOptions = options[name as PackName];
    if (packOptions === false) return [];
    if (packOptions !== undefined && (typeof packOptions !== 'object' || packOptions === null)) {
      throw RuleConfigError.forOption(
        PACK,
        name,
        'must be the options of that pack, or false to leave it out',
      );
    }
    // A database or cache driver's error is the app's own infrastructure on a server only.
    if (name === 'datastoreGuards' && shared.runsOn === 'device') return [];
    const inherited: Record<string, unknown> = { ...packOptions };
    for (const key of SHARED[name as PackName] ?? ['action']) {
      if (inherited[key] === undefined && shared[key] !== undefined) inherited[key] = shared[key];
    }
    return [build(inherited as never)];
  });
  const rules = [byoKeyGuardRules(), ...packs].flat();
  // Too many rules to try each in turn: they bring the rule index (an app that uses this pack passes none).
  return withRuleIndex([
    ...rules.filter((rule) => rule.action === 'report'),
    ...rules.filter((rule) => rule.action !== 'report'),
  ]);
}
