import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'tokenExpiryRules';

/**
 * More token-expiry wordings, each in the words only its issuer uses, kind `session_expired` (the user's
 * session lapsed: they sign in again): Hasura's `invalid-jwt` "Could not verify JWT: JWTExpired",
 * Google's OAuth `invalid_grant` "Token has been expired or revoked.", Okta's "The refresh token is
 * invalid or expired.", Clerk's "JWT is expired. Expiry date: …", Amazon Cognito's
 * `NotAuthorizedException` "Refresh Token has expired" / "Access Token has expired", and the Firebase
 * client SDK's `auth/user-token-expired`. An `invalid_grant` without an expiry wording passes (a
 * malformed or mismatched grant is a bug).
 *
 * @example
 * expectedErrorsIntegration({ rules: tokenExpiryRules() });
 */
export function tokenExpiryRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

function rules(): Rule[] {
  return [
    {
      id: 'hasura-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        'Hasura GraphQL Engine: {"extensions":{"code":"invalid-jwt"},"message":"Could not verify JWT: JWTExpired"}',
      any: ['Could not verify JWT: JWTExpired'],
      examples: {
        match: [
          'CombinedGraphQLErrors: Could not verify JWT: JWTExpired',
          'Error: Could not verify JWT: JWTExpired: {"response":{"errors":[{"extensions":{"path":"$","code":"invalid-jwt"},"message":"Could not verify JWT: JWTExpired"}],"status":200}}',
        ],
        noMatch: ['CombinedGraphQLErrors: Could not verify JWT: JWSError JWSInvalidSignature'],
      },
    },
    {
      id: 'oauth-grant-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        'OAuth token endpoints (RFC 6749 invalid_grant) in their issuers’ expiry words: Google, Okta',
      any: ['Token has been expired or revoked.', 'The refresh token is invalid or expired.'],
      examples: {
        match: [
          'GaxiosError: invalid_grant: Token has been expired or revoked.',
          'AuthApiError: The refresh token is invalid or expired.',
        ],
        noMatch: ['GaxiosError: invalid_grant: Bad Request', 'Error: invalid_grant'],
      },
    },
    {
      id: 'clerk-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        '@clerk/backend TokenVerificationError (reason token-expired; its name stays Error): "JWT is expired. Expiry date: …"',
      any: ['JWT is expired. Expiry date: '],
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
    {
      id: 'cognito-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description:
        'Amazon Cognito NotAuthorizedException: "Refresh Token has expired" / "Access Token has expired"',
      exceptionType: 'NotAuthorizedException',
      any: ['Refresh Token has expired', 'Access Token has expired'],
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
    {
      id: 'firebase-client-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      description: 'Firebase Auth client SDK: "Firebase: Error (auth/user-token-expired)."',
      any: ['(auth/user-token-expired)'],
      examples: {
        match: ['FirebaseError: Firebase: Error (auth/user-token-expired).'],
        noMatch: ['FirebaseError: Firebase: Error (auth/network-request-failed).'],
      },
    },
  ];
}
