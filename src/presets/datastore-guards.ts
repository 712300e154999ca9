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
      description:
        'pg (node-postgres): DatabaseError, named after the protocol message ("error"), and pg-pool’s / Client’s own messages',
      any: [
        'timeout exceeded when trying to connect', // pg-pool
        'Connection terminated due to connection timeout', // pg Client
        'Connection terminated unexpectedly', // pg Client
        'Client has encountered a connection error and is not queryable', // pg Client
      ],
      examples: {
        match: [
          'Error: timeout exceeded when trying to connect',
          'Error: Connection terminated unexpectedly',
        ],
        noMatch: [
          'Error: connect ECONNREFUSED 127.0.0.1:5432',
          "TimeoutError: Timeout awaiting 'request' for 60ms",
        ],
      },
    },
    {
      id: 'pg-database-error',
      kind: 'datastore_error',
      action: 'report',
      description:
        'pg DatabaseError: its name is the protocol message type, lowercase "error" (SQLSTATE in `code`)',
      exceptionType: 'error',
      examples: {
        match: [
          { text: 'error: canceling statement due to statement timeout', exceptionType: 'error' },
          { text: 'error: sorry, too many clients already', exceptionType: 'error' },
        ],
        noMatch: [{ text: 'Error: canceling statement due to statement timeout', exceptionType: 'Error' }],
      },
    },
    {
      id: 'mysql-error',
      kind: 'datastore_error',
      action: 'report',
      description: 'MySQL/MariaDB server messages (mysql2 keeps them as its message), and mysql2’s own',
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
      examples: {
        match: [
          "Error: Access denied for user 'app'@'10.0.0.5' (using password: YES)",
          'Error: Lock wait timeout exceeded; try restarting transaction',
          'Error: Query execution was interrupted (max_statement_time exceeded)',
          'Error: Too many connections',
        ],
        noMatch: ['Error: connect ECONNREFUSED 127.0.0.1:3306', 'Error: Too many requests'],
      },
    },
    {
      id: 'mariadb-sql-error',
      kind: 'datastore_error',
      action: 'report',
      description: 'the mariadb connector’s SqlError: "(conn:12, no: 1045, SQLState: 28000) …"',
      exceptionType: 'SqlError',
      examples: {
        match: [
          {
            text: 'SqlError: (conn:-1, no: 45028, SQLState: HY000) pool timeout: failed to retrieve a connection from pool after 10000ms',
            exceptionType: 'SqlError',
          },
        ],
        noMatch: [{ text: 'Error: SqlError in query', exceptionType: 'Error' }],
      },
    },
    {
      id: 'redis-error',
      kind: 'datastore_error',
      action: 'report',
      description:
        'Redis server replies (ioredis ReplyError, node-redis ErrorReply), ioredis’s and node-redis’s own messages',
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
      examples: {
        match: [
          "ReplyError: OOM command not allowed when used memory > 'maxmemory'.",
          'Error: WRONGPASS invalid username-password pair or user is disabled.',
          'MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.',
          'Error: Connection is closed.',
          'Error: The client is closed',
        ],
        noMatch: [
          'Error: connect ECONNREFUSED 127.0.0.1:6379',
          'WebSocket is closed before the connection is established',
        ],
      },
    },
    {
      id: 'mongodb-error',
      kind: 'datastore_error',
      action: 'report',
      description: 'the mongodb driver’s Mongo*Error classes (server selection, network, server errors)',
      exceptionType: MONGODB_ERRORS,
      examples: {
        match: [
          {
            text: 'MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017',
            exceptionType: 'MongoServerSelectionError',
          },
        ],
        noMatch: [{ text: 'Error: connect ECONNREFUSED 127.0.0.1:27017', exceptionType: 'Error' }],
      },
    },
  ];
}
