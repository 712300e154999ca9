import type { Rule } from '../rules/types.js';
import { type DemotingAction, type KindChoices, kindPackRules } from './pack-options.js';
import { withTaxonomy } from './with-taxonomy.js';

const PACK = 'authSessionRules';

/** The kinds `authSessionRules` demotes. */
export const AUTH_SESSION_KINDS = ['session_expired', 'unauthenticated', 'transient_upstream'] as const;

/** One of `AUTH_SESSION_KINDS`. */
export type AuthSessionKind = (typeof AUTH_SESSION_KINDS)[number];

/** Options of `authSessionRules`. */
export interface AuthSessionOptions {
  /** What the demoting rules do with a match. @default 'breadcrumb' */
  readonly action?: DemotingAction;
  /** Per kind: another action, or `false` to leave that kind out. */
  readonly kinds?: KindChoices<AuthSessionKind>;
}

/**
 * Token and session libraries: a token or session that lapsed is the user's state, so it is demoted —
 * jsonwebtoken `TokenExpiredError`, every jose claim check that means "expired" (`exp`, and `iat` past
 * `maxTokenAge`), express-jwt's `UnauthorizedError` around them, Supabase auth-js (expired JWT,
 * refresh token not found or already used, session missing) and PostgREST (`PGRST301`/`PGRST303` "JWT
 * expired"), Firebase Admin (`auth/id-token-expired`, `auth/session-cookie-expired`, revoked tokens).
 * A request with no token at all (express-jwt `credentials_required`, jsonwebtoken `jwt must be
 * provided`) is kind `unauthenticated`.
 *
 * Guard (`report`): a signature that does not verify (jsonwebtoken/express-jwt `invalid signature`, jose
 * `JWSSignatureVerificationFailed`, PostgREST `JWSInvalidSignature`) is tampering or a key mix-up: it
 * always reaches Sentry. Left alone: malformed tokens, `nbf` (not yet valid: a clock problem), wrong
 * audience or issuer, RLS `permission denied`: each is a bug to fix.
 *
 * @example
 * expectedErrorsIntegration({ rules: authSessionRules({ kinds: { unauthenticated: 'drop' } }) });
 */
export function authSessionRules(options: AuthSessionOptions = {}): Rule[] {
  return withTaxonomy(kindPackRules(PACK, AUTH_SESSION_KINDS, options, rules()));
}

function rules(): Rule[] {
  return [
    {
      id: 'token-signature-invalid',
      kind: 'token_signature_invalid',
      action: 'report',
      any: [
        'JsonWebTokenError: invalid signature',
        'UnauthorizedError: invalid signature',
        'JWSSignatureVerificationFailed',
        'JWSInvalidSignature',
      ],
    },
    {
      id: 'jsonwebtoken-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'TokenExpiredError',
    },
    {
      id: 'jose-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'JWTExpired',
    },
    {
      id: 'express-jwt-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'UnauthorizedError',
      any: ['UnauthorizedError: jwt expired', 'UnauthorizedError: maxAge exceeded'],
    },
    {
      id: 'supabase-auth-session-lapsed',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: ['AuthApiError', 'AuthSessionMissingError'],
      any: [
        'token has invalid claims: token is expired',
        'Invalid Refresh Token: Refresh Token Not Found',
        'Invalid Refresh Token: Already Used',
        'Auth session missing!',
      ],
    },
    {
      id: 'supabase-auth-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: 'AuthApiError',
      upstream: { type: 'rate_limited', retryable: true },
    },
    {
      id: 'postgrest-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'PostgrestError',
      ignoreCase: true,
      any: ['JWT expired'],
    },
    {
      id: 'firebase-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      any: [
        '(auth/id-token-expired)',
        '(auth/session-cookie-expired)',
        '(auth/id-token-revoked)',
        '(auth/session-cookie-revoked)',
      ],
    },
    {
      id: 'express-jwt-credentials-required',
      kind: 'unauthenticated',
      action: 'breadcrumb',
      exceptionType: 'UnauthorizedError',
      any: ['No authorization token was found'],
    },
    {
      id: 'jsonwebtoken-must-be-provided',
      kind: 'unauthenticated',
      action: 'breadcrumb',
      exceptionType: 'JsonWebTokenError',
      any: ['jwt must be provided'],
    },
  ];
}
