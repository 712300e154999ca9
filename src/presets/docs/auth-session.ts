import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `authSessionRules`, by rule id: only `checkRules` reads them. */
export const AUTH_SESSION_DOCS: BuiltInRuleDocs = {
  'token-signature-invalid': {
    description:
      'jsonwebtoken/express-jwt "invalid signature", jose JWSSignatureVerificationFailed, PostgREST JWSInvalidSignature',
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
  'jsonwebtoken-token-expired': {
    description: 'jsonwebtoken TokenExpiredError: "jwt expired" or "maxAge exceeded"',
    examples: {
      match: [
        { text: 'TokenExpiredError: jwt expired', exceptionType: 'TokenExpiredError' },
        { text: 'TokenExpiredError: maxAge exceeded', exceptionType: 'TokenExpiredError' },
      ],
      noMatch: [{ text: 'JsonWebTokenError: jwt malformed', exceptionType: 'JsonWebTokenError' }],
    },
  },
  'jose-jwt-expired': {
    description: 'jose JWTExpired (ERR_JWT_EXPIRED): the "exp" claim, or "iat" older than maxTokenAge',
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
  'express-jwt-token-expired': {
    description: "express-jwt UnauthorizedError (code invalid_token) carrying jsonwebtoken's expiry message",
    examples: {
      match: [{ text: 'UnauthorizedError: jwt expired', exceptionType: 'UnauthorizedError' }],
      noMatch: [{ text: 'UnauthorizedError: jwt malformed', exceptionType: 'UnauthorizedError' }],
    },
  },
  'supabase-auth-session-lapsed': {
    description:
      'Supabase auth-js AuthApiError bad_jwt "token is expired", refresh_token_not_found / _already_used, AuthSessionMissingError',
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
  'supabase-auth-rate-limited': {
    description: 'Supabase auth-js AuthApiError 429 (over_email_send_rate_limit, over_request_rate_limit)',
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
  'postgrest-jwt-expired': {
    description: 'PostgREST 401 {"code":"PGRST301"|"PGRST303","message":"JWT expired"} as PostgrestError',
    examples: {
      match: [{ text: 'PostgrestError: JWT expired', exceptionType: 'PostgrestError' }],
      noMatch: [
        { text: 'PostgrestError: permission denied for table todos', exceptionType: 'PostgrestError' },
      ],
    },
  },
  'firebase-token-expired': {
    description:
      'Firebase Admin FirebaseAuthError codes for an expired or revoked ID token or session cookie',
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
  'express-jwt-credentials-required': {
    description: 'express-jwt UnauthorizedError credentials_required: a request that carried no token',
    examples: {
      match: [
        { text: 'UnauthorizedError: No authorization token was found', exceptionType: 'UnauthorizedError' },
      ],
      noMatch: [{ text: 'UnauthorizedError: invalid signature', exceptionType: 'UnauthorizedError' }],
    },
  },
  'jsonwebtoken-must-be-provided': {
    description: 'jsonwebtoken JsonWebTokenError "jwt must be provided": verify() called without a token',
    examples: {
      match: [{ text: 'JsonWebTokenError: jwt must be provided', exceptionType: 'JsonWebTokenError' }],
      noMatch: [{ text: 'JsonWebTokenError: jwt malformed', exceptionType: 'JsonWebTokenError' }],
    },
  },
};
