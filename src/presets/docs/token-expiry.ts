import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `tokenExpiryRules`, by rule id: only `checkRules` reads them. */
export const TOKEN_EXPIRY_DOCS: BuiltInRuleDocs = {
  'hasura-jwt-expired': {
    description:
      'Hasura GraphQL Engine: {"extensions":{"code":"invalid-jwt"},"message":"Could not verify JWT: JWTExpired"}',
    examples: {
      match: [
        'CombinedGraphQLErrors: Could not verify JWT: JWTExpired',
        'Error: Could not verify JWT: JWTExpired: {"response":{"errors":[{"extensions":{"path":"$","code":"invalid-jwt"},"message":"Could not verify JWT: JWTExpired"}],"status":200}}',
      ],
      noMatch: ['CombinedGraphQLErrors: Could not verify JWT: JWSError JWSInvalidSignature'],
    },
  },
  'auth0-access-token-expired': {
    description:
      "Auth0's express-oauth2-jwt-bearer: InvalidTokenError (status 401, code invalid_token) with jose's expiry words",
    examples: {
      match: [
        { text: 'InvalidTokenError: "exp" claim timestamp check failed', exceptionType: 'InvalidTokenError' },
      ],
      noMatch: [
        { text: 'InvalidTokenError: signature verification failed', exceptionType: 'InvalidTokenError' },
        { text: "InvalidTokenError: Unexpected 'aud' value", exceptionType: 'InvalidTokenError' },
        // node-oauth2-server's InvalidTokenError words its expiry otherwise; without the type, no identity.
        'Error: "exp" claim timestamp check failed',
      ],
    },
  },
  'oauth-grant-expired': {
    description:
      'OAuth token endpoints (RFC 6749 invalid_grant) in their issuers’ expiry words: Google, Okta',
    examples: {
      match: [
        'GaxiosError: invalid_grant: Token has been expired or revoked.',
        'AuthApiError: The refresh token is invalid or expired.',
      ],
      noMatch: ['GaxiosError: invalid_grant: Bad Request', 'Error: invalid_grant'],
    },
  },
  'clerk-jwt-expired': {
    description:
      '@clerk/backend TokenVerificationError (reason token-expired; its name stays Error): "JWT is expired. Expiry date: …"',
    examples: {
      match: [
        'Error: JWT is expired. Expiry date: Tue, 14 Nov 2023 23:13:20 GMT, Current date: Sun, 06 Dec 2026 09:29:29 GMT.',
      ],
      noMatch: [
        'Error: JWT signature is invalid.',
        'Error: JWT cannot be used prior to not before date claim (nbf). Not before date: Thu, 31 Dec 2099 23:59:00 GMT; Current date: Sun, 06 Dec 2026 09:29:29 GMT;',
      ],
    },
  },
  'cognito-token-expired': {
    description:
      'Amazon Cognito NotAuthorizedException: "Refresh Token has expired" / "Access Token has expired"',
    examples: {
      match: [
        {
          text: 'NotAuthorizedException: Refresh Token has expired',
          exceptionType: 'NotAuthorizedException',
        },
        {
          text: 'NotAuthorizedException: Access Token has expired',
          exceptionType: 'NotAuthorizedException',
        },
      ],
      noMatch: [
        {
          text: 'NotAuthorizedException: Incorrect username or password.',
          exceptionType: 'NotAuthorizedException',
        },
        { text: 'Error: Refresh Token has expired', exceptionType: 'Error' },
      ],
    },
  },
  'firebase-client-token-expired': {
    description: 'Firebase Auth client SDK: "Firebase: Error (auth/user-token-expired)."',
    examples: {
      match: ['FirebaseError: Firebase: Error (auth/user-token-expired).'],
      noMatch: ['FirebaseError: Firebase: Error (auth/network-request-failed).'],
    },
  },
};
