import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ServerCredentials } from '../server-credentials.ts';

/** One running nats-server process. */
export interface NatsProcess {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface NatsProcessOptions {
  binary: string;
  /** The server's folder (owner-only): its configuration file, and JetStream's file store (under `jetstream/`). */
  serverDir: string;
  /** 0 lets the server choose a free port (it reports which). */
  port: number;
  credentials: ServerCredentials;
  log: (line: string) => void;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const STARTUP_LINES_KEPT = 50;
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
  const child = spawn(options.binary, ['-c', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const killOnExit = () => child.kill('SIGTERM');
  process.on('exit', killOnExit);

  const startupLines: string[] = [];
  let port: number | undefined;
  let ready = false;
  const started = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`embedded nats-server ${reason}${startupLines.length ? `:\n${startupLines.join('\n')}` : ''}`));
    };
    const onLine = (line: string) => {
      if (ready) {
        if (!line.includes('[INF]')) options.log(`nats: ${line}`);
        return;
      }
      port ??= Number(LISTENING.exec(line)?.[1] ?? Number.NaN) || undefined;
      if (READY.test(line) && port !== undefined) {
        ready = true;
        clearTimeout(timer);
        resolve(port);
        return;
      }
      startupLines.push(line);
      if (startupLines.length > STARTUP_LINES_KEPT) startupLines.shift();
    };
    createInterface({ input: child.stderr }).on('line', onLine);
    createInterface({ input: child.stdout }).on('line', onLine);
    child.once('error', (error) => fail(`could not be started (${error.message})`));
    closed.then(() => !ready && fail(`exited with ${child.signalCode ?? `code ${child.exitCode}`} before it was ready`));
  });

  let stopping = false;
  try {
    await started;
  } catch (error) {
    child.kill('SIGKILL');
    await closed;
    process.off('exit', killOnExit);
    throw error;
  }
  void closed.then(() => {
    if (!stopping) options.log(`nats-server exited unexpectedly with ${child.signalCode ?? `code ${child.exitCode}`}`);
  });

  let stopped: Promise<void> | undefined;
  return {
    port: port!,
    pid: child.pid!,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await closed;
        clearTimeout(timer);
        process.off('exit', killOnExit);
      })();
      return stopped;
    },
  };
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
