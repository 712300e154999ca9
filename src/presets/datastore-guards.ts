import type { Rule } from '../rules/types.js';

/** The mongodb driver's error classes, each its own `name` (mongodb 6–7 `src/error.ts`). */
const MONGODB_ERRORS = [
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerError',
  'MongoServerClosedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
  'MongoOperationTimeoutError',
  'MongoWriteConcernError',
  'MongoBulkWriteError',
  'MongoNotConnectedError',
];

/**
 * Guards (`report`, kind `datastore_error`): on a server a database or cache driver's error is the app's
 * own infrastructure (down, full, out of connections, slow, misconfigured), so it always reaches Sentry
 * whatever broader rule the app adds (`any: ['timeout']`, `{ upstream: { retryable: true } }`). Each rule
 * names the driver or the server by what only it prints: pg's protocol errors (their `name` is the
 * protocol's lowercase `error`) and its pool's and client's own messages; MySQL/MariaDB server messages
 * (mysql2) and the mariadb connector's `SqlError`; Redis server replies (`WRONGPASS`, `NOAUTH`, `OOM`,
 * `LOADING`, `READONLY`, …), ioredis's `ReplyError`, `MaxRetriesPerRequestError` and messages, node-redis's
 * messages; the mongodb driver's `Mongo*Error` classes. A bare `connect ECONNREFUSED` (which pg, mysql2,
 * node-redis and nodemailer rethrow as Node wrote it) names no driver: no built-in rule demotes it on a
 * server, and no guard can claim it.
 *
 * `recommendedRules()` includes these guards on a server (`runsOn`), not on a device.
 *
 * @example
 * expectedErrorsIntegration({ rules: [...datastoreGuardRules(), { kind: 'flaky', action: 'drop', any: ['timeout'] }] });
 */
export function datastoreGuardRules(): Rule[] {
  return [
    {
      id: 'pg-client-error',
      kind: 'datastore_error',
      action: 'report',
      any: [
        'timeout exceeded when trying to connect', // pg-pool
        'Connection terminated due to connection timeout', // pg Client
        'Connection terminated unexpectedly', // pg Client
        'Client has encountered a connection error and is not queryable', // pg Client
      ],
    },
    {
      id: 'pg-database-error',
      kind: 'datastore_error',
      action: 'report',
      exceptionType: 'error',
    },
    {
      id: 'mysql-error',
      kind: 'datastore_error',
      action: 'report',
      any: [
        "Access denied for user '", // ER_ACCESS_DENIED_ERROR 1045
        "Unknown database '", // ER_BAD_DB_ERROR 1049
        'Lock wait timeout exceeded; try restarting transaction', // 1205
        'Deadlock found when trying to get lock; try restarting transaction', // 1213
        'Query execution was interrupted', // 1317, MariaDB 1969 max_statement_time
        'Error: Too many connections', // ER_CON_COUNT_ERROR 1040
        "Can't add new command when connection is in closed state", // mysql2
        'Connection lost: The server closed the connection.', // mysql2 PROTOCOL_CONNECTION_LOST
      ],
    },
    {
      id: 'mariadb-sql-error',
      kind: 'datastore_error',
      action: 'report',
      exceptionType: 'SqlError',
    },
    {
      id: 'redis-error',
      kind: 'datastore_error',
      action: 'report',
      any: [
        'WRONGPASS invalid username-password pair',
        'NOAUTH ',
        "OOM command not allowed when used memory > 'maxmemory'",
        'LOADING Redis is loading the dataset in memory',
        "READONLY You can't write against a read only replica",
        'MISCONF Redis is configured to save RDB snapshots',
        'BUSY Redis is busy running a script',
        'MASTERDOWN Link with MASTER is down',
        'CLUSTERDOWN ',
        'Reached the max retries per request limit', // ioredis MaxRetriesPerRequestError
        'Error: Connection is closed.', // ioredis
        'Error: Command timed out', // ioredis commandTimeout
        "Stream isn't writeable and enableOfflineQueue options is false", // ioredis
        'Error: The client is closed', // node-redis ClientClosedError
        'Error: Socket closed unexpectedly', // node-redis SocketClosedUnexpectedlyError
      ],
    },
    {
      id: 'mongodb-error',
      kind: 'datastore_error',
      action: 'report',
      exceptionType: MONGODB_ERRORS,
    },
  ];
}
