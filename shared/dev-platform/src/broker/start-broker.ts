import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKeysDir } from '@civic/identity';
import { dataDir as defaultDataDir } from '../paths.ts';
import { ownerOnlyFolder } from '../owner-only-folder.ts';
import { generateCredentials, loadOrCreateCredentials, type ServerCredentials } from '../server-credentials.ts';
import { ensureNatsServerInstalled } from './nats-install.ts';
import { startNatsProcess } from './nats-process.ts';

/** A running NATS server with JetStream. */
export interface BrokerHandle {
  /** A full URL (it carries credentials: log it through `redactUri`). */
  url: string;
  /** `external` (NATS_URL), or the embedded nats-server. */
  kind: 'external' | 'embedded';
  /** The embedded server's process id, for measuring it. */
  pid?: number;
  /** Stops the embedded server and removes throw-away data; leaves an external server alone. */
  stop(): Promise<void>;
  /** Embedded only: stops the server process and starts it again on the same port with the same store, after `downtime`. */
  restart?(downtime: () => Promise<void>): Promise<void>;
}

export interface StartBrokerOptions {
  /**
   * Where the persistent store and its credentials live (`<dataDir>/nats/store`, `<dataDir>/keys`);
   * defaults to the project's (credentials beside the development keys). nats-server itself is
   * installed in the project's data folder either way.
   */
  dataDir?: string;
  log?: (line: string) => void;
  /** A fresh, throw-away store and credentials (tests, benchmarks). */
  ephemeral?: boolean;
}

export const BROKER_CREDENTIALS_FILE = 'broker.credentials.json';

/**
 * Starts the broker events travel through: the server NATS_URL names (production: a NATS
 * cluster with JetStream), else the embedded nats-server on a free loopback port, with JetStream's
 * file store in the data folder, accepting only its one user.
 */
export async function startBroker(options: StartBrokerOptions = {}): Promise<BrokerHandle> {
  const external = process.env.NATS_URL;
  if (external) return { url: external, kind: 'external', stop: async () => {} };
  return startEmbedded(options);
}

async function startEmbedded(options: StartBrokerOptions): Promise<BrokerHandle> {
  const log = options.log ?? (() => {});
  const binary = await ensureNatsServerInstalled(join(defaultDataDir, 'nats'), log);

  const ephemeral = options.ephemeral ?? false;
  const dataDir = options.dataDir ?? defaultDataDir;
  const keysDir = options.dataDir ? join(options.dataDir, 'keys') : defaultKeysDir();
  const serverDir = ephemeral ? await mkdtemp(join(tmpdir(), 'civic-nats-')) : await ownerOnlyFolder(join(dataDir, 'nats', 'store'));
  const removeThrowAwayData = () => (ephemeral ? rm(serverDir, { recursive: true, force: true }) : Promise.resolve());
  const credentials = ephemeral ? generateCredentials() : await loadOrCreateCredentials(await ownerOnlyFolder(keysDir), BROKER_CREDENTIALS_FILE);

  try {
    let server = await startNatsProcess({ binary, serverDir, port: 0, credentials, log });
    const port = server.port;
    let stopped: Promise<void> | undefined;
    return {
      url: brokerUrl(port, credentials),
      kind: 'embedded',
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
        server = await startNatsProcess({ binary, serverDir, port, credentials, log });
      },
    };
  } catch (error) {
    await removeThrowAwayData();
    throw error;
  }
}

function brokerUrl(port: number, credentials: ServerCredentials): string {
  return `nats://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
}
