import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `sessionExpiredRules`, by rule id: only `checkRules` reads them. */
export const SESSION_EXPIRED_DOCS: BuiltInRuleDocs = {
  'jwt-expired': {
    description:
      'jsonwebtoken TokenExpiredError ("jwt expired"), jose JWTExpired ("exp" claim check), PostgREST "JWT expired"',
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
  'session-expired-phrase': {
    description: 'backends that say so in words, e.g. {"error":"Session expired. Please log in again."}',
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
};
