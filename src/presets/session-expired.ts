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
      description:
        'jsonwebtoken TokenExpiredError ("jwt expired"), jose JWTExpired ("exp" claim check), PostgREST "JWT expired"',
      ignoreCase: true,
      any: ['TokenExpiredError', 'jwt expired', '"exp" claim timestamp check failed'],
      examples: {
        match: [
          'TokenExpiredError: jwt expired',
          'JWTExpired: "exp" claim timestamp check failed',
          'verify session failed: jwt expired',
          'PostgrestError: JWT expired',
          'UnauthorizedError: jwt expired',
        ],
        noMatch: [
          'JsonWebTokenError: invalid signature',
          'JsonWebTokenError: jwt malformed',
          'jwt must be provided',
          'PostgrestError: JWSError JWSInvalidSignature',
          'JWTClaimValidationFailed: "nbf" claim timestamp check failed',
        ],
      },
    },
    {
      id: 'session-expired-phrase',
      kind: 'session_expired',
      action,
      description: 'backends that say so in words, e.g. {"error":"Session expired. Please log in again."}',
      ignoreCase: true,
      any: ['session expired', 'session has expired', 'session jwt required', 'no backend session token'],
      examples: {
        match: [
          'OpenHuman API error (401 Unauthorized): {"success":false,"error":"Session expired. Please log in again."}',
          'Your session has expired, sign in again',
          'session JWT required',
          'no backend session token; run auth_store_session first',
        ],
        noMatch: [
          'session_expired lowercase',
          'Invalid token',
          'server returned 401',
          'session store unavailable',
        ],
      },
    },
  ];
}

export type { PresetOptions };
