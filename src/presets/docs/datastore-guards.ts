import type { BuiltInRuleDocs } from './types.js';

/** The description and examples of each rule of `datastoreGuardRules`, by rule id: only `checkRules` reads them. */
export const DATASTORE_GUARDS_DOCS: BuiltInRuleDocs = {
  'pg-client-error': {
    description:
      'pg (node-postgres): DatabaseError, named after the protocol message ("error"), and pg-pool’s / Client’s own messages',
    examples: {
      match: ['Error: timeout exceeded when trying to connect', 'Error: Connection terminated unexpectedly'],
      noMatch: [
        'Error: connect ECONNREFUSED 127.0.0.1:5432',
        "TimeoutError: Timeout awaiting 'request' for 60ms",
      ],
    },
  },
  'pg-database-error': {
    description:
      'pg DatabaseError: its name is the protocol message type, lowercase "error" (SQLSTATE in `code`)',
    examples: {
      match: [
        { text: 'error: canceling statement due to statement timeout', exceptionType: 'error' },
        { text: 'error: sorry, too many clients already', exceptionType: 'error' },
      ],
      noMatch: [{ text: 'Error: canceling statement due to statement timeout', exceptionType: 'Error' }],
    },
  },
  'mysql-error': {
    description: 'MySQL/MariaDB server messages (mysql2 keeps them as its message), and mysql2’s own',
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
  'mariadb-sql-error': {
    description: 'the mariadb connector’s SqlError: "(conn:12, no: 1045, SQLState: 28000) …"',
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
  'redis-error': {
    description:
      'Redis server replies (ioredis ReplyError, node-redis ErrorReply), ioredis’s and node-redis’s own messages',
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
  'mongodb-error': {
    description: 'the mongodb driver’s Mongo*Error classes (server selection, network, server errors)',
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
};
