import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Loopback } from './loopback.js';
import {
  because,
  demotes,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
} from './scenario.js';

/** Static credentials: the loopback checks no signature. */
const CREDENTIALS = { accessKeyId: 'AKIACORPUS000000000', secretAccessKey: 'corpus-secret-access-key' };

const TRANSIENT = (why: string): LibraryDecision => because(demotes('transient_upstream'), why);
const REJECTED = because(
  { outcome: 'pass', kind: 'provider_key_rejected' },
  'expired or invalid AWS credentials: a misconfiguration the app must hear about',
);
const DENIED = because(
  { outcome: 'pass', kind: 'permission_denied' },
  'valid AWS credentials without the permission: an IAM policy to fix',
);

/** DynamoDB (awsJson1_0): the error code in `__type` and `x-amzn-errortype`, as the service sends it. */
function dynamodb(
  name: string,
  expected: LibraryDecision,
  status: number,
  type: string,
  message: string,
): LibraryScenario {
  return {
    library: '@aws-sdk/client-dynamodb',
    name,
    expected,
    run: (loopback: Loopback) => {
      loopback.answer(`/dynamodb-${name}/`, {
        status,
        body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.dynamodb.v20120810/`,
          'x-amzn-requestid': 'CORPUSREQUESTID0000000000000000000000000000000000',
        },
      });
      const client = new DynamoDBClient({
        region: 'us-east-1',
        endpoint: `${loopback.origin}/dynamodb-${name}/`,
        credentials: CREDENTIALS,
        maxAttempts: 1,
      });
      return thrownBy(() =>
        client.send(new GetItemCommand({ TableName: 'corpus', Key: { id: { S: 'item-1' } } })),
      );
    },
  };
}

/** S3 (REST-XML): the documented `<Error>` body (docs.aws.amazon.com, "Error responses"). */
function s3(
  name: string,
  expected: LibraryDecision,
  status: number,
  code: string,
  message: string,
): LibraryScenario {
  return {
    library: '@aws-sdk/client-s3',
    name,
    expected,
    run: (loopback: Loopback) => {
      loopback.answer(`/s3-${name}/`, {
        status,
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>corpus-host-id</HostId></Error>`,
        headers: { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' },
      });
      const client = new S3Client({
        region: 'us-east-1',
        endpoint: `${loopback.origin}/s3-${name}/`,
        forcePathStyle: true,
        credentials: CREDENTIALS,
        maxAttempts: 1,
      });
      return thrownBy(() =>
        client.send(new GetObjectCommand({ Bucket: 'corpus-bucket', Key: 'reports/2026.csv' })),
      );
    },
  };
}

/** AWS SDK v3: throttling and 5xx are transient; expired, invalid or unauthorized credentials pass. */
export const cloudSdkScenarios: readonly LibraryScenario[] = [
  dynamodb(
    'throttling',
    TRANSIENT('ThrottlingException: the AWS API asks to be called later'),
    400,
    'ThrottlingException',
    'Rate exceeded',
  ),
  dynamodb(
    'provisioned-throughput-exceeded',
    TRANSIENT(
      "ProvisionedThroughputExceededException: the table's capacity is momentarily used up; the SDK retries it",
    ),
    400,
    'ProvisionedThroughputExceededException',
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  ),
  dynamodb(
    'expired-token',
    REJECTED,
    400,
    'ExpiredTokenException',
    'The security token included in the request is expired',
  ),
  dynamodb(
    'unrecognized-client',
    REJECTED,
    400,
    'UnrecognizedClientException',
    'The security token included in the request is invalid.',
  ),
  dynamodb(
    'access-denied',
    DENIED,
    400,
    'AccessDeniedException',
    'User: arn:aws:iam::123456789012:user/corpus is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/corpus because no identity-based policy allows the dynamodb:GetItem action',
  ),
  dynamodb(
    'resource-not-found',
    because(passes, 'a table the app names that does not exist: a bug or a missing deployment step'),
    400,
    'ResourceNotFoundException',
    'Requested resource not found',
  ),
  dynamodb(
    'validation',
    because(passes, 'a request the app built wrong'),
    400,
    'ValidationException',
    'The provided key element does not match the schema',
  ),
  s3(
    'slow-down',
    TRANSIENT("S3's 503 SlowDown: the bucket's request rate is momentarily exceeded"),
    503,
    'SlowDown',
    'Please reduce your request rate.',
  ),
  s3(
    'internal-error',
    TRANSIENT("S3's 500 InternalError says to try again"),
    500,
    'InternalError',
    'We encountered an internal error. Please try again.',
  ),
  s3(
    'service-unavailable',
    TRANSIENT("S3's 503 ServiceUnavailable: the service cannot handle the request now"),
    503,
    'ServiceUnavailable',
    'Service is unable to handle request.',
  ),
  s3('expired-token', REJECTED, 400, 'ExpiredToken', 'The provided token has expired.'),
  s3(
    'invalid-access-key',
    REJECTED,
    403,
    'InvalidAccessKeyId',
    'The AWS Access Key Id you provided does not exist in our records.',
  ),
  s3('access-denied', DENIED, 403, 'AccessDenied', 'Access Denied'),
  s3(
    'no-such-key',
    because(
      passes,
      'an object the app asks for that does not exist: the app decides whether that is expected',
    ),
    404,
    'NoSuchKey',
    'The specified key does not exist.',
  ),
];
