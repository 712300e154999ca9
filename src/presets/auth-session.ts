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
      description:
        'jsonwebtoken/express-jwt "invalid signature", jose JWSSignatureVerificationFailed, PostgREST JWSInvalidSignature',
      any: [
        'JsonWebTokenError: invalid signature',
        'UnauthorizedError: invalid signature',
        'JWSSignatureVerificationFailed',
        'JWSInvalidSignature',
      ],
      examples: {
        match: [
          'JsonWebTokenError: invalid signature',
          'UnauthorizedError: invalid signature',
          'JWSSignatureVerificationFailed: signature verification failed',
          'PostgrestError: JWSError JWSInvalidSignature',
        ],
        noMatch: ['TokenExpiredError: jwt expired'],
      },
    },
    {
      id: 'jsonwebtoken-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description: 'jsonwebtoken TokenExpiredError: "jwt expired" or "maxAge exceeded"',
      exceptionType: 'TokenExpiredError',
      examples: {
        match: [
          { text: 'TokenExpiredError: jwt expired', exceptionType: 'TokenExpiredError' },
          { text: 'TokenExpiredError: maxAge exceeded', exceptionType: 'TokenExpiredError' },
        ],
        noMatch: [{ text: 'JsonWebTokenError: jwt malformed', exceptionType: 'JsonWebTokenError' }],
      },
    },
    {
      id: 'jose-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description: 'jose JWTExpired (ERR_JWT_EXPIRED): the "exp" claim, or "iat" older than maxTokenAge',
      exceptionType: 'JWTExpired',
      examples: {
        match: [
          { text: 'JWTExpired: "exp" claim timestamp check failed', exceptionType: 'JWTExpired' },
          {
            text: 'JWTExpired: "iat" claim timestamp check failed (too far in the past)',
            exceptionType: 'JWTExpired',
          },
        ],
        noMatch: [
          {
            text: 'JWTClaimValidationFailed: "nbf" claim timestamp check failed',
            exceptionType: 'JWTClaimValidationFailed',
          },
        ],
      },
    },
    {
      id: 'express-jwt-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        "express-jwt UnauthorizedError (code invalid_token) carrying jsonwebtoken's expiry message",
      exceptionType: 'UnauthorizedError',
      any: ['UnauthorizedError: jwt expired', 'UnauthorizedError: maxAge exceeded'],
      examples: {
        match: [{ text: 'UnauthorizedError: jwt expired', exceptionType: 'UnauthorizedError' }],
        noMatch: [{ text: 'UnauthorizedError: jwt malformed', exceptionType: 'UnauthorizedError' }],
      },
    },
    {
      id: 'supabase-auth-session-lapsed',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        'Supabase auth-js AuthApiError bad_jwt "token is expired", refresh_token_not_found / _already_used, AuthSessionMissingError',
      exceptionType: ['AuthApiError', 'AuthSessionMissingError'],
      any: [
        'token has invalid claims: token is expired',
        'Invalid Refresh Token: Refresh Token Not Found',
        'Invalid Refresh Token: Already Used',
        'Auth session missing!',
      ],
      examples: {
        match: [
          {
            text: 'AuthApiError: Invalid Refresh Token: Refresh Token Not Found',
            exceptionType: 'AuthApiError',
          },
          { text: 'AuthApiError: Invalid Refresh Token: Already Used', exceptionType: 'AuthApiError' },
          {
            text: 'AuthApiError: invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired',
            exceptionType: 'AuthApiError',
          },
          {
            text: 'AuthSessionMissingError: Auth session missing!',
            exceptionType: 'AuthSessionMissingError',
          },
        ],
        noMatch: [{ text: 'AuthApiError: Invalid login credentials', exceptionType: 'AuthApiError' }],
      },
    },
    {
      id: 'supabase-auth-rate-limited',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description: 'Supabase auth-js AuthApiError 429 (over_email_send_rate_limit, over_request_rate_limit)',
      exceptionType: 'AuthApiError',
      upstream: { type: 'rate_limited', retryable: true },
      examples: {
        match: [
          {
            text: 'AuthApiError: email rate limit exceeded',
            exceptionType: 'AuthApiError',
            status: 429,
            upstream: { type: 'rate_limited', retryable: true },
          },
        ],
        noMatch: [
          {
            text: 'AuthApiError: Invalid login credentials',
            exceptionType: 'AuthApiError',
            status: 400,
            upstream: { type: 'bad_request', retryable: false },
          },
        ],
      },
    },
    {
      id: 'postgrest-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description: 'PostgREST 401 {"code":"PGRST301"|"PGRST303","message":"JWT expired"} as PostgrestError',
      exceptionType: 'PostgrestError',
      ignoreCase: true,
      any: ['JWT expired'],
      examples: {
        match: [{ text: 'PostgrestError: JWT expired', exceptionType: 'PostgrestError' }],
        noMatch: [
          { text: 'PostgrestError: permission denied for table todos', exceptionType: 'PostgrestError' },
        ],
      },
    },
    {
      id: 'firebase-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        'Firebase Admin FirebaseAuthError codes for an expired or revoked ID token or session cookie',
      any: [
        '(auth/id-token-expired)',
        '(auth/session-cookie-expired)',
        '(auth/id-token-revoked)',
        '(auth/session-cookie-revoked)',
      ],
      examples: {
        match: [
          'Error: Firebase ID token has expired. Get a fresh ID token from your client app and try again (auth/id-token-expired). See https://firebase.google.com/docs/auth/admin/verify-id-tokens for details on how to retrieve an ID token.',
          'Error: Firebase session cookie has expired. Get a fresh session cookie from your client app and try again (auth/session-cookie-expired).',
          'Error: The Firebase ID token has been revoked. (auth/id-token-revoked)',
        ],
        noMatch: [
          'Error: Decoding Firebase ID token failed. Make sure you passed the entire string JWT which represents an ID token. (auth/argument-error)',
        ],
      },
    },
    {
      id: 'express-jwt-credentials-required',
      kind: 'unauthenticated',
      action: 'breadcrumb',
      description: 'express-jwt UnauthorizedError credentials_required: a request that carried no token',
      exceptionType: 'UnauthorizedError',
      any: ['No authorization token was found'],
      examples: {
        match: [
          { text: 'UnauthorizedError: No authorization token was found', exceptionType: 'UnauthorizedError' },
        ],
        noMatch: [{ text: 'UnauthorizedError: invalid signature', exceptionType: 'UnauthorizedError' }],
      },
    },
    {
      id: 'jsonwebtoken-must-be-provided',
      kind: 'unauthenticated',
      action: 'breadcrumb',
      description: 'jsonwebtoken JsonWebTokenError "jwt must be provided": verify() called without a token',
      exceptionType: 'JsonWebTokenError',
      any: ['jwt must be provided'],
      examples: {
        match: [{ text: 'JsonWebTokenError: jwt must be provided', exceptionType: 'JsonWebTokenError' }],
        noMatch: [{ text: 'JsonWebTokenError: jwt malformed', exceptionType: 'JsonWebTokenError' }],
      },
    },
  ];
}
