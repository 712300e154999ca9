import type { Rule } from '../rules/types.js';
import { checkPackOptions, type PresetOptions } from './pack-options.js';

/**
 * Generic session/JWT expiry: an expired token is the user's state, not a bug. Kind `session_expired`.
 * Anchors compare case-insensitively: PostgREST says `JWT expired` where jsonwebtoken says `jwt expired`.
 * A bad signature, a malformed token or a missing token are left alone (see `authSessionRules`).
 *
 * @example
 * expectedErrorsIntegration({ rules: [...byoKeyGuardRules(), ...sessionExpiredRules()] });
 */
export function sessionExpiredRules(options: PresetOptions = {}): Rule[] {
  checkPackOptions('sessionExpiredRules', options, ['action']);
  const action = options.action ?? 'breadcrumb';
  return [
    {
      id: 'jwt-expired',
      kind: 'session_expired',
      action,
      ignoreCase: true,
      any: ['TokenExpiredError', 'jwt expired', '"exp" claim timestamp check failed'],
    },
    {
      id: 'session-expired-phrase',
      kind: 'session_expired',
      action,
      ignoreCase: true,
      any: ['session expired', 'session has expired', 'session jwt required', 'no backend session token'],
    },
  ];
}

export type { PresetOptions };
