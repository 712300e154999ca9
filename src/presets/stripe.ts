import type { Rule } from '../rules/types.js';
import {
  checkRunsOn,
  type DemotingAction,
  detectRunsOn,
  type KindChoices,
  kindPackRules,
  type RunsOn,
} from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

const PACK = 'stripeRules';

/** The kinds `stripeRules` demotes. */
export const STRIPE_KINDS = ['transient_upstream', 'card_declined', 'connection_failed'] as const;

/** One of `STRIPE_KINDS`. */
export type StripeKind = (typeof STRIPE_KINDS)[number];

/** Options of `stripeRules`. */
export interface StripeOptions {
  /** What the demoting rules do with a match. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** Per kind: another action, or `false` to leave that kind out (e.g. `{ card_declined: false }`). */
  readonly kinds?: KindChoices<StripeKind>;
  /**
   * Where the app runs: on a `device` a failed connection to Stripe (`connection_failed`) is the user's
   * network (demoted); on a `server` it is the app's own egress, proxy or DNS (it passes).
   * @default 'device' where `document`, `process.versions.electron` or Tauri's globals exist, else 'server'
   */
  readonly runsOn?: RunsOn;
}

/**
 * The `stripe` Node library. Its errors keep the name `Error` (the class is in `error.type`), so the
 * rules read Stripe's own messages: a rate limit (`rate_limit`, `lock_timeout`) or a 5xx `api_error`
 * is `transient_upstream`, a declined card (`card_error`) is the customer's state, `card_declined`, and
 * on a device (`runsOn`) `StripeConnectionError` is `connection_failed`.
 *
 * Guards (`report`): `StripeAuthenticationError` (an invalid, expired or revoked key: kind
 * `provider_key_rejected`) and `StripePermissionError` (a restricted key without the permission: kind
 * `permission_denied`). Left alone: `StripeInvalidRequestError` (a missing resource, an invalid
 * parameter), idempotency and signature-verification errors — bugs in the integration.
 *
 * @example
 * expectedErrorsIntegration({ rules: stripeRules({ kinds: { card_declined: 'drop' } }) });
 */
export function stripeRules(options: StripeOptions = {}): Rule[] {
  checkRunsOn(PACK, options?.runsOn);
  const device = (options?.runsOn ?? detectRunsOn()) === 'device';
  const all = rules().filter((rule) => device || rule.kind !== 'connection_failed');
  return withTaxonomy(kindPackRules(PACK, STRIPE_KINDS, options, all, undefined, ['runsOn']));
}

function rules(): Rule[] {
  return [
    {
      id: 'stripe-authentication-error',
      kind: 'provider_key_rejected',
      action: 'report',
      any: ['Invalid API Key provided: ', 'Expired API Key provided: ', 'You did not provide an API key'],
    },
    {
      id: 'stripe-permission-error',
      kind: 'permission_denied',
      action: 'report',
      any: [
        'The provided key does not have the required permissions',
        'does not have the required permissions for this endpoint',
      ],
    },
    {
      id: 'stripe-rate-limit',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: [
        'Learn more about rate limits here https://stripe.com/docs/rate-limits',
        'because another API request or Stripe process is currently accessing it',
      ],
    },
    {
      id: 'stripe-api-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      any: ['Error: An unknown error occurred'],
      upstream: { type: 'server_error', retryable: true },
    },
    {
      id: 'stripe-card-declined',
      kind: 'card_declined',
      action: 'breadcrumb',
      any: [
        'Your card was declined',
        'Your card has insufficient funds',
        'Your card has expired',
        "Your card's security code is incorrect",
        'Your card number is incorrect',
        'Your card does not support this type of purchase',
      ],
    },
    {
      id: 'stripe-connection-error',
      kind: 'connection_failed',
      action: 'breadcrumb',
      any: ['An error occurred with our connection to Stripe'],
    },
  ];
}
