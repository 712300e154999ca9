import { Redis } from 'ioredis';
import * as mariadb from 'mariadb';
import { MongoClient } from 'mongodb';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { createClient } from 'redis';
import { CLOSED_PORT } from './loopback.js';
import {
  because,
  type LibraryDecision,
  type LibraryScenario,
  passes,
  thrownBy,
  unnamedOnDevice,
} from './scenario.js';
import { SERVER_PASSWORD, SERVER_PORTS, type ServerName, server, silentPort } from './servers.js';

/** Kind of the datastore guard: a database or cache driver's error always reaches Sentry on a server. */
const DATASTORE = 'datastore_error';
const SHORT_TIMEOUT_MS = 60;

/**
 * Guarded on a server; on a device the guard is not in `recommendedRules` (no built-in rule claims the
 * event either, so it is sent untouched).
 */
function guardedOnServer(why: string): Pick<LibraryScenario, 'expected' | 'device'> {
  return {
    expected: because({ outcome: 'pass', kind: DATASTORE }, why),
    device: {
      ...passes,
      why: 'the datastore guard is a server pack; on a device no rule claims a driver error, so it is sent untouched',
    },
  };
}

/** Node's words only (`connect ECONNREFUSED <address>`): no identity of the driver, no rule claims it. */
const NO_IDENTITY: LibraryDecision = because(
  passes,
  "the driver rethrows Node's connect error as is: nothing names it, and no rule reads Node's words alone",
);

function scenario(
  library: string,
  name: string,
  needs: ServerName | undefined,
  decision: Pick<LibraryScenario, 'expected' | 'device' | 'ideal'>,
  run: () => Promise<unknown>,
): LibraryScenario {
  return {
    library,
    name,
    ...decision,
    ...(needs === undefined ? {} : { needs }),
    run: async () => {
      if (needs !== undefined) await server(needs);
      return run();
    },
  };
}

const PG = SERVER_PORTS.postgresql;
const pgClient = (options: pg.ClientConfig = {}) =>
  new pg.Client({
    host: '127.0.0.1',
    port: PG,
    user: 'corpus',
    password: SERVER_PASSWORD,
    database: 'postgres',
    ...options,
  });

