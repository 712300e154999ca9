import type { TextMatcherEntry } from '../rules/text-matcher.js';
import type { UpstreamErrorReason, UpstreamErrorType } from './types.js';

/**
 * One thing an error says about itself: a body code, a phrase, a transport code. Each provider reader
 * turns what it finds into signals; `decide` then weighs them against the HTTP status.
 */
export type Signal =
  | 'quota_exhausted'
  | 'quota_exceeded'
  | 'context_overflow'
  | 'request_too_large'
  | 'content_policy'
  | 'model_not_found'
  | 'invalid_api_key'
  | 'permission_denied'
  | 'unauthenticated'
  | 'timeout'
  | 'cancelled'
  | 'tls'
  | 'misconfigured'
  | 'host_not_found'
  | 'rate_limited'
  | 'overloaded'
  | 'server_error'
  | 'network'
  | 'bad_request';

/** What a signal makes of an error. */
export interface SignalOutcome {
  readonly type: UpstreamErrorType;
  readonly reason?: UpstreamErrorReason;
  readonly retryable: boolean;
  /**
   * `true` when the signal names the error's type itself (`overloaded_error`, `API_KEY_INVALID`), so it
   * wins over the status table; `false` when it names a cause and the status keeps deciding the type.
   */
  readonly overridesStatus: boolean;
}

/**
 * Signals from the strongest to the weakest: when an error carries several, the first in this list
 * decides. A cause (quota, context, policy) outranks a symptom (rate limit, overload) because a 429
 * `insufficient_quota` is not worth retrying.
 */
export const SIGNAL_PRIORITY: readonly Signal[] = [
  'quota_exhausted',
  'quota_exceeded',
  'context_overflow',
  'request_too_large',
  'content_policy',
  'model_not_found',
  'invalid_api_key',
  'permission_denied',
  'unauthenticated',
  'timeout',
  'cancelled',
  'tls',
  'misconfigured',
  'host_not_found',
  'rate_limited',
  'overloaded',
  'server_error',
  'network',
  'bad_request',
];

const CAUSE = { retryable: false, overridesStatus: false } as const;

/**
 * Outcome of each signal. `quota_exceeded` (quota wording without a billing hint) is resolved by the
 * caller: with a retry delay it is Gemini's per-minute limit, without one an exhausted quota.
 */
export const SIGNAL_OUTCOMES: Readonly<Record<Exclude<Signal, 'quota_exceeded'>, SignalOutcome>> = {
  quota_exhausted: { type: 'rate_limited', reason: 'quota_exhausted', ...CAUSE },
  context_overflow: { type: 'bad_request', reason: 'context_overflow', ...CAUSE },
  request_too_large: { type: 'bad_request', reason: 'request_too_large', ...CAUSE },
  content_policy: { type: 'bad_request', reason: 'content_policy', ...CAUSE },
  model_not_found: { type: 'bad_request', reason: 'model_not_found', ...CAUSE },
  // Gemini answers a bad key with HTTP 400: the body, not the status, says it is an auth failure.
  invalid_api_key: {
    type: 'unauthorized',
    reason: 'invalid_api_key',
    retryable: false,
    overridesStatus: true,
  },
  permission_denied: { type: 'unauthorized', reason: 'permission_denied', ...CAUSE },
  unauthenticated: { type: 'unauthorized', retryable: false, overridesStatus: true },
  timeout: { type: 'timeout', retryable: true, overridesStatus: true },
  cancelled: { type: 'unknown', reason: 'cancelled', retryable: false, overridesStatus: true },
  tls: { type: 'unknown', reason: 'tls', retryable: false, overridesStatus: true },
  // The request never left: an invalid argument or an incompatible dispatcher is a bug, not the network.
  misconfigured: { type: 'unknown', retryable: false, overridesStatus: true },
  // A DNS name that does not resolve is configuration, not a blip (is-retry-allowed denies it too).
  host_not_found: { type: 'server_error', reason: 'network', retryable: false, overridesStatus: true },
  rate_limited: { type: 'rate_limited', retryable: true, overridesStatus: true },
  overloaded: { type: 'overloaded', retryable: true, overridesStatus: true },
  server_error: { type: 'server_error', retryable: true, overridesStatus: true },
  network: { type: 'server_error', reason: 'network', retryable: true, overridesStatus: true },
  bad_request: { type: 'bad_request', retryable: false, overridesStatus: true },
};

/** The strongest of the given signals (see `SIGNAL_PRIORITY`). */
export function strongest(signals: Iterable<Signal | undefined>): Signal | undefined {
  let best: Signal | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const signal of signals) {
    if (signal === undefined) continue;
    const rank = SIGNAL_PRIORITY.indexOf(signal);
    if (rank < bestRank) {
      best = signal;
      bestRank = rank;
    }
  }
  return best;
}

/** A phrase table entry whose label is a signal. */
export type SignalRule = TextMatcherEntry<Signal>;

/**
 * Types a phrase table entry whose label is a signal (written `kind`, as in the tables); phrases compare
 * case-insensitively.
 */
export function signalRule({
  kind,
  ...entry
}: Omit<SignalRule, 'label' | 'ignoreCase'> & { readonly kind: Signal }): SignalRule {
  return { ...entry, label: kind, ignoreCase: true };
}
