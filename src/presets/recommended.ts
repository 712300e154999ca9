import { RuleConfigError } from '../errors.js';
import type { Rule } from '../rules/types.js';
import { type AuthSessionOptions, authSessionRules } from './auth-session.js';
import { byoKeyGuardRules } from './byo-key-guards.js';
import { type HttpClientOptions, httpClientRules } from './http-client.js';
import { type LlmSdkOptions, llmSdkRules } from './llm-sdk.js';
import { checkPackOptions, type DemotingAction, type PresetOptions } from './pack-options.js';
import { sessionExpiredRules } from './session-expired.js';
import { type StripeOptions, stripeRules } from './stripe.js';
import { type TransientUpstreamOptions, transientUpstreamRules } from './transient-upstream.js';

const PACK = 'recommendedRules';

/**
 * Options of `recommendedRules`: a default action, and per pack its own options or `false` to leave the
 * pack out. The key-rejection guards (`byoKeyGuardRules`) are always in.
 */
export interface RecommendedOptions {
  /** What every demoting rule does unless its pack's options say otherwise. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  readonly httpClient?: HttpClientOptions | false;
  readonly authSession?: AuthSessionOptions | false;
  readonly llmSdk?: LlmSdkOptions | false;
  readonly stripe?: StripeOptions | false;
  readonly sessionExpired?: PresetOptions | false;
  readonly transientUpstream?: TransientUpstreamOptions | false;
}

type PackName = Exclude<keyof RecommendedOptions, 'action'>;

/** The packs in the order their demoting rules are listed: library-specific first, generic last. */
const PACKS: Readonly<Record<PackName, (options: never) => Rule[]>> = {
  httpClient: httpClientRules,
  authSession: authSessionRules,
  llmSdk: llmSdkRules,
  stripe: stripeRules,
  sessionExpired: sessionExpiredRules,
  transientUpstream: transientUpstreamRules,
};

/**
 * The rule set that is safe for any app: every built-in pack, guards first (a rejected key, a quota or
 * billing failure, a 403, a bad token signature, a content-policy refusal always reach Sentry), then the
 * library packs (HTTP clients, token and session libraries, LLM SDKs, Stripe), then the generic session
 * and transient packs. No rule of it shadows another and no pack claims another's examples.
 *
 * @example
 * Sentry.init({ dsn, integrations: [expectedErrorsIntegration({ rules: recommendedRules() })] });
 * recommendedRules({ action: 'drop', stripe: false, httpClient: { kinds: { dns_failure: false } } });
 */
export function recommendedRules(options: RecommendedOptions = {}): Rule[] {
  checkPackOptions(PACK, options, ['action', ...Object.keys(PACKS)]);
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
    const withAction =
      options.action === undefined || packOptions?.action !== undefined
        ? (packOptions ?? {})
        : { ...packOptions, action: options.action };
    return [build(withAction as never)];
  });
  const rules = [byoKeyGuardRules(), ...packs].flat();
  return [
    ...rules.filter((rule) => rule.action === 'report'),
    ...rules.filter((rule) => rule.action !== 'report'),
  ];
}
