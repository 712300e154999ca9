import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real database and cache servers from Debian packages (`apt-get install postgresql mariadb-server
 * redis-server`), each started once on a loopback port in a scratch directory the recorder removes, so
 * the drivers' errors are the ones a real server makes them throw. A server whose binary is missing is
 * reported by `missingServers` and its scenarios are skipped.
 */
export type ServerName = 'postgresql' | 'mariadb' | 'redis';

/** The password every server's `corpus` user has; the scenarios use another one to be refused. */
export const SERVER_PASSWORD = 'corpus-password';
/** Fixed ports, next to the loopback HTTP server's. */
export const SERVER_PORTS: Readonly<Record<ServerName, number>> = {
  postgresql: 47_832,
  mariadb: 47_833,
  redis: 47_834,
};
/** The Debian package each server comes from, for the message when it is missing. */
const PACKAGES: Readonly<Record<ServerName, string>> = {
  postgresql: 'postgresql',
  mariadb: 'mariadb-server',
  redis: 'redis-server',
};
const START_TIMEOUT_MS = 30_000;

const running = new Map<ServerName, Promise<void>>();
const processes: { readonly child: ChildProcess; readonly directory: string }[] = [];

function postgresBin(name: string): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const path = join(root, version, 'bin', name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

function onPath(name: string): string | undefined {
  for (const directory of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    const path = join(directory, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

const BINARIES: Readonly<Record<ServerName, () => string | undefined>> = {
  postgresql: () => postgresBin('postgres'),
  mariadb: () => onPath('mariadbd'),
  redis: () => onPath('redis-server'),
};

/** The servers whose binaries are missing here, each with the package that provides it. */
export function missingServers(names: readonly ServerName[]): string[] {
  return [...new Set(names)]
    .filter((name) => BINARIES[name]() === undefined)
    .map((name) => `${name} (apt-get install ${PACKAGES[name]})`);
}

/** A TCP port that accepts connections and never answers: a driver's connect timeout fires. */
export const SILENT_PORT = 47_835;
let silent: Promise<Server> | undefined;

/** Starts the silent TCP server once; returns its port. */
export async function silentPort(): Promise<number> {
  silent ??= new Promise<Server>((resolve, reject) => {
    const listener = createServer(() => {
      // Accepts and says nothing: no greeting, no handshake.
    });
    listener.once('error', reject);
    listener.listen(SILENT_PORT, '127.0.0.1', () => resolve(listener));
  });
  await silent;
  return SILENT_PORT;
}

/** Starts the server once (later calls wait for the same start). */
export function server(name: ServerName): Promise<void> {
  let started = running.get(name);
  if (started === undefined) {
    started = START[name]();
    running.set(name, started);
  }
  return started;
}

/** Stops every server started and removes its directory. */
export async function stopServers(): Promise<void> {
  for (const { child, directory } of processes.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(directory, { recursive: true, force: true });
  }
  running.clear();
  const listener = await silent?.catch(() => undefined);
  silent = undefined;
  if (listener !== undefined) {
    listener.unref();
    listener.close();
  }
}

function scratch(name: ServerName): string {
  return mkdtempSync(join(tmpdir(), `corpus-${name}-`));
}

function launch(command: string, args: readonly string[], directory: string, user?: string): void {
  const child =
    user === undefined
      ? spawn(command, args, { stdio: 'ignore' })
      : spawn('runuser', ['-u', user, '--', command, ...args], { stdio: 'ignore' });
  processes.push({ child, directory });
}

/** Resolves once the port accepts a connection. */
async function listening(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server on port ${port} did not start within ${START_TIMEOUT_MS} ms`);
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user Debian creates. */
async function startPostgres(): Promise<void> {
  const directory = scratch('postgresql');
  const data = join(directory, 'data');
  const passwordFile = join(directory, 'password');
  writeFileSync(passwordFile, `${SERVER_PASSWORD}\n`);
  const root = process.getuid?.() === 0;
  if (root) {
    chmodSync(directory, 0o755);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(directory, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  const initdb = postgresBin('initdb') ?? 'initdb';
  const initArgs = ['-D', data, '-U', 'corpus', '--auth=scram-sha-256', `--pwfile=${passwordFile}`];
  if (root) execFileSync('runuser', ['-u', 'postgres', '--', initdb, ...initArgs], { stdio: 'ignore' });
  else execFileSync(initdb, initArgs, { stdio: 'ignore' });
  const port = SERVER_PORTS.postgresql;
  launch(
    BINARIES.postgresql() ?? 'postgres',
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      directory,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=8',
    ],
    directory,
    root ? 'postgres' : undefined,
  );
  await listening(port);
}

async function startMariadb(): Promise<void> {
  const directory = scratch('mariadb');
  const data = join(directory, 'data');
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  execFileSync(
    onPath('mariadb-install-db') ?? 'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', ...user],
    { stdio: 'ignore' },
  );
  const init = join(directory, 'init.sql');
  writeFileSync(
    init,
    [
      // mariadb-install-db's anonymous ''@'localhost' would outrank 'corpus'@'%' on a loopback connection.
      "DROP USER IF EXISTS ''@'localhost';",
      `CREATE USER IF NOT EXISTS 'corpus'@'%' IDENTIFIED BY '${SERVER_PASSWORD}';`,
      `CREATE USER IF NOT EXISTS 'corpus'@'localhost' IDENTIFIED BY '${SERVER_PASSWORD}';`,
      "GRANT ALL ON *.* TO 'corpus'@'%';",
      "GRANT ALL ON *.* TO 'corpus'@'localhost';",
      'CREATE DATABASE IF NOT EXISTS corpus;',
      'CREATE TABLE IF NOT EXISTS corpus.items (id INT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB;',
      "INSERT IGNORE INTO corpus.items VALUES (1, 'one');",
      '',
    ].join('\n'),
  );
  launch(
    BINARIES.mariadb() ?? 'mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${SERVER_PORTS.mariadb}`,
      '--bind-address=127.0.0.1',
      `--socket=${join(directory, 'mariadb.sock')}`,
      `--pid-file=${join(directory, 'mariadb.pid')}`,
      `--init-file=${init}`,
      '--skip-log-bin',
      '--innodb-lock-wait-timeout=1',
      '--max-connections=6',
      ...user,
    ],
    directory,
  );
  await listening(SERVER_PORTS.mariadb);
}

async function startRedis(): Promise<void> {
  const directory = scratch('redis');
  launch(
    BINARIES.redis() ?? 'redis-server',
    [
      '--port',
      String(SERVER_PORTS.redis),
      '--bind',
      '127.0.0.1',
      '--dir',
      directory,
      '--save',
      '',
      '--appendonly',
      'no',
      '--requirepass',
      SERVER_PASSWORD,
      '--maxmemory',
      '3mb',
      '--maxmemory-policy',
      'noeviction',
    ],
    directory,
  );
  await listening(SERVER_PORTS.redis);
}

const START: Readonly<Record<ServerName, () => Promise<void>>> = {
  postgresql: startPostgres,
  mariadb: startMariadb,
  redis: startRedis,
};
