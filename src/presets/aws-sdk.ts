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
      description:
        'AWS SDK v3: expired, unknown or badly signed credentials (ExpiredToken, InvalidClientTokenId, …)',
      exceptionType: CREDENTIAL_NAMES,
      examples: {
        match: [
          {
            text: 'ExpiredTokenException: The security token included in the request is expired',
            exceptionType: 'ExpiredTokenException',
          },
          { text: 'ExpiredToken: The provided token has expired.', exceptionType: 'ExpiredToken' },
          {
            text: 'InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.',
            exceptionType: 'InvalidAccessKeyId',
          },
        ],
        noMatch: [{ text: 'TokenExpiredError: jwt expired', exceptionType: 'TokenExpiredError' }],
      },
    },
    {
      id: 'aws-access-denied',
      kind: 'permission_denied',
      action: 'report',
      description:
        'AWS SDK v3: AccessDenied (S3) / AccessDeniedException (JSON services): an IAM policy to fix',
      exceptionType: ['AccessDenied', 'AccessDeniedException'],
      examples: {
        match: [
          { text: 'AccessDenied: Access Denied', exceptionType: 'AccessDenied' },
          {
            text: 'AccessDeniedException: User: arn:aws:iam::123456789012:user/app is not authorized to perform: dynamodb:GetItem',
            exceptionType: 'AccessDeniedException',
          },
        ],
        noMatch: [{ text: 'Error: Access Denied', exceptionType: 'Error' }],
      },
    },
    {
      id: 'aws-throttling',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description: 'AWS SDK v3 throttling errors (the codes @smithy retries as throttling)',
      exceptionType: THROTTLING_NAMES,
      examples: {
        match: [
          { text: 'ThrottlingException: Rate exceeded', exceptionType: 'ThrottlingException' },
          { text: 'SlowDown: Please reduce your request rate.', exceptionType: 'SlowDown' },
          {
            text: 'ProvisionedThroughputExceededException: The level of configured provisioned throughput for the table was exceeded.',
            exceptionType: 'ProvisionedThroughputExceededException',
          },
          { text: 'TooManyRequestsException: Rate Exceeded.', exceptionType: 'TooManyRequestsException' },
        ],
        noMatch: [
          {
            text: 'ValidationException: The provided key element does not match the schema',
            exceptionType: 'ValidationException',
          },
          { text: 'RateLimitError: 429 Rate limit reached', exceptionType: 'RateLimitError' },
        ],
      },
    },
    {
      id: 's3-server-error',
      kind: 'transient_upstream',
      action: 'breadcrumb',
      description: "S3's retryable 5xx by code and message: InternalError, ServiceUnavailable",
      exceptionType: ['InternalError', 'ServiceUnavailable'],
      any: [
        'InternalError: We encountered an internal error. Please try again.',
        'ServiceUnavailable: Service is unable to handle request.',
        'ServiceUnavailable: Please reduce your request rate.',
      ],
      examples: {
        match: [
          {
            text: 'InternalError: We encountered an internal error. Please try again.',
            exceptionType: 'InternalError',
          },
          {
            text: 'ServiceUnavailable: Service is unable to handle request.',
            exceptionType: 'ServiceUnavailable',
          },
        ],
        noMatch: [
          // Firefox's own error for runaway recursion: a bug of the page.
          { text: 'InternalError: too much recursion', exceptionType: 'InternalError' },
          { text: 'ServiceUnavailable: maintenance', exceptionType: 'ServiceUnavailable' },
        ],
      },
    },
  ];
}