/** Runs `action` with a connected client, then closes it. */
async function withPg<T>(action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = pgClient();
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** pg (node-postgres) against a real PostgreSQL. */
const pgScenarios: readonly LibraryScenario[] = [
  scenario(
    'pg',
    'password-rejected',
    'postgresql',
    guardedOnServer('SQLSTATE 28P01 from the server: a misconfigured credential, never weather'),
    () => thrownBy(() => pgClient({ password: 'not-the-password' }).connect()),
  ),
  scenario(
    'pg',
    'database-missing',
    'postgresql',
    guardedOnServer('SQLSTATE 3D000: the app names a database that does not exist'),
    () => thrownBy(() => pgClient({ database: 'missing_database' }).connect()),
  ),
  scenario(
    'pg',
    'statement-timeout',
    'postgresql',
    guardedOnServer(
      'SQLSTATE 57014: a slow query of the app’s own database, whatever a broad "timeout" rule says',
    ),
    () =>
      withPg((client) =>
        thrownBy(async () => {
          await client.query('SET statement_timeout = 50');
          await client.query('SELECT pg_sleep(2)');
        }),
      ),
  ),
  scenario(
    'pg',
    'terminated-by-administrator',
    'postgresql',
    guardedOnServer('SQLSTATE 57P01: the database restarted or killed the session under the app'),
    async () => {
      const victim = pgClient();
      await victim.connect();
      victim.on('error', () => undefined);
      const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const pending = thrownBy(() => victim.query('SELECT pg_sleep(5)'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await withPg((killer) => killer.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]));
      return pending;
    },
  ),
  scenario(
    'pg',
    'unique-violation',
    'postgresql',
    guardedOnServer('SQLSTATE 23505: a bug in the app’s writes'),
    () =>
      withPg((client) =>
        thrownBy(async () => {
          await client.query('CREATE TEMP TABLE items (id int PRIMARY KEY)');
          await client.query('INSERT INTO items VALUES (1), (1)');
        }),
      ),
  ),
  scenario(
    'pg',
    'too-many-clients',
    'postgresql',
    guardedOnServer('SQLSTATE 53300: the database ran out of connections, an outage of the app'),
    async () => {
      const clients: pg.Client[] = [];
      try {
        for (let index = 0; index < 12; index++) {
          const client = pgClient();
          client.on('error', () => undefined);
          clients.push(client);
          await client.connect();
        }
      } catch (error) {
        return error;
      } finally {
        await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      }
      throw new Error('the call did not throw');
    },
  ),
  scenario(
    'pg',
    'connection-timeout',
    undefined,
    {
      expected: because(
        passes,
        'pg’s Client says only "timeout expired": words any library prints, so no guard can name it (nor does any rule demote it)',
      ),
    },
    async () => {
      const port = await silentPort();
      return thrownBy(() => pgClient({ port, connectionTimeoutMillis: SHORT_TIMEOUT_MS }).connect());
    },
  ),
  scenario(
    'pg',
    'pool-timeout',
    'postgresql',
    guardedOnServer('pg-pool’s "timeout exceeded when trying to connect": the pool is exhausted'),
    async () => {
      const pool = new pg.Pool({
        host: '127.0.0.1',
        port: PG,
        user: 'corpus',
        password: SERVER_PASSWORD,
        database: 'postgres',
        max: 1,
        // Long enough for the first (held) client's SCRAM handshake; the second waits it out.
        connectionTimeoutMillis: 1_000,
      });
      const held = await pool.connect();
      try {
        return await thrownBy(() => pool.query('SELECT 1'));
      } finally {
        held.release();
        await pool.end();
      }
    },
  ),
  scenario(
    'pg',
    'connection-refused',
    undefined,
    { expected: NO_IDENTITY, ideal: unnamedOnDevice('connection_refused') },
    () => thrownBy(() => pgClient({ port: CLOSED_PORT }).connect()),
  ),
];

const mysqlOptions = (options: mysql.ConnectionOptions = {}): mysql.ConnectionOptions => ({
  host: '127.0.0.1',
  port: SERVER_PORTS.mariadb,
  user: 'corpus',
  password: SERVER_PASSWORD,
  database: 'corpus',
  ...options,
});

/** mysql2 against a real MariaDB. */
const mysql2Scenarios: readonly LibraryScenario[] = [
  scenario(
    'mysql2',
    'access-denied',
    'mariadb',
    guardedOnServer('ER_ACCESS_DENIED_ERROR (1045): a misconfigured credential'),
    () => thrownBy(() => mysql.createConnection(mysqlOptions({ password: 'not-the-password' }))),
  ),
  scenario(
    'mysql2',
    'unknown-database',
    'mariadb',
    guardedOnServer('ER_BAD_DB_ERROR (1049): the app names a database that does not exist'),
    () => thrownBy(() => mysql.createConnection(mysqlOptions({ database: 'missing_database' }))),
  ),
  scenario(
    'mysql2',
    'lock-wait-timeout',
    'mariadb',
    guardedOnServer('ER_LOCK_WAIT_TIMEOUT (1205): contention in the app’s own database'),
    async () => {
      const holder = await mysql.createConnection(mysqlOptions());
      const waiter = await mysql.createConnection(mysqlOptions());
      try {
        await holder.beginTransaction();
        await holder.query("UPDATE items SET name = 'held' WHERE id = 1");
        await waiter.query('SET SESSION innodb_lock_wait_timeout = 1');
        return await thrownBy(() => waiter.query("UPDATE items SET name = 'waiting' WHERE id = 1"));
      } finally {
        await holder.rollback().catch(() => undefined);
        await holder.end();
        await waiter.end();
      }
    },
  ),
  scenario(
    'mysql2',
    'statement-timeout',
    'mariadb',
    guardedOnServer('ER_STATEMENT_TIMEOUT (1969): a slow query of the app’s own database'),
    async () => {
      const connection = await mysql.createConnection(mysqlOptions());
      try {
        return await thrownBy(async () => {
          await connection.query('SET SESSION max_statement_time = 0.05');
          await connection.query(
            'SELECT COUNT(*) FROM information_schema.columns a, information_schema.columns b, information_schema.columns c',
          );
        });
      } finally {
        await connection.end();
      }
    },
  ),
  scenario(
    'mysql2',
    'too-many-connections',
    'mariadb',
    guardedOnServer('ER_CON_COUNT_ERROR (1040): the database ran out of connections'),
    async () => {
      const connections: mysql.Connection[] = [];
      try {
        for (let index = 0; index < 12; index++)
          connections.push(await mysql.createConnection(mysqlOptions()));
      } catch (error) {
        return error;
      } finally {
        await Promise.all(connections.map((connection) => connection.end().catch(() => undefined)));
      }
      throw new Error('the call did not throw');
    },
  ),
  scenario(
    'mysql2',
    'connection-lost',
    'mariadb',
    guardedOnServer(
      'mysql2’s “Can’t add new command when connection is in closed state”: the server killed the app’s connection',
    ),
    async () => {
      const victim = await mysql.createConnection(mysqlOptions());
      victim.on('error', () => undefined);
      const killer = await mysql.createConnection(mysqlOptions());
      try {
        await killer.query(`KILL ${victim.threadId}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return await thrownBy(() => victim.query('SELECT 1'));
      } finally {
        await killer.end();
        victim.destroy();
      }
    },
  ),
  scenario(
    'mysql2',
    'connection-refused',
    undefined,
    { expected: NO_IDENTITY, ideal: unnamedOnDevice('connection_refused') },
    () => thrownBy(() => mysql.createConnection(mysqlOptions({ port: CLOSED_PORT }))),
  ),
];

const mariadbOptions = (options: mariadb.ConnectionConfig = {}): mariadb.ConnectionConfig => ({
  host: '127.0.0.1',
  port: SERVER_PORTS.mariadb,
  user: 'corpus',
  password: SERVER_PASSWORD,
  database: 'corpus',
  ...options,
});

/** The mariadb connector against a real MariaDB: every error is its `SqlError`. */
const mariadbScenarios: readonly LibraryScenario[] = [
  scenario(
    'mariadb',
    'access-denied',
    'mariadb',
    guardedOnServer('SqlError 1045: a misconfigured credential'),
    () => thrownBy(() => mariadb.createConnection(mariadbOptions({ password: 'not-the-password' }))),
  ),
  scenario(
    'mariadb',
    'pool-timeout',
    'mariadb',
    guardedOnServer('SqlError 45028 "retrieve connection from pool timeout": the pool is exhausted'),
    async () => {
      const pool = mariadb.createPool({ ...mariadbOptions(), connectionLimit: 1, acquireTimeout: 200 });
      const held = await pool.getConnection();
      try {
        return await thrownBy(() => pool.query('SELECT 1'));
      } finally {
        await held.release();
        await pool.end();
      }
    },
  ),
  scenario(
    'mariadb',
    'connection-refused',
    undefined,
    { expected: NO_IDENTITY, ideal: unnamedOnDevice('connection_refused') },
    () =>
      thrownBy(() => mariadb.createConnection(mariadbOptions({ port: CLOSED_PORT, connectTimeout: 500 }))),
  ),
];

const redisUrl = (password = SERVER_PASSWORD) =>
  `redis://:${encodeURIComponent(password)}@127.0.0.1:${SERVER_PORTS.redis}`;

/** Fills the cache past its `maxmemory` (3 MB, `noeviction`) until the server refuses the write. */
async function untilOutOfMemory(write: (key: string, value: string) => Promise<unknown>): Promise<unknown> {
  const value = 'x'.repeat(256 * 1024);
  return thrownBy(async () => {
    for (let index = 0; index < 64; index++) await write(`corpus:fill:${index}`, value);
  });
}

/** ioredis against a real Redis. */
const ioredisScenarios: readonly LibraryScenario[] = [
  scenario(
    'ioredis',
    'wrong-password',
    'redis',
    guardedOnServer('ReplyError WRONGPASS: a misconfigured credential'),
    async () => {
      const client = new Redis(redisUrl('not-the-password'), {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        return await thrownBy(() => client.connect());
      } finally {
        client.disconnect();
      }
    },
  ),
  scenario(
    'ioredis',
    'no-auth',
    'redis',
    guardedOnServer('ReplyError NOAUTH: the app connects without the password the cache requires'),
    async () => {
      const client = new Redis(SERVER_PORTS.redis, '127.0.0.1', {
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined);
      try {
        return await thrownBy(() => client.get('corpus:key'));
      } finally {
        client.disconnect();
      }
    },
  ),
  scenario(
    'ioredis',
    'out-of-memory',
    'redis',
    guardedOnServer('ReplyError OOM: the cache is full, an outage of the app’s own infrastructure'),
    async () => {
      const client = new Redis(redisUrl());
      try {
        return await untilOutOfMemory((key, value) => client.set(key, value));
      } finally {
        await client.flushall();
        client.disconnect();
      }
    },
  ),
  scenario(
    'ioredis',
    'command-timeout',
    'redis',
    guardedOnServer('ioredis’s "Command timed out": the app’s own cache is slow'),
    async () => {
      const client = new Redis(redisUrl(), { commandTimeout: SHORT_TIMEOUT_MS });
      try {
        return await thrownBy(() => client.blpop('corpus:empty-list', 1));
      } finally {
        client.disconnect();
      }
    },
  ),
  scenario(
    'ioredis',
    'max-retries',
    undefined,
    guardedOnServer('MaxRetriesPerRequestError: the cache is unreachable'),
    async () => {
      const client = new Redis(CLOSED_PORT, '127.0.0.1', {
        maxRetriesPerRequest: 1,
        retryStrategy: () => 10,
      });
      client.on('error', () => undefined);
      try {
        return await thrownBy(() => client.get('corpus:key'));
      } finally {
        client.disconnect();
      }
    },
  ),
  scenario(
    'ioredis',
    'connection-closed',
    'redis',
    guardedOnServer('ioredis’s "Connection is closed.": a command after the connection ended'),
    async () => {
      const client = new Redis(redisUrl());
      await client.ping();
      await client.quit();
      return thrownBy(() => client.get('corpus:key'));
    },
  ),
];

/** node-redis (`redis`) against a real Redis. */
const redisScenarios: readonly LibraryScenario[] = [
  scenario(
    'redis',
    'wrong-password',
    'redis',
    guardedOnServer('ErrorReply WRONGPASS: a misconfigured credential'),
    async () => {
      const client = createClient({
        url: redisUrl('not-the-password'),
        socket: { reconnectStrategy: false },
      });
      client.on('error', () => undefined);
      return thrownBy(() => client.connect());
    },
  ),
  scenario(
    'redis',
    'out-of-memory',
    'redis',
    guardedOnServer('ErrorReply OOM: the cache is full'),
    async () => {
      const client = createClient({ url: redisUrl() });
      await client.connect();
      try {
        return await untilOutOfMemory((key, value) => client.set(key, value));
      } finally {
        await client.flushAll();
        await client.quit();
      }
    },
  ),
  scenario(
    'redis',
    'connection-refused',
    undefined,
    { expected: NO_IDENTITY, ideal: unnamedOnDevice('connection_refused') },
    async () => {
      const client = createClient({
        socket: { host: '127.0.0.1', port: CLOSED_PORT, reconnectStrategy: false },
      });
      client.on('error', () => undefined);
      return thrownBy(() => client.connect());
    },
  ),
  scenario(
    'redis',
    'client-closed',
    'redis',
    guardedOnServer('ClientClosedError: a command after the client was closed'),
    async () => {
      const client = createClient({ url: redisUrl() });
      await client.connect();
      await client.quit();
      return thrownBy(() => client.get('corpus:key'));
    },
  ),
];

/** The mongodb driver: no Debian package ships a server, so the failures without one. */
const mongodbScenarios: readonly LibraryScenario[] = [
  scenario(
    'mongodb',
    'server-selection-refused',
    undefined,
    guardedOnServer('MongoServerSelectionError around a refused connection: the database is down'),
    async () => {
      const client = new MongoClient(`mongodb://127.0.0.1:${CLOSED_PORT}/corpus`, {
        serverSelectionTimeoutMS: 200,
      });
      try {
        return await thrownBy(() => client.db('corpus').collection('items').findOne({}));
      } finally {
        await client.close();
      }
    },
  ),
  scenario(
    'mongodb',
    'server-selection-timeout',
    undefined,
    guardedOnServer('MongoServerSelectionError after the server did not answer: the database is down'),
    async () => {
      const port = await silentPort();
      const client = new MongoClient(`mongodb://127.0.0.1:${port}/corpus`, {
        serverSelectionTimeoutMS: 200,
        connectTimeoutMS: 100,
      });
      try {
        return await thrownBy(() => client.db('corpus').collection('items').findOne({}));
      } finally {
        await client.close();
      }
    },
  ),
];

/** Database and cache drivers against real servers: their errors are never an HTTP client's. */
export const datastoreScenarios: readonly LibraryScenario[] = [
  ...pgScenarios,
  ...mysql2Scenarios,
  ...mariadbScenarios,
  ...ioredisScenarios,
  ...redisScenarios,
  ...mongodbScenarios,
];
