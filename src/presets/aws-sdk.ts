import type { Rule } from '../rules/types.js';
import type { PresetOptions } from './pack-options.js';
import { simplePackRules } from './simple-pack.js';

const PACK = 'awsSdkRules';

/**
 * The error codes AWS SDK v3 retries as throttling, the exception's `name` (inlined from
 * @smithy/core `THROTTLING_ERROR_CODES`, 3.x), less `LimitExceededException`, which some services use
 * for a hard limit.
 */
const THROTTLING_NAMES = [
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
];

/** Credentials AWS rejects: expired, unknown or badly signed (STS, S3, DynamoDB and the Query services). */
const CREDENTIAL_NAMES = [
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
];

/**
 * AWS SDK for JavaScript v3. Its errors are named after the service's error code, so the rules read
 * the exception type: throttling (`ThrottlingException`, `TooManyRequestsException`, S3 `SlowDown`, …)
 * and S3's retryable 5xx (`InternalError` "We encountered an internal error. Please try again.",
 * `ServiceUnavailable`) are `transient_upstream`.
 *
 * Guards (`report`): expired, unknown or badly signed credentials (`ExpiredToken`,
 * `InvalidClientTokenId`, `UnrecognizedClientException`, `InvalidAccessKeyId`, `SignatureDoesNotMatch`,
 * kind `provider_key_rejected`) and `AccessDenied`/`AccessDeniedException` (`permission_denied`): a
 * misconfiguration, whatever broader rule matches. Left alone: `ValidationException`,
 * `ResourceNotFoundException`, `NoSuchKey`, conditional-check failures — the app's own state or bugs.
 *
 * @example
 * expectedErrorsIntegration({ rules: awsSdkRules() });
 */
export function awsSdkRules(options: PresetOptions = {}): Rule[] {
  return simplePackRules(PACK, options, rules());
}

function rules(): Rule[] {
  return [
    {
      id: 'aws-credentials-rejected',
      kind: 'provider_key_rejected',
      action: 'report',
      exceptionType: CREDENTIAL_NAMES,
    },
    {
      id: 'aws-access-denied',
      kind: 'permission_denied',
      action: 'report',
      exceptionType: ['AccessDenied', 'AccessDeniedException'],
    },
    {
      id: 'aws-throttling',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: THROTTLING_NAMES,
    },
    {
      id: 's3-server-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      exceptionType: ['InternalError', 'ServiceUnavailable'],
      any: [
        'InternalError: We encountered an internal error. Please try again.',
        'ServiceUnavailable: Service is unable to handle request.',
        'ServiceUnavailable: Please reduce your request rate.',
      ],
    },
  ];
}
