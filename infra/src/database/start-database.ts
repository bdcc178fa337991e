import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { MongoMemoryServer } from 'mongodb-memory-server-core';
import { dataDir as defaultDataDir } from '../paths.ts';
import { ensureFerretdbBinary } from './ferretdb-binary.ts';

/** A running MongoDB-wire-protocol server. */
export interface DatabaseHandle {
  /** Server URI without a database name (e.g. `mongodb://127.0.0.1:PORT`); callers add their own. */
  uri: string;
  kind: 'external' | 'mongod' | 'ferretdb-sqlite' | 'ferretdb-postgresql';
  stop(): Promise<void>;
}

export interface StartDatabaseOptions {
  /**
   * Where persistent data lives (`<dataDir>/mongod`, `<dataDir>/ferretdb`); defaults to the
   * project's. The built FerretDB binary is cached in the project's data dir either way.
   */
  dataDir?: string;
  log?: (line: string) => void;
  /** Fresh, throw-away data (tests). PostgreSQL data lives in that server and is never thrown away. */
  ephemeral?: boolean;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STDERR_LINES_KEPT = 50;

/**
 * Starts the database the system runs on: MONGODB_URI when set, else a local mongod when one is
 * installed, else the embedded FerretDB (built from infra/ferretdb with Go). CIVIC_DATABASE
 * (`mongod` | `ferretdb`) forces a choice; `mongod` also allows downloading MongoDB.
 */
export async function startDatabase(options: StartDatabaseOptions = {}): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const dataDir = options.dataDir ?? defaultDataDir;
  const ephemeral = options.ephemeral ?? false;

  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, kind: 'external', stop: async () => {} };

  const forced = process.env.CIVIC_DATABASE || undefined;
  if (forced !== undefined && forced !== 'mongod' && forced !== 'ferretdb') {
    throw new Error(`CIVIC_DATABASE must be "mongod" or "ferretdb", got "${forced}"`);
  }
  const postgresqlUrl = process.env.FERRETDB_POSTGRESQL_URL || undefined;
  const systemMongod = process.env.MONGOMS_SYSTEM_BINARY || findOnPath('mongod');
  // Asking for FerretDB on PostgreSQL is a choice of FerretDB, even where mongod is installed.
  const useMongod = forced === 'mongod' || (forced === undefined && postgresqlUrl === undefined && systemMongod !== undefined);
  if (useMongod) return startMongod(dataDir, ephemeral, systemMongod);
  return startFerretdb(dataDir, ephemeral, postgresqlUrl, log);
}

async function startMongod(dataDir: string, ephemeral: boolean, systemBinary: string | undefined): Promise<DatabaseHandle> {
  // Without a dbPath the server uses a temporary directory that stop() removes; a given dbPath is kept.
  const dbPath = ephemeral ? undefined : join(dataDir, 'mongod');
  if (dbPath) await mkdir(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    // wiredTiger persists on every mongod version (older ones default to ephemeralForTest).
    instance: { ip: '127.0.0.1', dbPath, storageEngine: 'wiredTiger' },
    // No systemBinary means a download, which only CIVIC_DATABASE=mongod lets us get here.
    binary: systemBinary ? { systemBinary } : {},
  });
  return {
    uri: server.getUri().replace(/\/$/, ''),
    kind: 'mongod',
    stop: async () => {
      await server.stop();
    },
  };
}

/**
 * FerretDB 1.24 speaks the MongoDB protocol well enough for this system, with known limits: no
 * partial indexes, no transactions, `$group` supports only `$sum`/`$count` (a second `$sum` in the
 * same `$group` silently returns 0), no `$lookup`/`$facet`/`$avg`/`$min`/`$push`. On SQLite only
 * `_id` lookups use an index; other filters scan the collection. Conditional writes are atomic
 * only because the launcher serializes requests (infra/ferretdb/main.go).
 */
async function startFerretdb(dataDir: string, ephemeral: boolean, postgresqlUrl: string | undefined, log: (line: string) => void): Promise<DatabaseHandle> {
  const binary = await ensureFerretdbBinary(log);
  const listen = `127.0.0.1:${await freePort()}`;
  const temporaryDir = ephemeral && !postgresqlUrl ? await mkdtemp(join(tmpdir(), 'civic-ferretdb-')) : undefined;
  const storage = postgresqlUrl ? ['-postgresql-url', postgresqlUrl] : ['-sqlite-dir', temporaryDir ?? join(dataDir, 'ferretdb')];

  const child = spawn(binary, ['-listen', listen, ...storage], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Also settles after a failed spawn, where events.once would reject with the 'error' instead.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // 'exit' handlers must be synchronous, so we cannot wait; the launcher stops promptly on
  // SIGTERM and removes its own socket directory, which SIGKILL would leave behind.
  const killOnExit = () => {
    child.kill('SIGTERM');
    if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
  };
  process.on('exit', killOnExit);

  // Until it is ready, stderr is kept for the error message; after that it goes to the log.
  const startupErrors: string[] = [];
  let started = false;
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (started) return log(`ferretdb: ${line}`);
    startupErrors.push(line);
    if (startupErrors.length > STDERR_LINES_KEPT) startupErrors.shift();
  });

  try {
    await waitUntilListening(child, () => startupErrors.join('\n'));
  } catch (error) {
    child.kill('SIGKILL');
    await closed;
    process.off('exit', killOnExit);
    if (temporaryDir) await rm(temporaryDir, { recursive: true, force: true });
    throw error;
  }
  started = true;
  for (const line of startupErrors) log(`ferretdb: ${line}`);
  let stopping = false;
  child.on('error', (error) => log(`ferretdb: ${error.message}`));
  child.on('close', (code, signal) => {
    if (!stopping) log(`ferretdb exited unexpectedly with ${signal ?? `code ${code}`}`);
  });

  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://${listen}`,
    kind: postgresqlUrl ? 'ferretdb-postgresql' : 'ferretdb-sqlite',
    stop() {
      stopped ??= (async () => {
        stopping = true;
        // Ctrl-C in a terminal also reaches the child, which may already be gone.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await closed;
        clearTimeout(timer);
        process.off('exit', killOnExit);
        if (temporaryDir) await rm(temporaryDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Resolves once the launcher prints its readiness line; it only does so when the port accepts. */
function waitUntilListening(child: ChildProcessByStdio<null, Readable, Readable>, stderr: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const settle = (error?: Error) => {
      clearTimeout(timer);
      child.off('error', onError).off('close', onClose);
      lines.off('line', onLine);
      if (error) reject(error);
      else resolve();
    };
    const fail = (reason: string) => {
      const output = stderr();
      settle(new Error(`embedded FerretDB ${reason}${output ? `:\n${output}` : ''}`));
    };
    const onLine = (line: string) => {
      if (line.startsWith('listening on ')) settle();
    };
    const onError = (error: Error) => fail(`could not be started (${error.message})`);
    // 'close' rather than 'exit': by then stderr has been read to the end, so the message is complete.
    const onClose = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited with ${signal ?? `code ${code}`} before it was ready`);
    const timer = setTimeout(() => fail(`did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    child.on('error', onError).on('close', onClose);
    lines.on('line', onLine);
  });
}

/** A loopback port nobody listens on right now (another process could still take it first). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

function findOnPath(command: string): string | undefined {
  const name = process.platform === 'win32' ? `${command}.exe` : command;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}
