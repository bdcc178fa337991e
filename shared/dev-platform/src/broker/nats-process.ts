import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerCredentials } from '../server-credentials.ts';
import { startServerProcess, type ServerProcess } from '../server-process.ts';

/** One running nats-server process. */
export type NatsProcess = ServerProcess;

export interface NatsProcessOptions {
  binary: string;
  /** The server's folder (owner-only): its configuration file, and JetStream's file store (under `jetstream/`). */
  serverDir: string;
  /** 0 lets the server choose a free port (it reports which). */
  port: number;
  credentials: ServerCredentials;
  log: (line: string) => void;
}

const LISTENING = /Listening for client connections on [^\s]+:(\d+)/;
const READY = /Server is ready/;

/**
 * Starts nats-server with JetStream on loopback and resolves once it says it is ready. Its
 * settings, the password among them, go in a configuration file its owner alone can read, never
 * on the command line where any user's `ps` would show them. From then on its warnings and
 * errors go to `log`.
 */
export async function startNatsProcess(options: NatsProcessOptions): Promise<NatsProcess> {
  const configPath = join(options.serverDir, 'nats-server.conf');
  await writeFile(configPath, configuration(options), { mode: 0o600 });
  return startServerProcess({
    title: 'embedded nats-server',
    logName: 'nats',
    command: options.binary,
    args: ['-c', configPath],
    portIn: (line) => {
      const listening = LISTENING.exec(line);
      return listening ? Number(listening[1]) : undefined;
    },
    isReady: (line) => READY.test(line),
    isRoutine: (line) => line.includes('[INF]'),
    log: options.log,
  });
}

/** nats-server's configuration format; strings as JSON strings, which it reads. */
function configuration(options: NatsProcessOptions): string {
  return [
    `listen: ${JSON.stringify(`127.0.0.1:${options.port === 0 ? -1 : options.port}`)}`,
    `jetstream { store_dir: ${JSON.stringify(options.serverDir)} }`,
    `authorization { user: ${JSON.stringify(options.credentials.username)}, password: ${JSON.stringify(options.credentials.password)} }`,
    '',
  ].join('\n');
}
