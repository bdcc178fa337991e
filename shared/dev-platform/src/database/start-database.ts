import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mongo } from 'mongoose';
import { defaultKeysDir } from '@civic/identity';
import { dataDir as defaultDataDir } from '../paths.ts';
import { ownerOnlyFolder } from '../owner-only-folder.ts';
import { generateCredentials, loadOrCreateCredentials, type ServerCredentials } from '../server-credentials.ts';
import { connectionString, DATABASE_CREDENTIALS_FILE } from './database-credentials.ts';
import { chosenServerKind, ensureSecantusInstalled, type SecantusInstall, type SecantusServerKind } from './secantus-install.ts';
import { startSecantusProcess, type SecantusProcess } from './secantus-process.ts';

/** A running MongoDB-wire server. */
export interface DatabaseHandle {
  /** A full connection string (it may carry credentials: log it through `redactUri`); clients pick their database with `dbName`. */
  uri: string;
  /** `external` (MONGODB_URI), or which embedded SecantusDB server runs. */
  kind: 'external' | `secantus-${SecantusServerKind}`;
  /** The embedded server's process id, for measuring it. */
  pid?: number;
  /** Stops the embedded server and removes throw-away data; leaves an external server alone. */
  stop(): Promise<void>;
  /** Embedded only: stops the server process and starts it again on the same port with the same data, after `downtime`. */
  restart?(downtime: () => Promise<void>): Promise<void>;
}

export interface StartDatabaseOptions {
  /**
   * Where persistent data and its credentials live (`<dataDir>/secantus/store-<server>/data`, `<dataDir>/keys`);
   * defaults to the project's (credentials beside the development keys). SecantusDB itself is
   * installed in the project's data folder either way.
   */
  dataDir?: string;
  log?: (line: string) => void;
  /** Fresh, throw-away data and credentials (tests, benchmarks). */
  ephemeral?: boolean;
}

/**
 * Starts the database the system runs on: the server MONGODB_URI names (production: a MongoDB
 * replica set), else the embedded SecantusDB, a single-node replica set on WiredTiger on a free
 * loopback port that accepts only authenticated clients.
 */
export async function startDatabase(options: StartDatabaseOptions = {}): Promise<DatabaseHandle> {
  const external = process.env.MONGODB_URI;
  if (external) return { uri: external, kind: 'external', stop: async () => {} };
  return startEmbedded(options);
}

async function startEmbedded(options: StartDatabaseOptions): Promise<DatabaseHandle> {
  const log = options.log ?? (() => {});
  const install = await ensureSecantusInstalled(chosenServerKind(), join(defaultDataDir, 'secantus'), log);

  const ephemeral = options.ephemeral ?? false;
  const dataDir = options.dataDir ?? defaultDataDir;
  const keysDir = options.dataDir ? join(options.dataDir, 'keys') : defaultKeysDir();
  // The server's folder: its data, and the mark that its user was created. mkdtemp makes a folder
  // only its owner can read. Each server keeps its own store: their file formats are not promised to match.
  const serverDir = ephemeral ? await mkdtemp(join(tmpdir(), 'civic-secantus-')) : await ownerOnlyFolder(join(dataDir, 'secantus', `store-${install.kind}`));
  const storagePath = await ownerOnlyFolder(join(serverDir, 'data'));
  if (!ephemeral) await chmod(dataDir, 0o700);
  const removeThrowAwayData = () => (ephemeral ? rm(serverDir, { recursive: true, force: true }) : Promise.resolve());
  const credentials = ephemeral ? generateCredentials() : await loadOrCreateCredentials(await ownerOnlyFolder(keysDir), DATABASE_CREDENTIALS_FILE);

  try {
    await createUserOnce(install, storagePath, credentials, log);
    let server = await startSecantusProcess({ install, storagePath, port: 0, auth: true, log });
    const port = server.port;
    await checkLogin(connectionString('127.0.0.1', port, credentials), storagePath).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    let stopped: Promise<void> | undefined;
    return {
      uri: connectionString('127.0.0.1', port, credentials),
      kind: `secantus-${install.kind}`,
      get pid() {
        return server.pid;
      },
      stop() {
        stopped ??= server.stop().then(removeThrowAwayData);
        return stopped;
      },
      async restart(downtime) {
        await server.stop();
        await downtime();
        server = await startSecantusProcess({ install, storagePath, port, auth: true, log });
      },
    };
  } catch (error) {
    await removeThrowAwayData();
    throw error;
  }
}

/**
 * SecantusDB has no localhost exception: its first user is created by a short-lived server
 * without authentication on a private port, before any data exists, and then checked to be the
 * only user. The marker beside the data says it was done.
 */
async function createUserOnce(install: SecantusInstall, storagePath: string, credentials: ServerCredentials, log: (line: string) => void): Promise<void> {
  const marker = join(dirname(storagePath), 'user-created');
  if (existsSync(marker)) return;
  const bootstrap: SecantusProcess = await startSecantusProcess({ install, storagePath, port: 0, auth: false, log });
  try {
    const client = new mongo.MongoClient(`mongodb://127.0.0.1:${bootstrap.port}/?directConnection=true`, { serverSelectionTimeoutMS: 5_000 });
    try {
      const admin = client.db('admin');
      await admin.command({ createUser: credentials.username, pwd: credentials.password, roles: [{ role: 'root', db: 'admin' }] });
      const { users } = (await admin.command({ usersInfo: 1 })) as { users: { user: string }[] };
      if (users.length !== 1 || users[0]?.user !== credentials.username) {
        throw new Error(`embedded SecantusDB: unexpected users after setup (${users.map((user) => user.user).join(', ')}); remove ${storagePath} and start again`);
      }
    } finally {
      await client.close();
    }
  } finally {
    await bootstrap.stop();
  }
  await writeFile(marker, '', { mode: 0o600 });
}

/** Fails clearly when the stored user does not match the kept credentials (one of the two was replaced by hand). */
async function checkLogin(uri: string, storagePath: string): Promise<void> {
  const client = new mongo.MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`embedded SecantusDB refused the kept credentials (${(error as Error).message}); remove ${storagePath} to start with empty data, or restore the credentials file`);
  } finally {
    await client.close();
  }
}
