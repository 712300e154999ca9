import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `awsSdkRules`, by rule id: only `checkRules` reads them. */
export const AWS_SDK_DOCS: BuiltInRuleDocs = {
  'aws-credentials-rejected': {
    description:
      'AWS SDK v3: expired, unknown or badly signed credentials (ExpiredToken, InvalidClientTokenId, …)',
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
  'aws-access-denied': {
    description:
      'AWS SDK v3: AccessDenied (S3) / AccessDeniedException (JSON services): an IAM policy to fix',
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
  'aws-throttling': {
    description: 'AWS SDK v3 throttling errors (the codes @smithy retries as throttling)',
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
  's3-server-error': {
    description: "S3's retryable 5xx by code and message: InternalError, ServiceUnavailable",
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
};
