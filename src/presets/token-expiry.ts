import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'tokenExpiryRules';

/**
 * More token-expiry wordings, each in the words only its issuer uses, kind `session_expired` (the user's
 * session lapsed: they sign in again): Hasura's `invalid-jwt` "Could not verify JWT: JWTExpired",
 * Google's OAuth `invalid_grant` "Token has been expired or revoked.", Okta's "The refresh token is
 * invalid or expired.", Clerk's "JWT is expired. Expiry date: …", Amazon Cognito's
 * `NotAuthorizedException` "Refresh Token has expired" / "Access Token has expired", the Firebase
 * client SDK's `auth/user-token-expired`, and Auth0's API middleware (`express-oauth2-jwt-bearer`), whose
 * `InvalidTokenError` carries jose's `"exp" claim timestamp check failed`. An `invalid_grant` without an expiry wording passes (a
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
      any: ['Could not verify JWT: JWTExpired'],
    },
    {
      id: 'auth0-access-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'InvalidTokenError',
      any: ['InvalidTokenError: "exp" claim timestamp check failed'],
    },
    {
      id: 'oauth-grant-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      any: ['Token has been expired or revoked.', 'The refresh token is invalid or expired.'],
    },
    {
      id: 'clerk-jwt-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      any: ['JWT is expired. Expiry date: '],
    },
    {
      id: 'cognito-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      exceptionType: 'NotAuthorizedException',
      any: ['Refresh Token has expired', 'Access Token has expired'],
    },
    {
      id: 'firebase-client-token-expired',
      kind: 'session_expired',
      action: 'breadcrumb',
      any: ['(auth/user-token-expired)'],
    },
  ];
}
